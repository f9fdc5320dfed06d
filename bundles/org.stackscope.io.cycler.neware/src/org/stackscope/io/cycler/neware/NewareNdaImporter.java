package org.stackscope.io.cycler.neware;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.io.SafeZip;
import org.stackscope.core.model.Table;

/**
 * Neware BTS .nda binary files, versions 29 (BTS 7/8: 86-byte integer records with a current-range multiplier)
 * and 130 (BTS 9: 88-byte float records; BTS 9.1: float records whose length is found from the second record, with
 * a temperature when 56 bytes long). Layouts as documented by NewareNDA (github.com/d-cogswell/NewareNDA).
 * Version 29 stores wall-clock dates; they are read in the zone of the setting {@code timeZone} (default UTC).
 */
public final class NewareNdaImporter implements Importer<Table> {

    static final byte[] MAGIC = "NEWARE".getBytes(StandardCharsets.US_ASCII);
    private static final int RECORD_29 = 86;
    private static final byte[] START_29 = { 0, 0, 0, 0, 0x55, 0 };
    private static final byte[] AUX_130 = { 0, 0, 0, 0, 0x65 };

    @Override
    public Match matches(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(MAGIC.length);
            return java.util.Arrays.equals(head, MAGIC) ? Match.YES : Match.NO;
        } catch (IOException e) {
            return Match.NO;
        }
    }

    @Override
    public Table read(Path file, ImportSettings settings, Monitor monitor) throws ImportException {
        ZoneId zone = zone(file, settings);
        Bytes b;
        try {
            if (Files.size(file) > Integer.MAX_VALUE) {
                throw new ImportException(file, "", "files above 2 GiB are not supported");
            }
            b = Bytes.map(file);
        } catch (IOException e) {
            throw new ImportException(file, "", "cannot be read: " + SafeZip.oneLine(e.getMessage()), e);
        }
        if (!b.startsWith(MAGIC, 0) || b.size() < 16) {
            throw new ImportException(file, "byte 0", "not a Neware .nda file (no 'NEWARE' signature)");
        }
        monitor.begin("Reading " + file.getFileName(), b.size());
        int version = b.u8(14);
        Map<String, String> metadata = metadata(b, version);
        NewareRecords records = new NewareRecords(b.size() / RECORD_29);
        switch (version) {
            case 29 -> read29(file, b, records, zone, monitor);
            case 130 -> read130(file, b, records, monitor);
            default -> throw new ImportException(file, "byte 14", "nda version " + version
                    + " is not supported (29 and 130 are)");
        }
        if (records.size() == 0) {
            throw new ImportException(file, "byte " + b.size(), "the file holds no data records");
        }
        if (version == 29) {
            metadata.put("timestamp_zone", zone.getId() + " (the file stores wall-clock time; setting timeZone)");
        }
        monitor.done();
        return records.toTable(metadata);
    }

    static ZoneId zone(Path file, ImportSettings settings) throws ImportException {
        String id = settings.get("timeZone", "UTC");
        try {
            return ZoneId.of(id.trim());
        } catch (DateTimeException e) {
            throw new ImportException(file, "setting timeZone", "'" + id + "' is not a time zone such as UTC or "
                    + "Europe/Berlin");
        }
    }

    private static Map<String, String> metadata(Bytes b, int version) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "Neware nda");
        meta.put("nda_version", Integer.toString(version));
        int server = b.find("BTSServer".getBytes(StandardCharsets.US_ASCII), 0, 1 << 16);
        if (server >= 0) {
            meta.put("server_version", b.text(server, 50));
            meta.put("client_version", b.text(server + 100, 50));
            meta.put("software_version", meta.get("client_version"));
        }
        if (version == 29 && b.size() > 2417) {
            meta.put("active_mass_mg", Double.toString(b.u32(152) / 1000.0));
            String remarks = b.text(2317, 100);
            if (!remarks.isEmpty()) {
                meta.put("remarks", remarks);
            }
        }
        return meta;
    }

    /** Version 29: records start after the first 00000000 5500 whose successor is also a record. */
    private static void read29(Path file, Bytes b, NewareRecords out, ZoneId zone, Monitor monitor)
            throws ImportException {
        int size = b.size();
        int header = b.find(START_29, 0, size);
        while (header >= 0 && header + 4 + RECORD_29 < size
                && (b.u8(header + 4 + RECORD_29) != 0x55 || b.u8(header + 4 + 12) == 0)) {
            header = b.find(START_29, header + 4, size);
        }
        if (header < 0) {
            throw new ImportException(file, "byte " + size, "no data records found (nda version 29)");
        }
        for (int at = header + 4; at + RECORD_29 <= size; at += RECORD_29) {
            if ((at & 0xfffff) < RECORD_29) {
                monitor.checkCanceled();
                monitor.worked(1 << 20);
            }
            if (b.i32(at + 82) != 0) {
                continue;
            }
            if (b.u8(at) == 0x55 && b.u8(at + 1) == 0) {
                long index = b.u32(at + 2);
                int status = b.u8(at + 12);
                if (index == 0 || status == 0) {
                    continue;
                }
                double multiplier = multiplier(file, b.i32(at + 78), at + 78);
                out.add(index, b.u32(at + 6) + 1, b.u32(at + 10), b.u16(at + 10), status, b.i64(at + 14) / 1000.0,
                        b.i32(at + 22) / 10000.0, b.i32(at + 26) * multiplier,
                        b.i64(at + 38) * multiplier / 3600, b.i64(at + 46) * multiplier / 3600,
                        b.i64(at + 54) * multiplier / 3600, b.i64(at + 62) * multiplier / 3600,
                        b.wallClock(at + 70, zone));
            } else if (b.u8(at) == 0x65) {
                addAux(b, at, out);
            }
        }
    }

    /** Auxiliary record (versions 29 and 130): channel, record index, voltage and temperature. */
    private static void addAux(Bytes b, int at, NewareRecords out) {
        String channel = Integer.toString(b.u8(at + 1));
        long index = b.u32(at + 2);
        out.addAux("T", channel, "degC", index, b.i16(at + 34) / 10.0);
        out.addAux("V", channel, "V", index, b.i32(at + 22) / 10000.0);
    }

    /** Version 130: BTS 9.1 records start with 0x55; BTS 9.0 records repeat the first record's 6-byte prefix. */
    private static void read130(Path file, Bytes b, NewareRecords out, Monitor monitor) throws ImportException {
        int size = b.size();
        if (size < 1030) {
            throw new ImportException(file, "byte " + size, "truncated before the first record at byte 1024");
        }
        boolean bts91 = b.u8(1024) == 0x55;
        int length = 88;
        byte[] prefix = b.slice(1024, 6);
        if (bts91) {
            int next = b.find(b.slice(1024, 2), 1026, size);
            length = next - 1024;
            if (next < 0 || length < 52) {
                throw new ImportException(file, "byte 1024", "cannot find the record length (nda 130, BTS 9.1)");
            }
        }
        for (int at = 1024; at + length <= size; at += length) {
            if ((at & 0xfffff) < length) {
                monitor.checkCanceled();
                monitor.worked(1 << 20);
            }
            if (bts91 && b.u8(at) == 0x55) {
                addBts91(b, at, length, out);
            } else if (!bts91 && b.startsWith(prefix, at)) {
                addBts90(b, at + 4, out);
            } else if (b.startsWith(AUX_130, at)) {
                addAux(b, at + 4, out);
            } else if (b.u8(at) == 0x81) {
                break;
            }
        }
    }

    private static void addBts91(Bytes b, int at, int length, NewareRecords out) {
        int step = b.u8(at + 2);
        long index = b.u32(at + 8);
        double capacity = b.f32(at + 28);
        double energy = b.f32(at + 32);
        out.add(index, b.u32(at + 36) + 1, step, step, b.u8(at + 3), b.u32(at + 12) + 1e-9 * b.u32(at + 16),
                b.f32(at + 24), b.f32(at + 20), Math.max(capacity, 0) / 3600, Math.max(-capacity, 0) / 3600,
                Math.max(energy, 0) / 3600, Math.max(-energy, 0) / 3600, b.u32(at + 44) + 1e-9 * b.u32(at + 48));
        if (length == 56) {
            out.addAux("T", "1", "degC", index, b.f32(at + 52));
        }
    }

    private static void addBts90(Bytes b, int at, NewareRecords out) {
        int step = b.u8(at + 5);
        out.add(b.u32(at + 12), 0, step, step, b.u8(at + 6), b.i64(at + 24) / 1e6, b.f32(at + 32), b.f32(at + 36),
                b.f32(at + 48) / 3600, b.f32(at + 56) / 3600, b.f32(at + 52) / 3600, b.f32(at + 60) / 3600,
                b.i64(at + 64) / 1e6);
    }

    /** mA per raw current unit for a channel's current range (BTS 7/8 integer records). */
    static double multiplier(Path file, int range, int at) throws ImportException {
        return switch (range) {
            case -100000000 -> 10;
            case -200000, -100000, -60000, -50000, -40000, -30000, -20000, -12000, -10000, -6000, -5000, -3000,
                    -2000, -1000 -> 1e-2;
            case -500, -100 -> 1e-3;
            case -50, -25, -20, -10 -> 1e-4;
            case -5, -2, -1 -> 1e-5;
            case 0 -> 0;
            case 1, 2, 5 -> 1e-4;
            case 10, 20, 25, 50 -> 1e-3;
            case 100, 200, 250, 500 -> 1e-2;
            case 1000, 6000, 10000, 12000, 20000, 30000, 40000, 50000, 60000, 100000, 200000 -> 1e-1;
            default -> throw new ImportException(file, "byte " + at, "unknown current range " + range);
        };
    }
}
