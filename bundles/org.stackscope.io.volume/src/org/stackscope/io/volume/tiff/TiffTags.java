package org.stackscope.io.volume.tiff;

/** TIFF 6.0 and BigTIFF numbers used by the reader and the writer: tags, field types and tag values. */
final class TiffTags {

    static final int NEW_SUBFILE_TYPE = 254;
    static final int IMAGE_WIDTH = 256;
    static final int IMAGE_LENGTH = 257;
    static final int BITS_PER_SAMPLE = 258;
    static final int COMPRESSION = 259;
    static final int PHOTOMETRIC_INTERPRETATION = 262;
    static final int FILL_ORDER = 266;
    static final int IMAGE_DESCRIPTION = 270;
    static final int STRIP_OFFSETS = 273;
    static final int SAMPLES_PER_PIXEL = 277;
    static final int ROWS_PER_STRIP = 278;
    static final int STRIP_BYTE_COUNTS = 279;
    static final int X_RESOLUTION = 282;
    static final int Y_RESOLUTION = 283;
    static final int PLANAR_CONFIGURATION = 284;
    static final int RESOLUTION_UNIT = 296;
    static final int SOFTWARE = 305;
    static final int PREDICTOR = 317;
    static final int TILE_WIDTH = 322;
    static final int TILE_LENGTH = 323;
    static final int TILE_OFFSETS = 324;
    static final int TILE_BYTE_COUNTS = 325;
    static final int SAMPLE_FORMAT = 339;

    static final int TYPE_BYTE = 1;
    static final int TYPE_ASCII = 2;
    static final int TYPE_SHORT = 3;
    static final int TYPE_LONG = 4;
    static final int TYPE_RATIONAL = 5;
    static final int TYPE_SBYTE = 6;
    static final int TYPE_UNDEFINED = 7;
    static final int TYPE_SSHORT = 8;
    static final int TYPE_SLONG = 9;
    static final int TYPE_SRATIONAL = 10;
    static final int TYPE_FLOAT = 11;
    static final int TYPE_DOUBLE = 12;
    static final int TYPE_IFD = 13;
    static final int TYPE_LONG8 = 16;
    static final int TYPE_SLONG8 = 17;
    static final int TYPE_IFD8 = 18;

    static final int SAMPLE_FORMAT_UNSIGNED = 1;
    static final int SAMPLE_FORMAT_SIGNED = 2;
    static final int SAMPLE_FORMAT_FLOAT = 3;

    static final int PHOTOMETRIC_WHITE_IS_ZERO = 0;
    static final int PHOTOMETRIC_BLACK_IS_ZERO = 1;

    /** FillOrder 2: the bits of every stored byte are in reverse order (lowest bit first). */
    static final int FILL_ORDER_REVERSED = 2;

    static final int PREDICTOR_NONE = 1;
    static final int PREDICTOR_HORIZONTAL = 2;

    static final int RESOLUTION_UNIT_NONE = 1;
    static final int RESOLUTION_UNIT_INCH = 2;
    static final int RESOLUTION_UNIT_CENTIMETER = 3;

    /** NewSubfileType bit 0: a reduced-resolution copy (thumbnail, pyramid level), not a slice of the stack. */
    static final long SUBFILE_REDUCED_RESOLUTION = 1;

    private TiffTags() {
    }

    /** Bytes per value of a field type, or 0 for types this reader does not know (such entries are ignored). */
    static int typeSize(int type) {
        return switch (type) {
            case TYPE_BYTE, TYPE_ASCII, TYPE_SBYTE, TYPE_UNDEFINED -> 1;
            case TYPE_SHORT, TYPE_SSHORT -> 2;
            case TYPE_LONG, TYPE_SLONG, TYPE_FLOAT, TYPE_IFD -> 4;
            case TYPE_RATIONAL, TYPE_SRATIONAL, TYPE_DOUBLE, TYPE_LONG8, TYPE_SLONG8, TYPE_IFD8 -> 8;
            default -> 0;
        };
    }

    static String name(int tag) {
        return switch (tag) {
            case IMAGE_WIDTH -> "ImageWidth";
            case IMAGE_LENGTH -> "ImageLength";
            case BITS_PER_SAMPLE -> "BitsPerSample";
            case COMPRESSION -> "Compression";
            case PHOTOMETRIC_INTERPRETATION -> "PhotometricInterpretation";
            case IMAGE_DESCRIPTION -> "ImageDescription";
            case STRIP_OFFSETS -> "StripOffsets";
            case SAMPLES_PER_PIXEL -> "SamplesPerPixel";
            case ROWS_PER_STRIP -> "RowsPerStrip";
            case STRIP_BYTE_COUNTS -> "StripByteCounts";
            case X_RESOLUTION -> "XResolution";
            case Y_RESOLUTION -> "YResolution";
            case PLANAR_CONFIGURATION -> "PlanarConfiguration";
            case RESOLUTION_UNIT -> "ResolutionUnit";
            case PREDICTOR -> "Predictor";
            case TILE_WIDTH -> "TileWidth";
            case TILE_LENGTH -> "TileLength";
            case TILE_OFFSETS -> "TileOffsets";
            case TILE_BYTE_COUNTS -> "TileByteCounts";
            case SAMPLE_FORMAT -> "SampleFormat";
            default -> "tag";
        } + " (" + tag + ")";
    }
}
