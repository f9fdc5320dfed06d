package org.stackscope.io.volume.fibsem;

/**
 * In-place 2-D complex FFT for power-of-two sizes on separate real and imaginary arrays (row-major, width fastest).
 * Iterative radix-2 Cooley-Tukey; the inverse is unscaled (callers only look for the position of a peak).
 */
final class Fft2 {

    private final int width;
    private final int height;
    private final double[] rowRe;
    private final double[] rowIm;
    private final double[] colRe;
    private final double[] colIm;

    Fft2(int width, int height) {
        if (Integer.bitCount(width) != 1 || Integer.bitCount(height) != 1) {
            throw new IllegalArgumentException("FFT sizes must be powers of two: " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        rowRe = new double[width];
        rowIm = new double[width];
        colRe = new double[height];
        colIm = new double[height];
    }

    void transform(double[] re, double[] im, boolean inverse) {
        for (int y = 0; y < height; y++) {
            System.arraycopy(re, y * width, rowRe, 0, width);
            System.arraycopy(im, y * width, rowIm, 0, width);
            fft1(rowRe, rowIm, inverse);
            System.arraycopy(rowRe, 0, re, y * width, width);
            System.arraycopy(rowIm, 0, im, y * width, width);
        }
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                colRe[y] = re[y * width + x];
                colIm[y] = im[y * width + x];
            }
            fft1(colRe, colIm, inverse);
            for (int y = 0; y < height; y++) {
                re[y * width + x] = colRe[y];
                im[y * width + x] = colIm[y];
            }
        }
    }

    private static void fft1(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) { // bit-reversal permutation
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = 2 * Math.PI / len * (inverse ? 1 : -1);
            double wRe = Math.cos(angle);
            double wIm = Math.sin(angle);
            for (int start = 0; start < n; start += len) {
                double curRe = 1;
                double curIm = 0;
                for (int k = 0; k < len / 2; k++) {
                    int a = start + k;
                    int b = a + len / 2;
                    double tRe = re[b] * curRe - im[b] * curIm;
                    double tIm = re[b] * curIm + im[b] * curRe;
                    re[b] = re[a] - tRe;
                    im[b] = im[a] - tIm;
                    re[a] += tRe;
                    im[a] += tIm;
                    double nextRe = curRe * wRe - curIm * wIm;
                    curIm = curRe * wIm + curIm * wRe;
                    curRe = nextRe;
                }
            }
        }
    }
}
