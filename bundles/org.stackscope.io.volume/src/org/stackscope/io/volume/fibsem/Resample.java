package org.stackscope.io.volume.fibsem;

import org.stackscope.io.volume.tiff.SampleType;

/** Grey values of one plane array read as doubles, and the plane resampled at a translated position. */
final class Resample {

    private Resample() {
    }

    static double value(Object plane, SampleType type, int index) {
        return switch (type) {
            case UINT8 -> ((byte[]) plane)[index] & 0xFF;
            case UINT16 -> ((short[]) plane)[index] & 0xFFFF;
            case INT16 -> ((short[]) plane)[index];
            case FLOAT32 -> ((float[]) plane)[index];
        };
    }

    /** Copies the region (x0, y0, w, h) of a plane of {@code planeWidth} columns into {@code region}. */
    static void region(Object plane, int planeWidth, SampleType type, int x0, int y0, int w, int h, double[] region) {
        for (int y = 0; y < h; y++) {
            int row = (y0 + y) * planeWidth + x0;
            for (int x = 0; x < w; x++) {
                region[y * w + x] = value(plane, type, row + x);
            }
        }
    }

    /**
     * out(x, y) = in(x + ox, y + oy), bilinear, 0 outside the input plane; integer types are rounded and clamped.
     */
    static void shifted(Object in, int width, int height, SampleType type, double ox, double oy, Object out, int outW,
            int outH) {
        int ix = (int) Math.floor(ox);
        int iy = (int) Math.floor(oy);
        double fx = ox - ix;
        double fy = oy - iy;
        for (int y = 0; y < outH; y++) {
            int sy = y + iy;
            for (int x = 0; x < outW; x++) {
                int sx = x + ix;
                double v = (1 - fy) * ((1 - fx) * at(in, type, width, height, sx, sy) + fx * at(in, type, width,
                        height, sx + 1, sy)) + fy * ((1 - fx) * at(in, type, width, height, sx, sy + 1) + fx * at(in,
                                type, width, height, sx + 1, sy + 1));
                store(out, type, y * outW + x, v);
            }
        }
    }

    private static double at(Object plane, SampleType type, int width, int height, int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0 : value(plane, type, y * width + x);
    }

    private static void store(Object plane, SampleType type, int index, double v) {
        switch (type) {
            case UINT8 -> ((byte[]) plane)[index] = (byte) Math.clamp(Math.round(v), 0, 255);
            case UINT16 -> ((short[]) plane)[index] = (short) Math.clamp(Math.round(v), 0, 65535);
            case INT16 -> ((short[]) plane)[index] = (short) Math.clamp(Math.round(v), -32768, 32767);
            case FLOAT32 -> ((float[]) plane)[index] = (float) v;
        }
    }
}
