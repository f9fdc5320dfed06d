package org.stackscope.analysis.electrochem;

/**
 * Two-segment linear regression for a sudden change of slope (a fade that turns into a collapse): every split point
 * k (at least {@code minSegment} points each side) fits one line to [0, k) and one to [k, n); the split with the
 * smallest total squared error wins, and it is kept only when the Bayesian information criterion prefers two lines
 * (5 parameters: two lines and the split) over one (2 parameters) by more than 10, i.e. very strong evidence.
 */
record ChangePoint(int split, LineFit before, LineFit after, LineFit single) {

    static final double BIC_MARGIN = 10;

    boolean found() {
        return split > 0;
    }

    static ChangePoint detect(double[] x, double[] y, int minSegment) {
        int n = x.length;
        LineFit single = LineFit.of(x, y);
        if (n < 2 * minSegment) {
            return new ChangePoint(-1, single, null, single);
        }
        int best = -1;
        double bestSse = Double.POSITIVE_INFINITY;
        for (int k = minSegment; k <= n - minSegment; k++) {
            double sse = LineFit.of(x, y, 0, k).sse() + LineFit.of(x, y, k, n).sse();
            if (sse < bestSse) {
                bestSse = sse;
                best = k;
            }
        }
        // A floor on the error variance keeps exact synthetic data (SSE = 0) from giving -∞.
        double floor = 1e-12 * (1 + sumSquares(y) / n);
        double bicOne = n * Math.log(Math.max(single.sse() / n, floor)) + 2 * Math.log(n);
        double bicTwo = n * Math.log(Math.max(bestSse / n, floor)) + 5 * Math.log(n);
        if (bicOne - bicTwo <= BIC_MARGIN) {
            return new ChangePoint(-1, single, null, single);
        }
        return new ChangePoint(best, LineFit.of(x, y, 0, best), LineFit.of(x, y, best, n), single);
    }

    private static double sumSquares(double[] y) {
        double s = 0;
        for (double v : y) {
            s += v * v;
        }
        return s;
    }
}
