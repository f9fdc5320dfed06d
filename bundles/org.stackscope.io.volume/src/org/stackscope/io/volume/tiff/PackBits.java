package org.stackscope.io.volume.tiff;

import java.util.Arrays;

/** PackBits run-length decoding (TIFF compression 32773, Apple's scheme). */
final class PackBits {

    private PackBits() {
    }

    /**
     * Decodes {@code source[0, sourceLength)} into {@code target[0, targetLength)}. A run longer than the space left
     * is cut, as TIFF readers conventionally do.
     *
     * @throws CorruptDataException when the data ends before {@code targetLength} bytes were produced
     */
    static void decode(byte[] source, int sourceLength, byte[] target, int targetLength) throws CorruptDataException {
        int in = 0;
        int out = 0;
        while (out < targetLength) {
            if (in >= sourceLength) {
                throw ended(out, targetLength);
            }
            int header = source[in++];
            if (header >= 0) {
                int literal = header + 1;
                if (in + literal > sourceLength) {
                    throw ended(out + sourceLength - in, targetLength);
                }
                int n = Math.min(literal, targetLength - out);
                System.arraycopy(source, in, target, out, n);
                in += literal;
                out += n;
            } else if (header != -128) { // -128 is a no-op
                if (in >= sourceLength) {
                    throw ended(out, targetLength);
                }
                int n = Math.min(1 - header, targetLength - out);
                Arrays.fill(target, out, out + n, source[in++]);
                out += n;
            }
        }
    }

    private static CorruptDataException ended(int produced, int expected) {
        return new CorruptDataException("PackBits data ends after " + produced + " of " + expected
                + " bytes: the data is truncated or corrupt");
    }
}
