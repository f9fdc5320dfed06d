package org.stackscope.io.volume.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import java.util.zip.Deflater;

import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Volume;
import org.stackscope.io.volume.store.Planes;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;

/**
 * Writes a {@link Volume} (uint8, uint16, int16 or float32) as a multi-page TIFF that ImageJ and Fiji open with its
 * calibration: an ImageJ description with {@code images}, {@code slices}, {@code spacing} and {@code unit=micron},
 * and X/YResolution in pixels per µm. Uncompressed planes are stored back to back, as ImageJ expects of a stack
 * described by {@code images=N}; all IFDs follow the pixel data. A file that would pass 4 GB becomes BigTIFF.
 *
 * <p>The file is written under a temporary name in the target folder and then moved into place atomically, so
 * readers never see a half-written file.
 */
public final class TiffWriter {

    public enum Compression {
        NONE(1), DEFLATE(8);

        private final int code;

        Compression(int code) {
            this.code = code;
        }
    }

    /** How to encode the file; {@link #DEFAULT} is uncompressed little-endian classic TIFF. */
    public record Options(Compression compression, ByteOrder byteOrder, boolean forceBigTiff) {

        public static final Options DEFAULT = new Options(Compression.NONE, ByteOrder.LITTLE_ENDIAN, false);

        public Options {
            Objects.requireNonNull(compression, "compression");
            Objects.requireNonNull(byteOrder, "byteOrder");
        }

        public Options withCompression(Compression newCompression) {
            return new Options(newCompression, byteOrder, forceBigTiff);
        }

        public Options withByteOrder(ByteOrder newByteOrder) {
            return new Options(compression, newByteOrder, forceBigTiff);
        }

        /** BigTIFF even for files under 4 GB (larger files always are). */
        public Options withForceBigTiff(boolean force) {
            return new Options(compression, byteOrder, force);
        }
    }

    /** Strips of about this many uncompressed bytes keep decoding buffers small and compression effective. */
    private static final int STRIP_TARGET_BYTES = 1 << 20;
    private static final long CLASSIC_TIFF_LIMIT = 0xFFFF_FFFFL;
    /** Generous room for the IFD of one page (tags, description, resolution values) beyond its strip arrays. */
    private static final long IFD_ALLOWANCE = 4096;
    private static final String SOFTWARE = "Stackscope";

    private final Volume volume;
    private final Options options;
    private final SampleType type;
    private final boolean bigTiff;
    private final int width;
    private final int height;
    private final int depth;
    private final int rowsPerStrip;
    private final int stripsPerPlane;
    private final ByteBuffer strip;
    private final Deflater deflater;
    private byte[] compressed = new byte[0];
    private Object scratchPlane;

