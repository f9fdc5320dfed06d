package org.stackscope.io.volume.fibsem;

/**
 * Translation between two images of one region. The whole-pixel shift is the peak of the phase correlation: the
 * normalised cross-power spectrum of the two Hann-windowed, mean-free regions (zero-padded to powers of two)
 * transforms back to a peak at the shift, robust to contrast changes and large shifts. The sub-pixel part is then
 * found in image space by Gauss-Newton least squares (Lucas-Kanade) on the overlap of the two unwindowed regions,
 * the current one resampled bilinearly: unlike peak-neighbour formulas this is unbiased by the window.
 */
final class DriftEstimator {

    private static final int MAX_ITERATIONS = 20;
    private static final double TOLERANCE_PX = 1e-4;

    private final int width;
    private final int height;
    private final int fftWidth;
    private final int fftHeight;
    private final double[] windowX;
    private final double[] windowY;
    private final Fft2 fft;

    /** The transform of one region, kept so each slice is transformed once. */
    record Spectrum(double[] re, double[] im) {
    }

    DriftEstimator(int width, int height) {
        this.width = width;
        this.height = height;
        this.fftWidth = Integer.highestOneBit(Math.max(1, width - 1)) << 1;
        this.fftHeight = Integer.highestOneBit(Math.max(1, height - 1)) << 1;
        this.windowX = hann(width);
        this.windowY = hann(height);
        this.fft = new Fft2(fftWidth, fftHeight);
    }

    /** The spectrum of {@code region}, {@code width * height} grey values, X fastest. */
    Spectrum spectrum(double[] region) {
        double mean = 0;
        for (double v : region) {
            mean += v;
        }
        mean /= region.length;
        double[] re = new double[fftWidth * fftHeight];
        double[] im = new double[re.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                re[y * fftWidth + x] = (region[y * width + x] - mean) * windowX[x] * windowY[y];
            }
        }
        fft.transform(re, im, false);
        return new Spectrum(re, im);
    }

    /**
     * The whole-pixel shift {dx, dy} of {@code current} relative to {@code previous}:
     * current(x, y) ≈ previous(x - dx, y - dy).
     */
    double[] shift(Spectrum previous, Spectrum current) {
        int n = fftWidth * fftHeight;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            // current · conj(previous), normalised to unit magnitude
            double r = current.re[i] * previous.re[i] + current.im[i] * previous.im[i];
            double m = current.im[i] * previous.re[i] - current.re[i] * previous.im[i];
            double mag = Math.hypot(r, m);
            if (mag > 1e-12) {
                re[i] = r / mag;
                im[i] = m / mag;
            }
        }
        fft.transform(re, im, true);
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (re[i] > re[best]) {
                best = i;
            }
        }
        return new double[] {signed(best % fftWidth, fftWidth), signed(best / fftWidth, fftHeight)};
    }

    /**
     * Refines {@code shift} (e.g. the whole-pixel estimate) so that current(x + shift) best matches previous(x) in
     * the least-squares sense; regions as given to {@link #spectrum}. Stops after {@value #MAX_ITERATIONS} steps or
     * when a step is below {@value #TOLERANCE_PX} px; keeps the start when the overlap has no texture.
     */
    double[] refine(double[] previous, double[] current, double[] shift) {
        double dx = shift[0];
        double dy = shift[1];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double sxx = 0;
            double sxy = 0;
            double syy = 0;
            double bx = 0;
            double by = 0;
            int x0 = Math.max(1, (int) Math.ceil(-dx) + 1);
            int x1 = Math.min(width - 1, (int) Math.floor(width - 2 - dx));
            int y0 = Math.max(1, (int) Math.ceil(-dy) + 1);
            int y1 = Math.min(height - 1, (int) Math.floor(height - 2 - dy));
            int ix = (int) Math.floor(dx);
            int iy = (int) Math.floor(dy);
            double fx = dx - ix;
            double fy = dy - iy;
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    int k = (y + iy) * width + x + ix;
                    double moved = (1 - fy) * ((1 - fx) * current[k] + fx * current[k + 1])
                            + fy * ((1 - fx) * current[k + width] + fx * current[k + width + 1]);
                    int i = y * width + x;
                    double gx = 0.5 * (previous[i + 1] - previous[i - 1]);
                    double gy = 0.5 * (previous[i + width] - previous[i - width]);
                    double r = moved - previous[i];
                    sxx += gx * gx;
                    sxy += gx * gy;
                    syy += gy * gy;
                    bx += gx * r;
                    by += gy * r;
                }
            }
            double det = sxx * syy - sxy * sxy;
            if (!(det > 1e-12 * (sxx + syy) * (sxx + syy)) || !Double.isFinite(det)) {
                break;
            }
            // current(x + d + s) ≈ current(x + d) + s·∇ ≈ previous(x):
            // s = -(JᵀJ)⁻¹ Jᵀ r with J ≈ ∇previous
            double sx = -(syy * bx - sxy * by) / det;
            double sy = -(sxx * by - sxy * bx) / det;
            dx += Math.max(-1, Math.min(1, sx));
            dy += Math.max(-1, Math.min(1, sy));
            if (Math.abs(sx) < TOLERANCE_PX && Math.abs(sy) < TOLERANCE_PX) {
                break;
            }
        }
        return new double[] {dx, dy};
    }

    private static int signed(int index, int size) {
        return index > size / 2 ? index - size : index;
    }

    private static double[] hann(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = n == 1 ? 1 : 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / n);
        }
        return w;
    }
}
