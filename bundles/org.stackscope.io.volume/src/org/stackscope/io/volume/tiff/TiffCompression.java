package org.stackscope.io.volume.tiff;

/** The TIFF compression schemes Stackscope decodes. */
public enum TiffCompression {
    NONE("none", 1),
    LZW("lzw", 4096 * 8 / 9),
    DEFLATE("deflate", 1032),
    PACKBITS("packbits", 64);

    private final String label;
    private final int maxExpansion;

    /**
     * @param maxExpansion upper bound of decoded bytes per stored byte: LZW codes take at least 9 bits and stand for at
     *        most 4096 bytes; a Deflate match of 258 bytes takes at least 2 bits; a PackBits run of 128 bytes takes 2
     *        bytes. Used to reject absurd dimensions before any memory is allocated.
     */
    TiffCompression(String label, int maxExpansion) {
        this.label = label;
        this.maxExpansion = maxExpansion;
    }

    /** Lower-case name used in metadata and messages. */
    public String label() {
        return label;
    }

    long maxExpansion() {
        return maxExpansion;
    }

    /** The scheme for a TIFF Compression code, or null when it is not supported. */
    static TiffCompression of(long code) {
        if (code == 1) {
            return NONE;
        }
        if (code == 5) {
            return LZW;
        }
        if (code == 8 || code == 32946) {
            return DEFLATE;
        }
        if (code == 32773) {
            return PACKBITS;
        }
        return null;
    }

    /** A readable name for a compression code this reader does not support, for error messages. */
    static String describeUnsupported(long code) {
        String name = switch ((int) code) {
            case 2 -> "CCITT modified Huffman RLE";
            case 3 -> "CCITT Group 3 fax";
            case 4 -> "CCITT Group 4 fax";
            case 6 -> "old-style JPEG";
            case 7 -> "JPEG";
            case 34712 -> "JPEG 2000";
            case 34887, 34888, 34889 -> "LERC";
            case 34925 -> "LZMA";
            case 50000 -> "Zstandard";
            case 50001 -> "WebP";
            case 50002 -> "JPEG XL";
            default -> "unknown";
        };
        return "compression " + code + " (" + name + ") is not supported: Stackscope reads uncompressed, LZW, Deflate "
                + "and PackBits TIFF (re-save the stack with one of them, e.g. in Fiji)";
    }
}