    private TiffWriter(Volume volume, Options options) {
        this.volume = volume;
        this.options = options;
        this.type = SampleType.byId(volume.sampleType());
        long[] dims = volume.dimensions();
        if (dims[0] < 1 || dims[1] < 1 || dims[2] < 1) {
            throw new IllegalArgumentException("an empty volume of " + dims[0] + " x " + dims[1] + " x " + dims[2]
                    + " voxels cannot be written");
        }
        if (dims[0] * dims[1] > TiffPage.MAX_PLANE_SAMPLES || dims[2] > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a volume of " + dims[0] + " x " + dims[1] + " x " + dims[2]
                    + " voxels has planes or a depth too large for TIFF pages");
        }
        this.width = (int) dims[0];
        this.height = (int) dims[1];
        this.depth = (int) dims[2];
        long rowBytes = (long) width * type.bytesPerSample();
        this.rowsPerStrip = (int) Math.max(1, Math.min(height, STRIP_TARGET_BYTES / rowBytes));
        this.stripsPerPlane = (height + rowsPerStrip - 1) / rowsPerStrip;
        long stripBytes = rowBytes * rowsPerStrip;
        if (stripBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("rows of " + rowBytes + " bytes are too long to write");
        }
        this.strip = ByteBuffer.allocate((int) stripBytes).order(options.byteOrder());
        this.deflater = options.compression() == Compression.DEFLATE ? new Deflater() : null;
        long dataBound = rowBytes * height * depth;
        if (deflater != null) {
            dataBound += dataBound / 500 + 64L * stripsPerPlane * depth; // Deflate's worst-case growth
        }
        long fileBound = 16 + dataBound + depth * (IFD_ALLOWANCE + 16L * stripsPerPlane);
        this.bigTiff = options.forceBigTiff() || fileBound > CLASSIC_TIFF_LIMIT;
    }

    /** Writes {@code volume} uncompressed, little endian, to {@code target}, replacing it. */
    public static void write(Volume volume, Path target) throws IOException {
        write(volume, target, Options.DEFAULT, Monitor.NONE);
    }

    /**
     * Writes {@code volume} to {@code target}, replacing it atomically; reports one unit of progress per page.
     *
     * @throws IllegalArgumentException for a sample type other than uint8, uint16, int16, float32
     * @throws org.stackscope.core.api.CanceledException when the monitor is canceled (no file is left behind)
     */
    public static void write(Volume volume, Path target, Options options, Monitor monitor) throws IOException {
        TiffWriter writer = new TiffWriter(volume, options);
        Path folder = target.toAbsolutePath().getParent();
        Path temp = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                writer.writeTo(channel, target.getFileName().toString(), monitor);
            }
            moveIntoPlace(temp, target);
            moved = true;
        } finally {
            if (writer.deflater != null) {
                writer.deflater.end();
            }
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void writeTo(FileChannel channel, String name, Monitor monitor) throws IOException {
        monitor.begin("Writing " + name, depth);
        try {
            long position = bigTiff ? 16 : 8;
            long[][] offsets = new long[depth][stripsPerPlane];
            long[][] counts = new long[depth][stripsPerPlane];
            for (int z = 0; z < depth; z++) {
                monitor.checkCanceled();
                Object plane = plane(z);
                for (int s = 0; s < stripsPerPlane; s++) {
                    ByteBuffer data = encodeStrip(plane, s);
                    offsets[z][s] = position;
                    counts[z][s] = data.remaining();
                    position += writeFully(channel, data, position);
                }
                monitor.worked(1);
            }
            position += position & 1; // IFDs start on a word boundary
            writeFully(channel, header(position), 0);
            for (int z = 0; z < depth; z++) {
                IfdBuilder ifd = ifd(z, offsets[z], counts[z]);
                long next = z + 1 < depth ? position + ifd.size() : 0;
                writeFully(channel, ifd.encode(position, next), position);
                position += ifd.size();
            }
        } finally {
            monitor.done();
        }
    }

    private ByteBuffer header(long firstIfd) {
        ByteBuffer h = ByteBuffer.allocate(bigTiff ? 16 : 8).order(options.byteOrder());
        h.put(options.byteOrder() == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        h.put(h.get(0));
        if (bigTiff) {
            h.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(firstIfd);
        } else {
            h.putShort((short) 42).putInt((int) firstIfd);
        }
        return h.flip();
    }

    private IfdBuilder ifd(int z, long[] stripOffsets, long[] stripByteCounts) {
        double[] voxel = volume.voxelSizeUm();
        IfdBuilder ifd = new IfdBuilder(options.byteOrder(), bigTiff)
                .longs(TiffTags.IMAGE_WIDTH, width)
                .longs(TiffTags.IMAGE_LENGTH, height)
                .shorts(TiffTags.BITS_PER_SAMPLE, type.bitsPerSample())
                .shorts(TiffTags.COMPRESSION, options.compression().code)
                .shorts(TiffTags.PHOTOMETRIC_INTERPRETATION, TiffTags.PHOTOMETRIC_BLACK_IS_ZERO)
                .offsets(TiffTags.STRIP_OFFSETS, stripOffsets)
                .shorts(TiffTags.SAMPLES_PER_PIXEL, 1)
                .longs(TiffTags.ROWS_PER_STRIP, rowsPerStrip)
                .offsets(TiffTags.STRIP_BYTE_COUNTS, stripByteCounts)
                .shorts(TiffTags.SAMPLE_FORMAT, type.sampleFormat())
                .shorts(TiffTags.RESOLUTION_UNIT, TiffTags.RESOLUTION_UNIT_NONE);
        long[] x = pixelsPerMicrometre(voxel[0]);
        long[] y = pixelsPerMicrometre(voxel[1]);
        ifd.rational(TiffTags.X_RESOLUTION, x[0], x[1]).rational(TiffTags.Y_RESOLUTION, y[0], y[1]);
        if (z == 0) {
            ifd.ascii(TiffTags.IMAGE_DESCRIPTION, ImageJDescription.forStack(depth, voxel[2]));
            ifd.ascii(TiffTags.SOFTWARE, SOFTWARE);
        }
        return ifd;
    }

    /** 1/voxel size as a RATIONAL with the largest power-of-ten denominator that keeps both parts in 32 bits. */
    private static long[] pixelsPerMicrometre(double voxelUm) {
        double value = 1 / voxelUm;
        long denominator = 1;
        while (denominator < 1_000_000_000L && value * denominator * 10 <= CLASSIC_TIFF_LIMIT) {
            denominator *= 10;
        }
        long numerator = Math.max(1, Math.min(CLASSIC_TIFF_LIMIT, Math.round(value * denominator)));
        return new long[] {numerator, denominator};
    }

    /** Strip {@code s} of a plane in the file's byte order, compressed when asked. */
    private ByteBuffer encodeStrip(Object plane, int s) {
        int firstRow = s * rowsPerStrip;
        int rows = Math.min(rowsPerStrip, height - firstRow);
        strip.clear();
        type.put(strip, plane, firstRow * width, rows * width);
        strip.flip();
        if (deflater == null) {
            return strip;
        }
        deflater.reset();
        deflater.setInput(strip.array(), 0, strip.limit());
        deflater.finish();
        int length = 0;
        while (!deflater.finished()) {
            if (length == compressed.length) {
                compressed = Arrays.copyOf(compressed, Math.max(64 << 10, compressed.length * 2));
            }
            length += deflater.deflate(compressed, length, compressed.length - length);
        }
        return ByteBuffer.wrap(compressed, 0, length);
    }

    /** Plane {@code z} as a primitive array: the image's own for planar images, else copied into a scratch array. */
    private Object plane(int z) {
        RandomAccessibleInterval<? extends RealType<?>> image = volume.image();
        if (image instanceof PlanarImg<?, ?> planar && planar.numSlices() == depth) {
            Object array = SampleType.planeArray(planar, z);
            if (type.holds(array)) {
                return array;
            }
        }
        if (scratchPlane == null) {
            scratchPlane = type.newPlane(width * height);
        }
        Planes.copyPlane(image, z, scratchPlane);
        return scratchPlane;
    }

    private static long writeFully(FileChannel channel, ByteBuffer data, long position) throws IOException {
        long written = 0;
        while (data.hasRemaining()) {
            written += channel.write(data, position + written);
        }
        return written;
    }
}
