package org.stackscope.analysis.electrochem;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Ordinary least squares of y = a + b·x over points [from, to), with the standard errors of a and b and the pointwise
 * confidence band of the fitted mean (Student t with n − 2 degrees of freedom).
 */
record LineFit(int n, double a, double b, double seA, double seB, double sse, double meanX, double sxx,
        double residualSd) {

    static LineFit of(double[] x, double[] y) {
        return of(x, y, 0, x.length);
    }

    static LineFit of(double[] x, double[] y, int from, int to) {
        int n = to - from;
        double mx = 0;
        double my = 0;
        for (int i = from; i < to; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        for (int i = from; i < to; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        double b = sxx > 0 ? sxy / sxx : 0;
        double a = my - b * mx;
        double sse = 0;
        for (int i = from; i < to; i++) {
            double r = y[i] - a - b * x[i];
            sse += r * r;
        }
        double s = n > 2 ? Math.sqrt(sse / (n - 2)) : Double.NaN;
        double seB = s / Math.sqrt(sxx);
        double seA = s * Math.sqrt(1.0 / n + mx * mx / sxx);
        return new LineFit(n, a, b, seA, seB, sse, mx, sxx, s);
    }

    double predict(double x) {
        return a + b * x;
    }

    /** The two-sided Student-t quantile of this fit's n − 2 degrees of freedom. */
    double tQuantile(double confidence) {
        return n > 2 ? new TDistribution(n - 2).inverseCumulativeProbability(0.5 + confidence / 2) : Double.NaN;
    }

    /** Half-width of the confidence band of the fitted mean at x, for a t quantile from {@link #tQuantile}. */
    double bandHalfWidth(double x, double t) {
        return t * residualSd * Math.sqrt(1.0 / n + (x - meanX) * (x - meanX) / sxx);
    }
}
