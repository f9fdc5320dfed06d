package org.stackscope.analysis.impedance;

/** Small dense linear algebra on primitive arrays (the systems here have at most a few hundred unknowns). */
final class Linear {

    private Linear() {
    }

    /** Inverse of a symmetric positive-definite matrix by Gauss-Jordan with partial pivoting; null when singular. */
    static double[][] inverseSymmetric(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            if (m[pivot][c] == 0 || !Double.isFinite(m[pivot][c])) {
                return null;
            }
            double[] tmp = m[c];
            m[c] = m[pivot];
            m[pivot] = tmp;
            double d = m[c][c];
            for (int k = 0; k < 2 * n; k++) {
                m[c][k] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r != c && m[r][c] != 0) {
                    double f = m[r][c];
                    for (int k = 0; k < 2 * n; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], n, inv[i], 0, n);
        }
        return inv;
    }

    /**
     * Solves G x = c for symmetric positive-definite G by Cholesky, in place of a copy; returns null when G is not
     * positive definite.
     */
    static double[] solveSpd(double[][] g, double[] c) {
        int n = c.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = g[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = c[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    /** Least squares min ||A x − b|| through the normal equations (A is rows × cols, well conditioned). */
    static double[] leastSquares(double[][] a, double[] b) {
        int cols = a[0].length;
        double[][] g = new double[cols][cols];
        double[] c = new double[cols];
        for (int r = 0; r < a.length; r++) {
            double[] row = a[r];
            for (int i = 0; i < cols; i++) {
                c[i] += row[i] * b[r];
                for (int j = 0; j <= i; j++) {
                    g[i][j] += row[i] * row[j];
                }
            }
        }
        for (int i = 0; i < cols; i++) {
            for (int j = 0; j < i; j++) {
                g[j][i] = g[i][j];
            }
        }
        return solveSpd(g, c);
    }

    /**
     * Non-negative least squares in Gram form: min ½xᵀGx − cᵀx subject to x ≥ 0 (Lawson-Hanson active set, as
     * Bro and de Jong's fast NNLS). {@code nonNegative[i]} false leaves x_i unconstrained.
     */
    static double[] nnls(double[][] g, double[] c, boolean[] nonNegative) {
        int n = c.length;
        boolean[] passive = new boolean[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            passive[i] = !nonNegative[i];
        }
        if (anyPassive(passive)) {
            x = solvePassive(g, c, passive);
        }
        double tol = 1e-12 * maxAbs(c) * n;
        for (int outer = 0; outer < 3 * n + 10; outer++) {
            // gradient of the objective's negative: w = c − G x
            int best = -1;
            double bestW = tol;
            for (int i = 0; i < n; i++) {
                if (!passive[i]) {
                    double w = c[i];
                    for (int j = 0; j < n; j++) {
                        w -= g[i][j] * x[j];
                    }
                    if (w > bestW) {
                        bestW = w;
                        best = i;
                    }
                }
            }
            if (best < 0) {
                break;
            }
            passive[best] = true;
            for (int inner = 0; inner < 3 * n + 10; inner++) {
                double[] z = solvePassive(g, c, passive);
                boolean feasible = true;
                for (int i = 0; i < n; i++) {
                    if (passive[i] && nonNegative[i] && z[i] <= 0) {
                        feasible = false;
                        break;
                    }
                }
                if (feasible) {
                    x = z;
                    break;
                }
                double alpha = 1;
                for (int i = 0; i < n; i++) {
                    if (passive[i] && nonNegative[i] && z[i] <= 0) {
                        alpha = Math.min(alpha, x[i] / (x[i] - z[i]));
                    }
                }
                for (int i = 0; i < n; i++) {
                    if (passive[i]) {
                        x[i] += alpha * (z[i] - x[i]);
                        if (nonNegative[i] && x[i] <= 1e-300) {
                            x[i] = 0;
                            passive[i] = false;
                        }
                    }
                }
            }
        }
        return x;
    }

    private static boolean anyPassive(boolean[] passive) {
        for (boolean p : passive) {
            if (p) {
                return true;
            }
        }
        return false;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    /** Solves the equality-constrained sub-problem on the passive set (others held at 0). */
    private static double[] solvePassive(double[][] g, double[] c, boolean[] passive) {
        int n = c.length, m = 0;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            if (passive[i]) {
                idx[m++] = i;
            }
        }
        double[][] gp = new double[m][m];
        double[] cp = new double[m];
        for (int a = 0; a < m; a++) {
            cp[a] = c[idx[a]];
            for (int b = 0; b < m; b++) {
                gp[a][b] = g[idx[a]][idx[b]];
            }
        }
        double[] zp = solveSpd(gp, cp);
        if (zp == null) {
            // nearly singular: a tiny ridge keeps the active-set iteration going
            for (int a = 0; a < m; a++) {
                gp[a][a] += 1e-12 * (gp[a][a] + 1e-300);
            }
            zp = solveSpd(gp, cp);
        }
        double[] z = new double[n];
        for (int a = 0; a < m && zp != null; a++) {
            z[idx[a]] = zp[a];
        }
        return z;
    }
}
