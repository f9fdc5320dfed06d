package org.stackscope.analysis.electrochem;

/** Small array helpers shared by the analyses: decimation for figures, interpolation, scaling. */
final class Series {

    /** Figures get at most this many points per series; tables keep every value. */
    static final int FIGURE_POINTS = 4000;

    private Series() {
    }

    /** Every k-th index so that at most {@code max} remain (first and last kept). */
    static int[] decimatedIndices(int n, int max) {
        if (n <= max) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        int[] idx = new int[max];
        for (int i = 0; i < max; i++) {
            idx[i] = (int) Math.round((double) i * (n - 1) / (max - 1));
        }
        return idx;
    }

    static double[] pick(double[] values, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = values[idx[i]];
        }
        return out;
    }

    static double[] scaled(double[] values, double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * factor;
        }
        return out;
    }

    /**
     * Linear interpolation of y(x) at xq, for x non-decreasing; NaN outside [x[0], x[n-1]]. Repeated x values take the
     * last of their y values.
     */
    static double interpolate(double[] x, double[] y, double xq) {
        int n = x.length;
        if (n == 0 || xq < x[0] || xq > x[n - 1] || Double.isNaN(xq)) {
            return Double.NaN;
        }
        int hi = upperBound(x, xq);
        if (hi == 0) {
            return y[0];
        }
        if (hi == n) {
            return y[n - 1];
        }
        int lo = hi - 1;
        double dx = x[hi] - x[lo];
        return dx > 0 ? y[lo] + (y[hi] - y[lo]) * (xq - x[lo]) / dx : y[lo];
    }

    /** First index whose value is greater than key (x non-decreasing). */
    static int upperBound(double[] x, double key) {
        int lo = 0;
        int hi = x.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First index whose value is at least key (x non-decreasing). */
    static int lowerBound(double[] x, double key) {
        int lo = 0;
        int hi = x.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static double median(double[] values, int from, int to) {
        double[] copy = java.util.Arrays.copyOfRange(values, from, to);
        java.util.Arrays.sort(copy);
        int n = copy.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? copy[n / 2] : 0.5 * (copy[n / 2 - 1] + copy[n / 2]);
    }
}
