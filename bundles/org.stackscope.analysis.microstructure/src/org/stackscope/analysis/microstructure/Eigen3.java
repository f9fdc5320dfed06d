package org.stackscope.analysis.microstructure;

/** Eigen-decomposition of a symmetric 3x3 matrix by cyclic Jacobi rotations. */
final class Eigen3 {

    private Eigen3() {
    }

    /**
     * Returns the eigenvalues in descending order and writes the matching unit eigenvectors as rows of
     * {@code vectors}.
     */
    static double[] symmetric(double[][] matrix, double[][] vectors) {
        double[][] a = { matrix[0].clone(), matrix[1].clone(), matrix[2].clone() };
        double[][] v = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
        for (int sweep = 0; sweep < 50; sweep++) {
            double off = Math.abs(a[0][1]) + Math.abs(a[0][2]) + Math.abs(a[1][2]);
            if (off <= 1e-15 * (Math.abs(a[0][0]) + Math.abs(a[1][1]) + Math.abs(a[2][2])) || off == 0) {
                break;
            }
            for (int p = 0; p < 2; p++) {
                for (int q = p + 1; q < 3; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < 3; k++) { // A = Jᵀ A J, columns then rows
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < 3; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < 3; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        Integer[] order = { 0, 1, 2 };
        java.util.Arrays.sort(order, (i, j) -> Double.compare(a[j][j], a[i][i]));
        double[] values = new double[3];
        for (int r = 0; r < 3; r++) {
            values[r] = a[order[r]][order[r]];
            for (int k = 0; k < 3; k++) {
                vectors[r][k] = v[k][order[r]];
            }
        }
        return values;
    }
}
