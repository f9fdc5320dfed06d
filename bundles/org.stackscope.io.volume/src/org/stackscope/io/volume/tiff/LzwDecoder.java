package org.stackscope.io.volume.tiff;

/**
 * TIFF LZW decoding (compression 5): codes are written most significant bit first, start 9 bits wide and widen one
 * code early ("early change") at table sizes 511, 1023 and 2047; 256 clears the table and 257 ends the data. The
 * table is kept between calls to avoid reallocating it for every strip.
 */
final class LzwDecoder {

    private static final int CLEAR = 256;
    private static final int END_OF_INFORMATION = 257;
    private static final int FIRST_FREE = 258;
    private static final int TABLE_SIZE = 4096;
    private static final int MAX_WIDTH = 12;

    /** Each entry is its prefix entry plus one byte; the string is found by walking the prefixes back. */
    private final int[] prefix = new int[TABLE_SIZE];
    private final byte[] suffix = new byte[TABLE_SIZE];
    private final byte[] first = new byte[TABLE_SIZE];
    private final int[] length = new int[TABLE_SIZE];

    LzwDecoder() {
        for (int i = 0; i < 256; i++) {
            prefix[i] = -1;
            suffix[i] = (byte) i;
            first[i] = (byte) i;
            length[i] = 1;
        }
    }

    /**
     * Decodes {@code source[0, sourceLength)} into {@code target[0, targetLength)}; output beyond the target is
     * dropped.
     *
     * @throws CorruptDataException for a code that is not in the table or data ending before the target is full
     */
    void decode(byte[] source, int sourceLength, byte[] target, int targetLength) throws CorruptDataException {
        int next = FIRST_FREE;
        int width = 9;
        int previous = -1;
        int out = 0;
        int in = 0;
        int bits = 0;
        int bitCount = 0;
        while (out < targetLength) {
            while (bitCount < width && in < sourceLength) {
                bits = (bits << 8 | source[in++] & 0xff) & 0xffffff;
                bitCount += 8;
            }
            if (bitCount < width) {
                break; // no end-of-information code: tolerated when the target is full, reported below otherwise
            }
            int code = bits >>> (bitCount - width) & (1 << width) - 1;
            bitCount -= width;
            if (code == END_OF_INFORMATION) {
                break;
            }
            if (code == CLEAR) {
                next = FIRST_FREE;
                width = 9;
                previous = -1;
                continue;
            }
            if (previous < 0) {
                if (code > 255) {
                    throw new CorruptDataException("corrupt LZW data: code " + code + " follows a clear code at byte "
                            + in + " of the strip (only single-byte codes may)");
                }
            } else if (code < next) {
                add(previous, first[code], next++);
            } else if (code == next) {
                add(previous, first[previous], next++);
            } else {
                throw new CorruptDataException("corrupt LZW data: code " + code + " at byte " + in
                        + " of the strip is not in the table (next free code is " + next + ")");
            }
            out = write(code, target, out, targetLength);
            previous = code;
            if (next >= (1 << width) - 1 && width < MAX_WIDTH) {
                width++;
            }
        }
        if (out < targetLength) {
            throw new CorruptDataException("LZW data ends after " + out + " of " + targetLength
                    + " bytes: the data is truncated or corrupt");
        }
    }

    private void add(int prefixCode, byte lastByte, int code) {
        if (code >= TABLE_SIZE) {
            return; // a full table stays as it is until the next clear code
        }
        prefix[code] = prefixCode;
        suffix[code] = lastByte;
        first[code] = first[prefixCode];
        length[code] = length[prefixCode] + 1;
    }

    /** Writes the string of {@code code} at {@code out}, cut at {@code limit}; returns the new output position. */
    private int write(int code, byte[] target, int out, int limit) {
        int n = length[code];
        int end = Math.min(out + n, limit);
        int c = code;
        for (int i = out + n - 1; i >= out; i--) {
            if (i < end) {
                target[i] = suffix[c];
            }
            c = prefix[c];
        }
        return end;
    }
}
