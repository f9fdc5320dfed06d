package org.stackscope.io.cycler.tests;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes small EC-Lab .mpr files for tests and benchmarks, in the layouts the reader must know: module headers of
 * 51 bytes (before EC-Lab 11.50) or 59 bytes (0xFFFFFFFF marker, second version field), data modules of version 2
 * and 3 (little-endian u16 IDs, records at byte 405/406) and 0 in the 11.50 layout (big-endian u16 IDs, records at
 * 1007). Column types follow the ID: flags share one byte, the caller passes each ID's width.
 */
final class MprWriter {

    /** A column: its ID and width in bytes (0 for a flag sharing the flag byte). */
    record Col(int id, int width, double[] values) {
    }

    private MprWriter() {
    }

    static byte[] write(boolean newHeaders, int dataVersion, int technique, Col... cols) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] magic = new byte[52];
        byte[] text = "BIO-LOGIC MODULAR FILE\u001a".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(text, 0, magic, 0, text.length);
        for (int i = text.length; i < 48; i++) {
            magic[i] = ' ';
        }
        out.writeBytes(magic);
        byte[] settings = new byte[64];
        settings[0] = (byte) technique;
        module(out, "VMP Set", "VMP settings", settings, 0, newHeaders, 10);
        module(out, "VMP data", "VMP data", data(newHeaders, dataVersion, cols), dataVersion, newHeaders, 11);
        return out.toByteArray();
    }

    private static byte[] data(boolean newHeaders, int version, Col... cols) {
        int rows = cols[0].values().length;
        boolean bigEndianIds = version == 0 && newHeaders;
        int idBytes = version == 0 && !newHeaders ? 1 : 2;
        int start = version == 2 ? 405 : version == 3 ? 406 : bigEndianIds ? 1007 : 100;
        int record = 0;
        boolean flagByte = false;
        for (Col c : cols) {
            if (c.width() == 0 && !flagByte) {
                flagByte = true;
                record++;
            }
            record += c.width();
        }
        ByteBuffer b = ByteBuffer.allocate(start + rows * record).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, rows);
        b.put(4, (byte) cols.length);
        for (int c = 0; c < cols.length; c++) {
            int at = 5 + c * idBytes;
            if (idBytes == 1) {
                b.put(at, (byte) cols[c].id());
            } else if (bigEndianIds) {
                b.put(at, (byte) (cols[c].id() >> 8));
                b.put(at + 1, (byte) cols[c].id());
            } else {
                b.putShort(at, (short) cols[c].id());
            }
        }
        for (int r = 0; r < rows; r++) {
            int p = start + r * record;
            int flagAt = -1;
            for (Col c : cols) {
                double v = c.values()[r];
                switch (c.width()) {
                    case 0 -> {
                        if (flagAt < 0) {
                            flagAt = p++;
                        }
                        int mask = switch (c.id()) {
                            case 1 -> 0x03;
                            case 2 -> 0x04;
                            case 3 -> 0x08;
                            case 21 -> 0x10;
                            case 31 -> 0x20;
                            default -> 0x80;
                        };
                        int shifted = ((int) v << Integer.numberOfTrailingZeros(mask)) & mask;
                        b.put(flagAt, (byte) (b.get(flagAt) | shifted));
                    }
                    case 1 -> b.put(p++, (byte) v);
                    case 2 -> {
                        b.putShort(p, (short) v);
                        p += 2;
                    }
                    case 4 -> {
                        b.putFloat(p, (float) v);
                        p += 4;
                    }
                    case 8 -> {
                        b.putDouble(p, v);
                        p += 8;
                    }
                    default -> throw new IllegalArgumentException("width " + c.width());
                }
            }
        }
        return b.array();
    }

    private static void module(ByteArrayOutputStream out, String shortName, String longName, byte[] data,
            int version, boolean newHeader, int newVersion) {
        out.writeBytes("MODULE".getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer h = ByteBuffer.allocate(newHeader ? 59 : 51).order(ByteOrder.LITTLE_ENDIAN);
        h.put(padded(shortName, 10));
        h.put(padded(longName, 25));
        if (newHeader) {
            h.putInt(-1);
        }
        h.putInt(data.length);
        h.putInt(version);
        if (newHeader) {
            h.putInt(newVersion);
        }
        h.put("11/22/26".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(h.array());
        out.writeBytes(data);
    }

    private static byte[] padded(String s, int n) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) ' ');
        byte[] t = s.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(t, 0, b, 0, t.length);
        return b;
    }
}
