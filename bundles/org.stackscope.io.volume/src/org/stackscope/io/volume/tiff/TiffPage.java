package org.stackscope.io.volume.tiff;

import java.math.BigInteger;

import org.stackscope.core.api.ImportException;

/**
 * One image of a TIFF file (one Z plane of a stack): its size, sample type, compression and the strips or tiles
 * ("chunks") that hold its pixels. Everything is validated against the file size when the page is built, so reading
 * never allocates memory for dimensions the file cannot back. Pages, strips and tiles are counted from 1 in messages.
 */
public final class TiffPage {

    /** Largest number of samples in one plane: a Java array, hence one ImgLib2 plane, cannot hold more. */
    public static final long MAX_PLANE_SAMPLES = Integer.MAX_VALUE - 8;
    /** Largest strip or tile, stored or decoded, that is held in one byte array. */
    private static final long MAX_CHUNK_BYTES = Integer.MAX_VALUE - 8;

    private final int index;
    private final long ifdOffset;
    private final int width;
    private final int height;
    private final SampleType sampleType;
    private final TiffCompression compression;
    private final int predictor;
    private final int photometric;
    private final boolean bitsReversed;
    private final boolean tiled;
    private final int chunkWidth;
    private final int chunkHeight;
    private final long[] chunkOffsets;
    private final long[] chunkByteCounts;
    private final long dataShift;
    private final double xResolution;
    private final double yResolution;
    private final int resolutionUnit;
    private final String description;

    private TiffPage(int index, long ifdOffset, int width, int height, SampleType sampleType,
            TiffCompression compression, int predictor, int photometric, boolean bitsReversed, boolean tiled,
            int chunkWidth, int chunkHeight, long[] chunkOffsets, long[] chunkByteCounts, long dataShift,
            double xResolution, double yResolution, int resolutionUnit, String description) {
        this.index = index;
        this.ifdOffset = ifdOffset;
        this.width = width;
        this.height = height;
        this.sampleType = sampleType;
        this.compression = compression;
        this.predictor = predictor;
        this.photometric = photometric;
        this.bitsReversed = bitsReversed;
        this.tiled = tiled;
        this.chunkWidth = chunkWidth;
        this.chunkHeight = chunkHeight;
        this.chunkOffsets = chunkOffsets;
        this.chunkByteCounts = chunkByteCounts;
        this.dataShift = dataShift;
        this.xResolution = xResolution;
        this.yResolution = yResolution;
        this.resolutionUnit = resolutionUnit;
        this.description = description;
    }

