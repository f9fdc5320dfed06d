package org.stackscope.io.volume.tiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Encodes one IFD, classic or BigTIFF: the entry table sorted by tag (as TIFF requires), the next-IFD pointer, then
 * the values too long to fit in their entry, each starting on an even byte.
 */
final class IfdBuilder {

    private record Field(int type, long count, byte[] data) {
    }

    private final ByteOrder order;
    private final boolean bigTiff;
    private final Map<Integer, Field> fields = new TreeMap<>();

    IfdBuilder(ByteOrder order, boolean bigTiff) {
        this.order = order;
        this.bigTiff = bigTiff;
    }

    IfdBuilder shorts(int tag, int... values) {
        ByteBuffer b = buffer(values.length * 2);
        for (int v : values) {
            b.putShort((short) v);
        }
        return put(tag, TiffTags.TYPE_SHORT, values.length, b);
    }

    /** Unsigned 32-bit values (dimensions, rows per strip). */
    IfdBuilder longs(int tag, long... values) {
        ByteBuffer b = buffer(values.length * 4);
        for (long v : values) {
            b.putInt((int) v);
        }
        return put(tag, TiffTags.TYPE_LONG, values.length, b);
    }

    /** File offsets and byte counts: LONG in classic TIFF, LONG8 in BigTIFF. */
    IfdBuilder offsets(int tag, long... values) {
        if (!bigTiff) {
            return longs(tag, values);
        }
        ByteBuffer b = buffer(values.length * 8);
        for (long v : values) {
            b.putLong(v);
        }
        return put(tag, TiffTags.TYPE_LONG8, values.length, b);
    }

    IfdBuilder rational(int tag, long numerator, long denominator) {
        return put(tag, TiffTags.TYPE_RATIONAL, 1, buffer(8).putInt((int) numerator).putInt((int) denominator));
    }

    IfdBuilder ascii(int tag, String text) {
        byte[] bytes = (text + '\0').getBytes(StandardCharsets.US_ASCII);
        return put(tag, TiffTags.TYPE_ASCII, bytes.length, ByteBuffer.wrap(bytes));
    }

    private ByteBuffer buffer(int length) {
        return ByteBuffer.allocate(length).order(order);
    }

    private IfdBuilder put(int tag, int type, long count, ByteBuffer data) {
        fields.put(tag, new Field(type, count, data.array()));
        return this;
    }

    private int fieldSize() {
        return bigTiff ? 8 : 4;
    }

    private long tableSize() {
        return (bigTiff ? 8 : 2) + fields.size() * (bigTiff ? 20L : 12L) + fieldSize();
    }

    /** Bytes the encoded IFD takes, always even so that the next IFD starts on a word boundary. */
    long size() {
        long size = tableSize();
        for (Field f : fields.values()) {
            if (f.data().length > fieldSize()) {
                size += even(f.data().length);
            }
        }
        return even(size);
    }

    /** The IFD as it is written at byte {@code at}, pointing to the next IFD at {@code next} (0 for none). */
    ByteBuffer encode(long at, long next) {
        ByteBuffer table = buffer((int) size());
        ByteBuffer values = table.duplicate().order(order).position((int) tableSize());
        if (bigTiff) {
            table.putLong(fields.size());
        } else {
            table.putShort((short) fields.size());
        }
        for (Map.Entry<Integer, Field> e : fields.entrySet()) {
            Field f = e.getValue();
            table.putShort(e.getKey().shortValue()).putShort((short) f.type());
            putOffset(table, f.count());
            if (f.data().length <= fieldSize()) {
                table.put(f.data()).position(table.position() + fieldSize() - f.data().length);
            } else {
                putOffset(table, at + values.position());
                values.put(f.data()).position((int) even(values.position()));
            }
        }
        putOffset(table, next);
        return table.clear();
    }

    private void putOffset(ByteBuffer b, long value) {
        if (bigTiff) {
            b.putLong(value);
        } else {
            b.putInt((int) value);
        }
    }

    private static long even(long n) {
        return n + (n & 1);
    }
}
