package org.stackscope.io.volume.fibsem;

/**
 * Translation between two images of one region by phase correlation: the normalised cross-power spectrum of the two
 * Hann-windowed, mean-free regions (zero-padded to powers of two) transforms back to a peak at the shift. The integer
 * peak is refined per axis from its two neighbours (Foroosh, Zerubia and Berthod 2002, IEEE TIP 11(3): the
 * neighbour ratio of a phase-correlation peak gives the sub-pixel offset).
 */
final class DriftEstimator {

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
     * The shift {dx, dy} in pixels of {@code current} relative to {@code previous}: current(x, y) ≈ previous(x - dx,
     * y - dy).
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
        int px = best % fftWidth;
        int py = best / fftWidth;
        double dx = signed(px, fftWidth) + refine(re[py * fftWidth + Math.floorMod(px - 1, fftWidth)], re[best],
                re[py * fftWidth + (px + 1) % fftWidth]);
        double dy = signed(py, fftHeight) + refine(re[Math.floorMod(py - 1, fftHeight) * fftWidth + px], re[best],
                re[(py + 1) % fftHeight * fftWidth + px]);
        return new double[] {dx, dy};
    }

    /** Sub-pixel offset in [-0.5, 0.5] from the peak and its lower and upper neighbours. */
    private static double refine(double below, double peak, double above) {
        if (peak <= 0) {
            return 0;
        }
        double d = above >= below ? above / (above + peak) : -below / (below + peak);
        return Double.isFinite(d) ? Math.max(-0.5, Math.min(0.5, d)) : 0;
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