    /** Builds and validates page number {@code index} (from 0) from its IFD. */
    static TiffPage from(TiffInput in, Ifd ifd, int index) throws ImportException {
        String where = "page " + (index + 1) + " (" + Ifd.position(ifd.offset()) + ")";
        long width = required(in, ifd, TiffTags.IMAGE_WIDTH, where);
        long height = required(in, ifd, TiffTags.IMAGE_LENGTH, where);
        if (width <= 0 || height <= 0) {
            throw new ImportException(in.file(), where, "the image is " + width + " x " + height
                    + " pixels: width and height must be at least 1");
        }
        if (width > MAX_PLANE_SAMPLES / height) {
            throw new ImportException(in.file(), where, "a plane of " + width + " x " + height + " = "
                    + BigInteger.valueOf(width).multiply(BigInteger.valueOf(height)) + " samples is more than the "
                    + "2^31-1 samples a Java array can hold");
        }
        int photometric = (int) ifd.number(TiffTags.PHOTOMETRIC_INTERPRETATION, TiffTags.PHOTOMETRIC_BLACK_IS_ZERO);
        if (photometric != TiffTags.PHOTOMETRIC_WHITE_IS_ZERO && photometric != TiffTags.PHOTOMETRIC_BLACK_IS_ZERO) {
            throw new ImportException(in.file(), where, describeUnsupportedPhotometric(photometric));
        }
        long samplesPerPixel = ifd.number(TiffTags.SAMPLES_PER_PIXEL, 1);
        if (samplesPerPixel != 1) {
            throw new ImportException(in.file(), where, "SamplesPerPixel is " + samplesPerPixel
                    + ": only single-channel greyscale images are supported");
        }
        long bits = ifd.number(TiffTags.BITS_PER_SAMPLE, 1);
        long format = ifd.number(TiffTags.SAMPLE_FORMAT, TiffTags.SAMPLE_FORMAT_UNSIGNED);
        SampleType sampleType = SampleType.of(bits, format);
        if (sampleType == null) {
            throw new ImportException(in.file(), where, bits + "-bit samples of SampleFormat " + format + " ("
                    + formatName(format) + ") are not supported: Stackscope reads uint8, uint16, int16 and float32");
        }
        long compressionCode = ifd.number(TiffTags.COMPRESSION, 1);
        TiffCompression compression = TiffCompression.of(compressionCode);
        if (compression == null) {
            throw new ImportException(in.file(), where, TiffCompression.describeUnsupported(compressionCode));
        }
        int predictor = (int) ifd.number(TiffTags.PREDICTOR, TiffTags.PREDICTOR_NONE);
        checkPredictor(in, where, predictor, sampleType);
        long planar = ifd.number(TiffTags.PLANAR_CONFIGURATION, 1);
        if (planar != 1 && planar != 2) {
            throw new ImportException(in.file(), where, "PlanarConfiguration " + planar + " is not defined by TIFF");
        }

        boolean tiled = ifd.has(TiffTags.TILE_WIDTH);
        long chunkWidth;
        long chunkHeight;
        long chunkCount;
        long[] offsets;
        long[] byteCounts;
        if (tiled) {
            chunkWidth = required(in, ifd, TiffTags.TILE_WIDTH, where);
            chunkHeight = required(in, ifd, TiffTags.TILE_LENGTH, where);
            if (chunkWidth <= 0 || chunkHeight <= 0) {
                throw new ImportException(in.file(), where, "tiles of " + chunkWidth + " x " + chunkHeight
                        + " pixels are not possible: the file is corrupt");
            }
            chunkCount = ceilDiv(width, chunkWidth) * ceilDiv(height, chunkHeight);
            offsets = requiredArray(in, ifd, TiffTags.TILE_OFFSETS, chunkCount, where);
            byteCounts = requiredArray(in, ifd, TiffTags.TILE_BYTE_COUNTS, chunkCount, where);
        } else {
            chunkWidth = width;
            long rowsPerStrip = ifd.number(TiffTags.ROWS_PER_STRIP, height);
            chunkHeight = rowsPerStrip <= 0 || rowsPerStrip > height ? height : rowsPerStrip;
            chunkCount = ceilDiv(height, chunkHeight);
            offsets = requiredArray(in, ifd, TiffTags.STRIP_OFFSETS, chunkCount, where);
            if (ifd.has(TiffTags.STRIP_BYTE_COUNTS) || compression != TiffCompression.NONE) {
                byteCounts = requiredArray(in, ifd, TiffTags.STRIP_BYTE_COUNTS, chunkCount, where);
            } else {
                byteCounts = stripSizes(width, height, chunkHeight, sampleType); // optional when uncompressed
            }
        }
        if (chunkWidth > MAX_CHUNK_BYTES || chunkHeight > MAX_CHUNK_BYTES
                || chunkWidth * chunkHeight > MAX_CHUNK_BYTES / sampleType.bytesPerSample()) {
            throw new ImportException(in.file(), where, (tiled ? "tiles" : "strips") + " of " + chunkWidth + " x "
                    + chunkHeight + " pixels exceed the 2 GB one strip or tile may hold here");
        }
        boolean bitsReversed = ifd.number(TiffTags.FILL_ORDER, 1) == TiffTags.FILL_ORDER_REVERSED;
        TiffPage page = new TiffPage(index, ifd.offset(), (int) width, (int) height, sampleType, compression,
                predictor, photometric, bitsReversed, tiled, (int) chunkWidth, (int) chunkHeight, offsets, byteCounts,
                0, ifd.rational(TiffTags.X_RESOLUTION), ifd.rational(TiffTags.Y_RESOLUTION),
                (int) ifd.number(TiffTags.RESOLUTION_UNIT, TiffTags.RESOLUTION_UNIT_INCH),
                ifd.text(TiffTags.IMAGE_DESCRIPTION));
        page.checkChunks(in);
        return page;
    }

    /** The same image shifted by {@code shift} bytes: plane {@code newIndex} of an ImageJ stack with one IFD. */
    TiffPage shifted(int newIndex, long shift) {
        return new TiffPage(newIndex, ifdOffset, width, height, sampleType, compression, predictor, photometric,
                bitsReversed, tiled, chunkWidth, chunkHeight, chunkOffsets, chunkByteCounts, shift, xResolution,
                yResolution, resolutionUnit, description);
    }

