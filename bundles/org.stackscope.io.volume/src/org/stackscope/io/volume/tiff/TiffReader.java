package org.stackscope.io.volume.tiff;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.stackscope.core.api.ImportException;

/**
 * Reads classic TIFF and BigTIFF files: the header, the chain of IFDs (with loop detection) and the pixels of each
 * page into a primitive plane array. Strips and tiles may be uncompressed, LZW, Deflate or PackBits, with or without
 * horizontal differencing, in either FillOrder. Thumbnails and pyramid levels are skipped. An ImageJ stack with a single IFD and {@code images=N} in its description yields N pages
 * (ImageJ writes stacks over 4 GB that way). The file is opened read-only and read with positional reads.
 *
 * <p>Not thread-safe: use one reader per thread.
 */
public final class TiffReader implements AutoCloseable {

    /** Uncompressed data is read in pieces of this size straight into the plane (via one copy for 16/32-bit). */
    private static final int READ_PIECE_BYTES = 4 << 20;
    /** Each byte value with its bits in reverse order, for FillOrder 2. */
    private static final byte[] REVERSED_BITS = new byte[256];

    static {
        for (int b = 0; b < 256; b++) {
            REVERSED_BITS[b] = (byte) (Integer.reverse(b) >>> 24);
        }
    }

    private final TiffInput in;
    private final List<TiffPage> pages;
    private final boolean imageJLargeStack;
    private final int skippedReducedResolutionPages;
    private final LzwDecoder lzw = new LzwDecoder();
    private Inflater inflater;
    private byte[] storedBuffer = new byte[0];
    private byte[] decodedBuffer = new byte[0];
    private ByteBuffer pieceBuffer;

    private TiffReader(TiffInput in, List<TiffPage> pages, boolean imageJLargeStack, int skipped) {
        this.in = in;
        this.pages = List.copyOf(pages);
        this.imageJLargeStack = imageJLargeStack;
        this.skippedReducedResolutionPages = skipped;
    }

