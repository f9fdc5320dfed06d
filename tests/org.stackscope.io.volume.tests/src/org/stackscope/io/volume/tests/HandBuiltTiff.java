package org.stackscope.io.volume.tests;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Assembles TIFF bytes tag by tag, independently of Stackscope's writer, so tests can state exactly what a file
 * holds: odd layouts, other byte orders, BigTIFF, and every kind of damage. Strip data goes first, then the IFDs
 * (or the other way round, see {@link #ifdsFirst()}); StripOffsets and StripByteCounts are filled in from the strips
 * unless a page sets them itself.
 */
final class HandBuiltTiff {

    static final int SHORT = 3;
    static final int LONG = 4;
    static final int RATIONAL = 5;
    static final int ASCII = 2;

    /** One IFD: tags with their type and values, and the strips it owns. */
    static final class Page {
        private final Map<Integer, Object[]> tags = new TreeMap<>();
        private final List<byte[]> strips = new ArrayList<>();
        private Integer nextPage;
        private boolean byteCounts = true;

        Page tag(int tag, int type, long... values) {
            tags.put(tag, new Object[] {type, values});
            return this;
        }

        Page ascii(int tag, String text) {
            tags.put(tag, new Object[] {ASCII, (text + '\0').getBytes(StandardCharsets.ISO_8859_1)});
            return this;
        }

        Page strip(byte[] data) {
            strips.add(data);
            return this;
        }

        /** An 8-bit greyscale image: width, height, 8 bits, the given compression and one strip per {@code rows}. */
        Page grey8(int width, int height, int compression, int rowsPerStrip) {
            return tag(256, LONG, width).tag(257, LONG, height).tag(258, SHORT, 8).tag(259, SHORT, compression)
                    .tag(262, SHORT, 1).tag(278, LONG, rowsPerStrip);
        }

        /** Leaves StripByteCounts out (allowed for uncompressed strips). */
        Page omitByteCounts() {
            byteCounts = false;
            return this;
        }

        /** Makes this IFD's next-IFD pointer lead to page {@code index} (to build loops). */
        Page nextIs(int index) {
            nextPage = index;
            return this;
        }
    }

    private final ByteOrder order;
    private final boolean bigTiff;
    private final List<Page> pages = new ArrayList<>();
    private boolean ifdsFirst;

    HandBuiltTiff(ByteOrder order, boolean bigTiff) {
        this.order = order;
        this.bigTiff = bigTiff;
    }

    static HandBuiltTiff littleEndian() {
        return new HandBuiltTiff(ByteOrder.LITTLE_ENDIAN, false);
    }

    Page page() {
        Page p = new Page();
        pages.add(p);
        return p;
    }

    Path write(Path file) throws IOException {
        return Files.write(file, bytes());
    }

    /** Puts the IFDs before the pixel data, as ImageJ does, instead of after it. */
    HandBuiltTiff ifdsFirst() {
        ifdsFirst = true;
        return this;
    }

    byte[] bytes() {
        int header = bigTiff ? 16 : 8;
        long dataBytes = 0;
        for (Page p : pages) {
            if (!p.strips.isEmpty() && !p.tags.containsKey(273)) {
                p.tags.put(273, new Object[] {LONG, new long[p.strips.size()]}); // offsets are set below
            }
            if (p.byteCounts && !p.strips.isEmpty()) {
                p.tags.putIfAbsent(279, new Object[] {LONG, p.strips.stream().mapToLong(b -> b.length).toArray()});
            }
            dataBytes += p.strips.stream().mapToLong(b -> b.length).sum();
        }
        long ifdBytes = pages.stream().mapToLong(this::ifdSize).sum();
        long dataStart = ifdsFirst ? header + ifdBytes : header;
        long ifdStart = ifdsFirst ? header : dataStart + dataBytes + (dataBytes & 1);

        ByteBuffer out = ByteBuffer.allocate((int) (dataStart + dataBytes + ifdBytes + 1)).order(order);
        out.position((int) dataStart);
        for (Page p : pages) {
            long[] offsets = (long[]) p.tags.getOrDefault(273, new Object[] {LONG, new long[0]})[1];
            for (int s = 0; s < p.strips.size(); s++) {
                if (s < offsets.length && offsets[s] == 0) {
                    offsets[s] = out.position();
                }
                out.put(p.strips.get(s));
            }
        }
        long[] ifdOffsets = new long[pages.size()];
        long at = ifdStart;
        for (int i = 0; i < pages.size(); i++) {
            ifdOffsets[i] = at;
            at += ifdSize(pages.get(i));
        }
        for (int i = 0; i < pages.size(); i++) {
            Page p = pages.get(i);
            long next = p.nextPage != null ? ifdOffsets[p.nextPage] : i + 1 < pages.size() ? ifdOffsets[i + 1] : 0;
            writeIfd(out, p, ifdOffsets[i], next);
        }
        out.position(0);
        out.put(order == ByteOrder.LITTLE_ENDIAN ? new byte[] {'I', 'I'} : new byte[] {'M', 'M'});
        if (bigTiff) {
            out.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(ifdOffsets[0]);
        } else {
            out.putShort((short) 42).putInt((int) ifdOffsets[0]);
        }
        return Arrays.copyOf(out.array(), (int) Math.max(at, dataStart + dataBytes));
    }

    private int fieldSize() {
        return bigTiff ? 8 : 4;
    }

    private long ifdSize(Page p) {
        long size = (bigTiff ? 8 : 2) + p.tags.size() * (bigTiff ? 20L : 12L) + fieldSize();
        for (Object[] t : p.tags.values()) {
            int length = valueBytes((int) t[0], t[1]).length;
            if (length > fieldSize()) {
                size += length + (length & 1);
            }
        }
        return size;
    }

    private void writeIfd(ByteBuffer out, Page p, long at, long next) {
        out.position((int) at);
        long extra = at + (bigTiff ? 8 : 2) + p.tags.size() * (bigTiff ? 20L : 12L) + fieldSize();
        List<byte[]> outOfLine = new ArrayList<>();
        putField(out, p.tags.size(), bigTiff ? 8 : 2);
        for (Map.Entry<Integer, Object[]> e : p.tags.entrySet()) {
            int type = (int) e.getValue()[0];
            byte[] value = valueBytes(type, e.getValue()[1]);
            int count = e.getValue()[1] instanceof long[] values ? values.length / (type == RATIONAL ? 2 : 1)
                    : value.length;
            out.putShort(e.getKey().shortValue()).putShort((short) type);
            putField(out, count, fieldSize());
            if (value.length <= fieldSize()) {
                out.put(value).put(new byte[fieldSize() - value.length]);
            } else {
                putField(out, extra, fieldSize());
                outOfLine.add(value);
                extra += value.length + (value.length & 1);
            }
        }
        putField(out, next, fieldSize());
        for (byte[] v : outOfLine) {
            out.put(v).put(new byte[v.length & 1]);
        }
    }

    private void putField(ByteBuffer out, long value, int size) {
        switch (size) {
            case 2 -> out.putShort((short) value);
            case 4 -> out.putInt((int) value);
            default -> out.putLong(value);
        }
    }

    /** RATIONAL values are given as numerator, denominator pairs. */
    private byte[] valueBytes(int type, Object values) {
        if (values instanceof byte[] text) {
            return text;
        }
        long[] v = (long[]) values;
        int size = type == SHORT ? 2 : 4;
        ByteBuffer b = ByteBuffer.allocate(v.length * size).order(order);
        for (long x : v) {
            putField(b, x, size);
        }
        return b.array();
    }
}