    /** Each chunk lies inside the file and holds enough bytes to decode into its pixels. */
    private void checkChunks(TiffInput in) throws ImportException {
        for (int c = 0; c < chunkCount(); c++) {
            long count = chunkByteCount(c);
            long offset = chunkOffset(c);
            long needed = chunkDecodedBytes(c);
            if (count == 0) {
                continue; // a sparse chunk: writers leave all-zero strips and tiles out
            }
            if (count < 0 || offset < 0 || offset > in.size() - count) {
                throw new ImportException(in.file(), chunkPosition(c), chunkKind() + " of "
                        + Long.toUnsignedString(count) + " bytes extends beyond the end of the file ("
                        + in.size() + " bytes): the file is truncated");
            }
            if (compression == TiffCompression.NONE) {
                if (count < needed) {
                    throw new ImportException(in.file(), chunkPosition(c), chunkKind() + " holds " + count
                            + " bytes but " + needed + " are needed for its " + chunkRows(c) + " rows of "
                            + chunkWidth + " " + sampleType.id() + " samples: the byte counts or the dimensions "
                            + "are wrong");
                }
                continue;
            }
            if (count > MAX_CHUNK_BYTES) {
                throw new ImportException(in.file(), chunkPosition(c), "a compressed " + chunkKind() + " of " + count
                        + " bytes exceeds the 2 GB one strip or tile may hold here");
            }
            if (count * compression.maxExpansion() < needed) {
                throw new ImportException(in.file(), chunkPosition(c), chunkKind() + " holds " + count
                        + " compressed bytes, which cannot decode into the " + needed + " bytes its "
                        + chunkWidth + " x " + chunkRows(c) + " pixels need even at the maximum "
                        + compression.label() + " ratio of " + compression.maxExpansion()
                        + ":1: the dimensions or the byte counts are wrong");
            }
        }
    }

    private static void checkPredictor(TiffInput in, String where, int predictor, SampleType type)
            throws ImportException {
        if (predictor == TiffTags.PREDICTOR_NONE) {
            return;
        }
        if (predictor == TiffTags.PREDICTOR_HORIZONTAL && type != SampleType.FLOAT32) {
            return;
        }
        String reason = switch (predictor) {
            case TiffTags.PREDICTOR_HORIZONTAL -> "Predictor 2 (horizontal differencing) on float32 samples";
            case 3 -> "Predictor 3 (floating point)";
            default -> "Predictor " + predictor;
        };
        throw new ImportException(in.file(), where, reason + " is not supported: re-save without a predictor");
    }

    private static String describeUnsupportedPhotometric(int photometric) {
        String what = switch (photometric) {
            case 2 -> "RGB colour images (PhotometricInterpretation 2) are not supported: convert the stack to "
                    + "8-bit, 16-bit or 32-bit greyscale first (in Fiji: Image > Type)";
            case 3 -> "palette-colour images (PhotometricInterpretation 3) are not supported: convert the stack to "
                    + "greyscale first";
            case 4 -> "transparency masks (PhotometricInterpretation 4) are not supported";
            case 5 -> "CMYK images (PhotometricInterpretation 5) are not supported";
            case 6 -> "YCbCr colour images (PhotometricInterpretation 6) are not supported";
            case 8, 9, 10 -> "CIE L*a*b* colour images (PhotometricInterpretation " + photometric
                    + ") are not supported";
            default -> "PhotometricInterpretation " + photometric + " is not supported";
        };
        return what + "; Stackscope reads greyscale (0 WhiteIsZero, 1 BlackIsZero)";
    }

    private static String formatName(long format) {
        return switch ((int) format) {
            case TiffTags.SAMPLE_FORMAT_UNSIGNED -> "unsigned integer";
            case TiffTags.SAMPLE_FORMAT_SIGNED -> "signed integer";
            case TiffTags.SAMPLE_FORMAT_FLOAT -> "floating point";
            default -> "undefined";
        };
    }

    private static long required(TiffInput in, Ifd ifd, int tag, String where) throws ImportException {
        if (!ifd.has(tag)) {
            throw new ImportException(in.file(), where, "the required tag " + TiffTags.name(tag) + " is missing");
        }
        return ifd.number(tag, 0);
    }

    private static long[] requiredArray(TiffInput in, Ifd ifd, int tag, long count, String where)
            throws ImportException {
        long[] values = ifd.numbers(tag);
        if (values == null) {
            throw new ImportException(in.file(), where, "the required tag " + TiffTags.name(tag) + " is missing");
        }
        if (values.length < count) {
            throw new ImportException(in.file(), where, TiffTags.name(tag) + " has " + values.length
                    + " values but the image needs " + count + ": the file is corrupt");
        }
        return values;
    }

