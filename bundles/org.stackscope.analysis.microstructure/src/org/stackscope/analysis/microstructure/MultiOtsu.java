package org.stackscope.analysis.microstructure;

/**
 * Multi-class Otsu: the thresholds that maximise the between-class variance of a histogram, by exhaustive search over
 * all bin boundaries (2 to 4 classes; 4 classes on 256 bins is 2.7 M candidates).
 */
final class MultiOtsu {

    private MultiOtsu() {
    }

    /**
     * @return the first bin of classes 1..k-1 (class c holds bins [t[c-1], t[c]) )
     */
    static int[] thresholdBins(long[] histogram, int classes) {
        if (classes < 2 || classes > 4) {
            throw new IllegalArgumentException("multi-Otsu supports 2 to 4 classes, not " + classes);
        }
        int n = histogram.length;
        // prefix sums: count and first moment (bin index as the grey value)
        double[] w = new double[n + 1];
        double[] m = new double[n + 1];
        for (int i = 0; i < n; i++) {
            w[i + 1] = w[i] + histogram[i];
            m[i + 1] = m[i] + (double) i * histogram[i];
        }
        double best = -1;
        int[] arg = new int[classes - 1];
        int[] t = new int[classes - 1];
        // t[j] ranges over 1..n-1, strictly increasing
        if (classes == 2) {
            for (int a = 1; a < n; a++) {
                double s = term(w, m, 0, a) + term(w, m, a, n);
                if (s > best) {
                    best = s;
                    arg[0] = a;
                }
            }
        } else if (classes == 3) {
            for (int a = 1; a < n - 1; a++) {
                double first = term(w, m, 0, a);
                for (int b = a + 1; b < n; b++) {
                    double s = first + term(w, m, a, b) + term(w, m, b, n);
                    if (s > best) {
                        best = s;
                        arg[0] = a;
                        arg[1] = b;
                    }
                }
            }
        } else {
            for (int a = 1; a < n - 2; a++) {
                double first = term(w, m, 0, a);
                for (int b = a + 1; b < n - 1; b++) {
                    double second = first + term(w, m, a, b);
                    for (int c = b + 1; c < n; c++) {
                        double s = second + term(w, m, b, c) + term(w, m, c, n);
                        if (s > best) {
                            best = s;
                            arg[0] = a;
                            arg[1] = b;
                            arg[2] = c;
                        }
                    }
                }
            }
        }
        System.arraycopy(arg, 0, t, 0, t.length);
        return t;
    }

    /** omega * mu^2 of the class holding bins [from, to); maximising its sum maximises between-class variance. */
    private static double term(double[] w, double[] m, int from, int to) {
        double count = w[to] - w[from];
        if (count <= 0) {
            return 0;
        }
        double sum = m[to] - m[from];
        return sum * sum / count;
    }
}
