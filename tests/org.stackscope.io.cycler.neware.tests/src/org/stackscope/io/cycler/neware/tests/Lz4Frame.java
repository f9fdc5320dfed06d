package org.stackscope.io.cycler.neware.tests;

/**
 * Test-only LZ4 frame decoder (the format of lz4.org's frame specification, as Arrow compresses Feather buffers):
 * frame header, then blocks of LZ4 sequences (literals + back-reference) until a zero end mark. Checksums are
 * skipped, not verified: the tests compare the decoded values themselves.
 */
final class Lz4Frame {

    private Lz4Frame() {
    }

    static byte[] decompress(byte[] in, int start, int length, int expected) {
        int p = start;
        int end = start + length;
        if (le32(in, p) != 0x184D2204) {
            throw new IllegalArgumentException("not an LZ4 frame");
        }
        p += 4;
        int flags = in[p] & 0xff;
        p += 2; // FLG, BD
        if ((flags & 0x08) != 0) {
            p += 8; // content size
        }
        if ((flags & 0x01) != 0) {
            p += 4; // dictionary id
        }
        p += 1; // header checksum
        boolean blockChecksum = (flags & 0x10) != 0;
        byte[] out = new byte[expected];
        int o = 0;
        while (p + 4 <= end) {
            int size = le32(in, p);
            p += 4;
            if (size == 0) {
                break;
            }
            boolean stored = (size & 0x80000000) != 0;
            size &= 0x7fffffff;
            if (stored) {
                System.arraycopy(in, p, out, o, size);
                o += size;
            } else {
                o = block(in, p, p + size, out, o);
            }
            p += size + (blockChecksum ? 4 : 0);
        }
        if (o != expected) {
            throw new IllegalArgumentException("LZ4 frame gave " + o + " bytes, expected " + expected);
        }
        return out;
    }

    private static int block(byte[] in, int p, int end, byte[] out, int o) {
        while (p < end) {
            int token = in[p++] & 0xff;
            int literals = token >>> 4;
            if (literals == 15) {
                int b;
                do {
                    b = in[p++] & 0xff;
                    literals += b;
                } while (b == 255);
            }
            System.arraycopy(in, p, out, o, literals);
            p += literals;
            o += literals;
            if (p >= end) {
                break; // the last sequence has literals only
            }
            int offset = (in[p] & 0xff) | (in[p + 1] & 0xff) << 8;
            p += 2;
            int match = token & 15;
            if (match == 15) {
                int b;
                do {
                    b = in[p++] & 0xff;
                    match += b;
                } while (b == 255);
            }
            match += 4;
            for (int k = 0; k < match; k++) { // byte by byte: matches may overlap their own output
                out[o] = out[o - offset];
                o++;
            }
        }
        return o;
    }

    private static int le32(byte[] b, int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | (b[p + 3] & 0xff) << 24;
    }
}