    private static long[] stripSizes(long width, long height, long rowsPerStrip, SampleType type) {
        long[] sizes = new long[(int) ceilDiv(height, rowsPerStrip)];
        for (int s = 0; s < sizes.length; s++) {
            sizes[s] = Math.min(rowsPerStrip, height - s * rowsPerStrip) * width * type.bytesPerSample();
        }
        return sizes;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** Index of this page in its file, from 0. */
    public int index() {
        return index;
    }

    /** Byte offset of the IFD that describes this page. */
    public long ifdOffset() {
        return ifdOffset;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public SampleType sampleType() {
        return sampleType;
    }

    public TiffCompression compression() {
        return compression;
    }

    /** TIFF Predictor: 1 none, 2 horizontal differencing. */
    public int predictor() {
        return predictor;
    }

    /** TIFF PhotometricInterpretation: 0 WhiteIsZero or 1 BlackIsZero; pixel values are returned as stored. */
    public int photometric() {
        return photometric;
    }

    /** True for FillOrder 2: every stored byte has its bits reversed (undone before decoding). */
    public boolean bitsReversed() {
        return bitsReversed;
    }

    public boolean tiled() {
        return tiled;
    }

    /** Tile width, or the image width for strips. */
    public int chunkWidth() {
        return chunkWidth;
    }

    /** Tile length, or RowsPerStrip for strips. */
    public int chunkHeight() {
        return chunkHeight;
    }

    /** XResolution in pixels per {@link #resolutionUnit()}, NaN when absent. */
    public double xResolution() {
        return xResolution;
    }

    /** YResolution in pixels per {@link #resolutionUnit()}, NaN when absent. */
    public double yResolution() {
        return yResolution;
    }

    /** TIFF ResolutionUnit: 1 none, 2 inch (the TIFF default), 3 centimetre. */
    public int resolutionUnit() {
        return resolutionUnit;
    }

    /** The ImageDescription text (at most its first MB), or null. */
    public String description() {
        return description;
    }

    /** Where this page is, for messages: {@code page 3 (IFD at byte 123)}. */
    public String position() {
        return "page " + (index + 1) + " (" + Ifd.position(ifdOffset) + ")";
    }

    /** Bytes of one decoded plane. */
    public long planeBytes() {
        return (long) width * height * sampleType.bytesPerSample();
    }

    int chunkCount() {
        int across = tiled ? (int) ceilDiv(width, chunkWidth) : 1;
        int down = (int) ceilDiv(height, chunkHeight);
        return across * down;
    }

    long chunkOffset(int chunk) {
        return chunkOffsets[chunk] + dataShift;
    }

    long chunkByteCount(int chunk) {
        return chunkByteCounts[chunk];
    }

    /** First column of a chunk in the plane. */
    int chunkX(int chunk) {
        return tiled ? (chunk % (int) ceilDiv(width, chunkWidth)) * chunkWidth : 0;
    }

    /** First row of a chunk in the plane. */
    int chunkY(int chunk) {
        return (tiled ? chunk / (int) ceilDiv(width, chunkWidth) : chunk) * chunkHeight;
    }

    /** Rows stored in a chunk: tiles are always full, the last strip holds only the remaining rows. */
    int chunkRows(int chunk) {
        return tiled ? chunkHeight : Math.min(chunkHeight, height - chunkY(chunk));
    }

    /** Bytes a chunk decodes to. */
    int chunkDecodedBytes(int chunk) {
        return chunkWidth * chunkRows(chunk) * sampleType.bytesPerSample();
    }

    /** True when the strips follow each other without gaps, so the plane is one run of bytes. */
    boolean contiguous() {
        if (tiled) {
            return false;
        }
        for (int c = 1; c < chunkCount(); c++) {
            if (chunkOffsets[c] != chunkOffsets[c - 1] + chunkDecodedBytes(c - 1)) {
                return false;
            }
        }
        return true;
    }

    /** Where a chunk is, for messages: {@code page 3, strip 5 at byte 123456}. */
    String chunkPosition(int chunk) {
        return "page " + (index + 1) + ", " + chunkKind() + " " + (chunk + 1) + " at byte " + chunkOffset(chunk);
    }

    private String chunkKind() {
        return tiled ? "tile" : "strip";
    }
}
