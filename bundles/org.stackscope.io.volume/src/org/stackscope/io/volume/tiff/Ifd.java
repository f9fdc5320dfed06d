package org.stackscope.io.volume.tiff;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.stackscope.core.api.ImportException;

/**
 * One Image File Directory: its entries, read eagerly as a block, and their values, read on demand (out-of-line
 * arrays such as StripOffsets are read only for the tags a page needs).
 */
final class Ifd {

    /** More values than any sane page needs (16 M strips or tiles); protects against absurd counts. */
    private static final long MAX_VALUES = 1L << 24;
    /** Longest ImageDescription prefix read; ImageJ keys come first, OME-XML beyond this is not needed. */
    static final int MAX_TEXT_BYTES = 1 << 20;
    private static final long MAX_ENTRIES = 1L << 16;

    private record Entry(int tag, int type, long count, byte[] inlineValue, long valueOffset) {
    }

    private final TiffInput in;
    private final long offset;
    private final long nextOffset;
    private final Map<Integer, Entry> entries;

    private Ifd(TiffInput in, long offset, long nextOffset, Map<Integer, Entry> entries) {
        this.in = in;
        this.offset = offset;
        this.nextOffset = nextOffset;
        this.entries = entries;
    }

    static Ifd read(TiffInput in, long offset) throws ImportException {
        String where = position(offset);
        boolean big = in.bigTiff();
        int countSize = big ? 8 : 2;
        int entrySize = big ? 20 : 12;
        int fieldSize = in.offsetSize();
        ByteBuffer head = in.read(offset, countSize, where);
        long entryCount = big ? head.getLong() : Short.toUnsignedInt(head.getShort());
        if (entryCount <= 0 || entryCount > MAX_ENTRIES) {
            throw new ImportException(in.file(), where, "the IFD declares " + Long.toUnsignedString(entryCount)
                    + " entries: the file is corrupt");
        }
        ByteBuffer block = in.read(offset + countSize, (int) entryCount * entrySize + fieldSize, where);
        Map<Integer, Entry> entries = new HashMap<>();
        for (int i = 0; i < entryCount; i++) {
            int tag = Short.toUnsignedInt(block.getShort());
            int type = Short.toUnsignedInt(block.getShort());
            long count = in.readOffset(block);
            byte[] field = new byte[fieldSize];
            block.get(field);
            int typeSize = TiffTags.typeSize(type);
            if (typeSize == 0 || entries.containsKey(tag)) {
                continue; // unknown field types must be skipped (TIFF 6.0); the first of duplicated tags wins
            }
            boolean inline = count >= 0 && count <= fieldSize / typeSize;
            long valueOffset = inline ? -1 : in.readOffset(ByteBuffer.wrap(field).order(in.order()));
            entries.put(tag, new Entry(tag, type, count, inline ? field : null, valueOffset));
        }
        return new Ifd(in, offset, in.readOffset(block), entries);
    }

    static String position(long ifdOffset) {
        return "IFD at byte " + ifdOffset;
    }

    long offset() {
        return offset;
    }

    /** Offset of the next IFD in the chain, 0 at the end. */
    long nextOffset() {
        return nextOffset;
    }

    boolean has(int tag) {
        Entry e = entries.get(tag);
        return e != null && e.count() > 0;
    }

    /** The first value of an integer tag, or {@code fallback} when the tag is absent. */
    long number(int tag, long fallback) throws ImportException {
        return has(tag) ? values(entries.get(tag), 1)[0] : fallback;
    }

    /** All values of an integer tag (BYTE, SHORT, LONG, LONG8 or their signed forms), or null when absent. */
    long[] numbers(int tag) throws ImportException {
        return has(tag) ? values(entries.get(tag), entries.get(tag).count()) : null;
    }

    private long[] values(Entry e, long wanted) throws ImportException {
        if (e.count() > MAX_VALUES) {
            throw new ImportException(in.file(), position(offset), TiffTags.name(e.tag()) + " declares "
                    + Long.toUnsignedString(e.count()) + " values, far more than any image needs: the file is corrupt");
        }
        int n = (int) Math.min(wanted, e.count());
        ByteBuffer src = valueBytes(e, n * TiffTags.typeSize(e.type()));
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (e.type()) {
                case TiffTags.TYPE_BYTE, TiffTags.TYPE_UNDEFINED -> Byte.toUnsignedLong(src.get());
                case TiffTags.TYPE_SBYTE -> src.get();
                case TiffTags.TYPE_SHORT -> Short.toUnsignedLong(src.getShort());
                case TiffTags.TYPE_SSHORT -> src.getShort();
                case TiffTags.TYPE_LONG, TiffTags.TYPE_IFD -> Integer.toUnsignedLong(src.getInt());
                case TiffTags.TYPE_SLONG -> src.getInt();
                case TiffTags.TYPE_LONG8, TiffTags.TYPE_SLONG8, TiffTags.TYPE_IFD8 -> src.getLong();
                default -> throw new ImportException(in.file(), position(offset), TiffTags.name(e.tag())
                        + " has field type " + e.type() + " where an integer is expected: the file is corrupt");
            };
        }
        return out;
    }

    /** The first value of a RATIONAL (or FLOAT/DOUBLE) tag, NaN when absent or its denominator is 0. */
    double rational(int tag) throws ImportException {
        if (!has(tag)) {
            return Double.NaN;
        }
        Entry e = entries.get(tag);
        ByteBuffer src = valueBytes(e, TiffTags.typeSize(e.type()));
        return switch (e.type()) {
            case TiffTags.TYPE_RATIONAL -> Integer.toUnsignedLong(src.getInt()) / (double) Integer.toUnsignedLong(
                    src.getInt());
            case TiffTags.TYPE_SRATIONAL -> src.getInt() / (double) src.getInt();
            case TiffTags.TYPE_FLOAT -> src.getFloat();
            case TiffTags.TYPE_DOUBLE -> src.getDouble();
            default -> Double.NaN;
        };
    }

    /** An ASCII tag up to its first NUL (UTF-8 when valid, else ISO-8859-1, as ImageJ writes µ), or null. */
    String text(int tag) throws ImportException {
        if (!has(tag)) {
            return null;
        }
        Entry e = entries.get(tag);
        if (TiffTags.typeSize(e.type()) != 1) {
            return null;
        }
        ByteBuffer src = valueBytes(e, (int) Math.min(e.count(), MAX_TEXT_BYTES));
        int end = src.position();
        while (end < src.limit() && src.get(end) != 0) {
            end++;
        }
        ByteBuffer bytes = src.limit(end);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes.duplicate());
            return chars.toString();
        } catch (CharacterCodingException notUtf8) {
            return StandardCharsets.ISO_8859_1.decode(bytes).toString();
        }
    }

    private ByteBuffer valueBytes(Entry e, int length) throws ImportException {
        if (e.inlineValue() != null) {
            return ByteBuffer.wrap(e.inlineValue(), 0, length).order(in.order());
        }
        return in.read(e.valueOffset(), length, position(offset) + ", " + TiffTags.name(e.tag()));
    }
}