    /** Opens {@code file} and reads and validates its structure (no pixels yet). */
    public static TiffReader open(Path file) throws ImportException {
        TiffInput in = TiffInput.open(file);
        try {
            return readStructure(in);
        } catch (ImportException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** True when the first 4 bytes are a TIFF ('II*\0', 'MM\0*') or BigTIFF ('II+\0', 'MM\0+') signature. */
    public static boolean isTiffSignature(byte[] head) {
        if (head.length < 4) {
            return false;
        }
        ByteOrder order = byteOrder(head);
        if (order == null) {
            return false;
        }
        int magic = ByteBuffer.wrap(head, 2, 2).order(order).getShort();
        return magic == 42 || magic == 43;
    }

    /** Reads the first 4 bytes of {@code file}; false when it is not a readable file with a TIFF signature. */
    public static boolean hasTiffSignature(Path file) {
        try (InputStream s = Files.newInputStream(file)) {
            return isTiffSignature(s.readNBytes(4));
        } catch (IOException e) {
            return false;
        }
    }

    private static ByteOrder byteOrder(byte[] head) {
        if (head[0] == 'I' && head[1] == 'I') {
            return ByteOrder.LITTLE_ENDIAN;
        }
        if (head[0] == 'M' && head[1] == 'M') {
            return ByteOrder.BIG_ENDIAN;
        }
        return null;
    }

    private static TiffReader readStructure(TiffInput in) throws ImportException {
        long firstIfd = readHeader(in);
        List<TiffPage> pages = new ArrayList<>();
        Set<Long> visited = new HashSet<>();
        int skipped = 0;
        long previous = 0;
        for (long offset = firstIfd; offset != 0; ) {
            if (!visited.add(offset)) {
                throw new ImportException(in.file(), Ifd.position(previous), "IFD loop: the next IFD pointer leads "
                        + "back to the IFD at byte " + offset + " already read: the file is corrupt");
            }
            if (offset < 0 || offset >= in.size()) {
                throw new ImportException(in.file(), Ifd.position(offset), "the IFD lies beyond the end of the file ("
                        + in.size() + " bytes): the file is truncated");
            }
            Ifd ifd = Ifd.read(in, offset);
            if ((ifd.number(TiffTags.NEW_SUBFILE_TYPE, 0) & TiffTags.SUBFILE_REDUCED_RESOLUTION) != 0) {
                skipped++; // thumbnails and pyramid levels are not slices of the stack
            } else {
                pages.add(TiffPage.from(in, ifd, pages.size()));
            }
            previous = offset;
            offset = ifd.nextOffset();
        }
        if (pages.isEmpty()) {
            throw new ImportException(in.file(), "header", "the file holds no full-resolution image");
        }
        List<TiffPage> stack = imageJStackPages(in, pages);
        return new TiffReader(in, stack != null ? stack : pages, stack != null, skipped);
    }

    /** Checks the signature and returns the offset of the first IFD. */
    private static long readHeader(TiffInput in) throws ImportException {
        int headLength = (int) Math.min(16, in.size());
        byte[] head = new byte[headLength];
        in.readFully(0, ByteBuffer.wrap(head), "header");
        if (!isTiffSignature(head)) {
            String start = HexFormat.ofDelimiter(" ").formatHex(head, 0, Math.min(4, headLength));
            throw new ImportException(in.file(), "header", "not a TIFF file: starts with bytes " + start
                    + ", expected 'II*\\0', 'MM\\0*' or BigTIFF ('II+\\0', 'MM\\0+')");
        }
        ByteOrder order = byteOrder(head);
        ByteBuffer header = ByteBuffer.wrap(head).order(order);
        boolean big = header.getShort(2) == 43;
        in.setLayout(order, big);
        if (headLength < (big ? 16 : 8)) {
            throw new ImportException(in.file(), "header", "the file ends inside its " + (big ? 16 : 8)
                    + "-byte header (" + headLength + " bytes)");
        }
        if (big && (header.getShort(4) != 8 || header.getShort(6) != 0)) {
            throw new ImportException(in.file(), "header", "BigTIFF with offsets of " + header.getShort(4)
                    + " bytes is not supported (only 8)");
        }
        long first = big ? header.getLong(8) : Integer.toUnsignedLong(header.getInt(4));
        if (first == 0) {
            throw new ImportException(in.file(), "header", "the file holds no image (first IFD offset is 0)");
        }
        return first;
    }

    /**
     * The N planes of an ImageJ stack that has a single uncompressed IFD and {@code images=N} (ImageJ's layout for
     * stacks over 4 GB: the planes follow each other), or null when this is not such a file.
     */
    private static List<TiffPage> imageJStackPages(TiffInput in, List<TiffPage> pages) throws ImportException {
        TiffPage first = pages.get(0);
        Optional<ImageJDescription> ij = ImageJDescription.parse(first.description());
        int images = ij.map(ImageJDescription::images).orElse(0);
        if (pages.size() != 1 || images <= 1 || first.compression() != TiffCompression.NONE) {
            return null;
        }
        if (!first.contiguous()) {
            throw new ImportException(in.file(), first.position(), "ImageJ says the file holds images=" + images
                    + " but its only page is not stored in one run of bytes, so the other planes cannot be found");
        }
        long planeBytes = first.planeBytes();
        long start = first.chunkOffset(0);
        if (images > (in.size() - start) / planeBytes) {
            long complete = (in.size() - start) / planeBytes;
            throw new ImportException(in.file(), "page " + (complete + 1) + " of an ImageJ stack at byte "
                    + (start + complete * planeBytes), "ImageJ says images=" + images + " planes of " + planeBytes
                    + " bytes from byte " + start + ", but the file ends at byte " + in.size() + " after " + complete
                    + " complete planes: the file is truncated");
        }
        List<TiffPage> stack = new ArrayList<>(images);
        for (int i = 0; i < images; i++) {
            stack.add(first.shifted(i, i * planeBytes));
        }
        return stack;
    }

    public Path file() {
        return in.file();
    }

    public ByteOrder byteOrder() {
        return in.order();
    }

    public boolean bigTiff() {
        return in.bigTiff();
    }

    /** True when the pages come from one IFD plus ImageJ's {@code images=N} rather than from N IFDs. */
    public boolean imageJLargeStack() {
        return imageJLargeStack;
    }

    /** Number of thumbnails and pyramid levels (NewSubfileType bit 0) that were left out of {@link #pages()}. */
    public int skippedReducedResolutionPages() {
        return skippedReducedResolutionPages;
    }

    /** The full-resolution pages in file order. */
    public List<TiffPage> pages() {
        return pages;
    }

    /**
     * Decodes page {@code pageIndex} into {@code plane}, a {@code byte[]}, {@code short[]} or {@code float[]} (as
     * its {@link SampleType} holds) of width × height samples in row order. Sparse strips or tiles (byte count 0)
     * leave their pixels untouched.
     */
    public void readPlane(int pageIndex, Object plane) throws ImportException {
        TiffPage page = pages.get(pageIndex);
        if (!page.sampleType().holds(plane) || Array.getLength(plane) != page.width() * page.height()) {
            throw new IllegalArgumentException("plane must be a " + page.sampleType().id() + " array of "
                    + page.width() * page.height() + " samples");
        }
        if (page.compression() == TiffCompression.NONE && !page.tiled()) {
            readUncompressedStrips(page, plane);
        } else {
            for (int c = 0; c < page.chunkCount(); c++) {
                readChunk(page, c, plane);
            }
        }
        if (page.predictor() == TiffTags.PREDICTOR_HORIZONTAL) {
            undoPredictor(page, plane);
        }
    }

    /** Strips whose bytes follow each other are read as one run, in pieces, straight into the plane. */
    private void readUncompressedStrips(TiffPage page, Object plane) throws ImportException {
        int strip = 0;
        while (strip < page.chunkCount()) {
            if (page.chunkByteCount(strip) == 0) {
                strip++;
                continue;
            }
            int runStart = strip;
            long runBytes = page.chunkDecodedBytes(strip++);
            while (strip < page.chunkCount() && page.chunkByteCount(strip) != 0
                    && page.chunkOffset(strip) == page.chunkOffset(runStart) + runBytes) {
                runBytes += page.chunkDecodedBytes(strip++);
            }
            int firstSample = page.chunkY(runStart) * page.width();
            readRun(page, runStart, runBytes, plane, firstSample);
        }
    }

    private void readRun(TiffPage page, int firstChunk, long runBytes, Object plane, int firstSample)
            throws ImportException {
        SampleType type = page.sampleType();
        String where = page.chunkPosition(firstChunk);
        long offset = page.chunkOffset(firstChunk);
        int sample = firstSample;
        for (long done = 0; done < runBytes; ) {
            int piece = (int) Math.min(READ_PIECE_BYTES, runBytes - done);
            int samples = piece / type.bytesPerSample();
            if (type == SampleType.UINT8) {
                in.readFully(offset + done, ByteBuffer.wrap((byte[]) plane, sample, piece), where);
                restoreBitOrder(page, (byte[]) plane, sample, piece);
            } else {
                if (pieceBuffer == null || pieceBuffer.capacity() < piece) {
                    pieceBuffer = ByteBuffer.allocate(piece);
                }
                pieceBuffer.clear().limit(piece);
                in.readFully(offset + done, pieceBuffer, where);
                restoreBitOrder(page, pieceBuffer.array(), 0, piece);
                type.get(pieceBuffer.flip().order(in.order()), plane, sample, samples);
            }
            sample += samples;
            done += piece;
        }
    }

    /** Reads and decodes one strip or tile, then copies its rows, clipped at the image edge, into the plane. */
    private void readChunk(TiffPage page, int chunk, Object plane) throws ImportException {
        long stored = page.chunkByteCount(chunk);
        if (stored == 0) {
            return;
        }
        int decodedLength = page.chunkDecodedBytes(chunk);
        decodedBuffer = ensure(decodedBuffer, decodedLength);
        String where = page.chunkPosition(chunk);
        if (page.compression() == TiffCompression.NONE) {
            in.readFully(page.chunkOffset(chunk), ByteBuffer.wrap(decodedBuffer, 0, decodedLength), where);
            restoreBitOrder(page, decodedBuffer, 0, decodedLength);
        } else {
            storedBuffer = ensure(storedBuffer, (int) stored);
            in.readFully(page.chunkOffset(chunk), ByteBuffer.wrap(storedBuffer, 0, (int) stored), where);
            restoreBitOrder(page, storedBuffer, 0, (int) stored);
            try {
                decode(page.compression(), storedBuffer, (int) stored, decodedBuffer, decodedLength);
            } catch (CorruptDataException e) {
                throw new ImportException(in.file(), where, e.getMessage(), e);
            }
        }
        ByteBuffer source = ByteBuffer.wrap(decodedBuffer, 0, decodedLength).order(in.order());
        int x = page.chunkX(chunk);
        int y = page.chunkY(chunk);
        int columns = Math.min(page.chunkWidth(), page.width() - x);
        int rows = Math.min(page.chunkRows(chunk), page.height() - y);
        int rowBytes = page.chunkWidth() * page.sampleType().bytesPerSample();
        if (page.chunkWidth() == page.width()) {
            page.sampleType().get(source, plane, y * page.width(), rows * columns);
            return;
        }
        for (int r = 0; r < rows; r++) {
            source.position(r * rowBytes);
            page.sampleType().get(source, plane, (y + r) * page.width() + x, columns);
        }
    }

    private void decode(TiffCompression compression, byte[] stored, int storedLength, byte[] decoded,
            int decodedLength) throws CorruptDataException {
        switch (compression) {
            case LZW -> lzw.decode(stored, storedLength, decoded, decodedLength);
            case PACKBITS -> PackBits.decode(stored, storedLength, decoded, decodedLength);
            case DEFLATE -> inflate(stored, storedLength, decoded, decodedLength);
            case NONE -> throw new IllegalStateException("uncompressed data needs no decoding");
        }
    }

    private void inflate(byte[] stored, int storedLength, byte[] decoded, int decodedLength)
            throws CorruptDataException {
        if (inflater == null) {
            inflater = new Inflater();
        }
        inflater.reset();
        inflater.setInput(stored, 0, storedLength);
        int out = 0;
        try {
            while (out < decodedLength) {
                int n = inflater.inflate(decoded, out, decodedLength - out);
                if (n == 0) {
                    if (inflater.needsDictionary()) {
                        throw new CorruptDataException("corrupt Deflate data: it asks for a preset dictionary");
                    }
                    break; // finished or out of input
                }
                out += n;
            }
        } catch (DataFormatException e) {
            throw new CorruptDataException("corrupt Deflate data: " + e.getMessage());
        }
        if (out < decodedLength) {
            throw new CorruptDataException("Deflate data ends after " + out + " of " + decodedLength
                    + " bytes: the data is truncated or corrupt");
        }
    }

    /** Predictor 2 restarts at the left edge of every strip row and every tile row. */
    private static void undoPredictor(TiffPage page, Object plane) {
        for (int c = 0; c < page.chunkCount(); c++) {
            if (page.chunkByteCount(c) == 0) {
                continue;
            }
            int x = page.chunkX(c);
            int y = page.chunkY(c);
            int columns = Math.min(page.chunkWidth(), page.width() - x);
            int rows = Math.min(page.chunkRows(c), page.height() - y);
            for (int r = 0; r < rows; r++) {
                page.sampleType().undoHorizontalDifferencing(plane, (y + r) * page.width() + x, columns);
            }
        }
    }

    /** Undoes FillOrder 2 on stored bytes, before any decoding, as libtiff does. */
    private static void restoreBitOrder(TiffPage page, byte[] bytes, int from, int length) {
        if (page.bitsReversed()) {
            for (int i = from; i < from + length; i++) {
                bytes[i] = REVERSED_BITS[bytes[i] & 0xff];
            }
        }
    }

    private static byte[] ensure(byte[] buffer, int length) {
        return buffer.length >= length ? buffer : new byte[length];
    }

    @Override
    public void close() {
        if (inflater != null) {
            inflater.end();
        }
        in.close();
    }
}
