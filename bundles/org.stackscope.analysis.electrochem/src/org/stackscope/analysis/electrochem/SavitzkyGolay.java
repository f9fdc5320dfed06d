package org.stackscope.analysis.electrochem;

import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * Savitzky–Golay filter on uniformly spaced samples: a least-squares polynomial of degree {@code order} over a
 * centred window of {@code 2·half + 1} samples gives the smoothed value and first derivative at the centre. The
 * kernel is symmetric (value) or antisymmetric (derivative), so a symmetric peak keeps its position. Samples closer
 * than {@code half} to either end are NaN rather than extrapolated.
 */
final class SavitzkyGolay {

    private final int half;
    private final double[] valueKernel;
    private final double[] slopeKernel;

    SavitzkyGolay(int window, int order) {
        if (window % 2 == 0 || window < order + 2) {
            throw new IllegalArgumentException("window " + window + " must be odd and larger than order + 1");
        }
        half = window / 2;
        RealMatrix a = MatrixUtils.createRealMatrix(window, order + 1);
        for (int i = 0; i < window; i++) {
            double x = i - half;
            double p = 1;
            for (int j = 0; j <= order; j++) {
                a.setEntry(i, j, p);
                p *= x;
            }
        }
        // Row j of the pseudo-inverse gives the j-th polynomial coefficient at the window centre.
        RealMatrix pinv = new QRDecomposition(a).getSolver().getInverse();
        valueKernel = pinv.getRow(0);
        slopeKernel = pinv.getRow(1);
    }

    int half() {
        return half;
    }

    /** Smoothed values of y (NaN near the ends). */
    double[] smooth(double[] y) {
        return apply(y, valueKernel, 1);
    }

    /** First derivative dy/dx for sample spacing dx (NaN near the ends). */
    double[] derivative(double[] y, double dx) {
        return apply(y, slopeKernel, 1 / dx);
    }

    private double[] apply(double[] y, double[] kernel, double scale) {
        int n = y.length;
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.NaN);
        for (int i = half; i < n - half; i++) {
            double s = 0;
            for (int k = 0; k < kernel.length; k++) {
                s += kernel[k] * y[i - half + k];
            }
            out[i] = s * scale;
        }
        return out;
    }
}
