package org.stackscope.analysis.impedance;

import java.util.ArrayList;
import java.util.List;

import org.stackscope.core.api.Analysis;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.FigureSpec;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Metric;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.OutputSpec;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.Table;
import org.stackscope.core.settings.SettingsSupport;

/**
 * {@code drt}: distribution of relaxation times by Tikhonov-regularised non-negative least squares, as pyDRTtools'
 * ridge regression: Z(ω) = R∞ + jωL + ∫ γ(ln τ)/(1 + jωτ) d ln τ, γ expanded on Gaussian RBFs (shape from the FWHM
 * coefficient) or piecewise-linear hats centred on τ_m = 1/f_m; penalty λ‖γ^(d)‖² on its first or second derivative;
 * R∞, L ≥ 0 fitted alongside. λ by generalised cross-validation or the corner of the L-curve (both on the
 * unconstrained ridge solution), then the non-negative solution at that λ. Peaks: local maxima of γ with their τ and
 * area (a resistance) between the neighbouring minima.
 */
public final class Drt implements Analysis<DrtSettings> {

    /** The DRT of one spectrum: γ on a fine ln τ grid, R∞, L, λ and the peaks. */
    public record Distribution(double[] tau, double[] gamma, double rInf, double inductance, double lambda,
            double[] peakTau, double[] peakArea, double[] fitRe, double[] fitIm) {
    }

    @Override
    public OutputSpec configure(InputSpec inputs, DrtSettings settings) throws InvalidSettingsException {
        SettingsSupport.validate(settings);
        EisFit.requireImpedance(inputs, "drt");
        return new OutputSpec(List.of("drt.R_inf", "drt.L", "drt.lambda", "drt.peaks", "drt.peak<i>.tau",
                "drt.peak<i>.R", "drt.R_polarization"), List.of("drt", "peaks", "fit"), List.of("drt", "nyquist",
                        "bode-magnitude", "bode-phase", "residuals"));
    }

    @Override
    public Result run(Inputs inputs, DrtSettings settings, Monitor monitor) throws AnalysisException {
        List<Spectrum> spectra = Spectrum.all(inputs);
        Result result = new Result();
        monitor.begin("DRT", spectra.size());
        List<FigureSpec.Series> curves = new ArrayList<>();
        List<double[]> drtRows = new ArrayList<>(), peakRows = new ArrayList<>();
        for (int si = 0; si < spectra.size(); si++) {
            monitor.checkCanceled();
            Spectrum s = spectra.get(si);
            Distribution d = compute(s, settings);
            String prefix = spectra.size() == 1 ? "drt." : "drt." + (si + 1) + ".";
            result.metric(prefix + "R_inf", d.rInf(), "ohm");
            result.metric(prefix + "L", d.inductance(), "H");
            result.metric(prefix + "lambda", d.lambda(), "");
            result.metric(prefix + "peaks", d.peakTau().length, "");
            double total = 0;
            for (int p = 0; p < d.peakTau().length; p++) {
                result.metric(prefix + "peak" + (p + 1) + ".tau", d.peakTau()[p], "s");
                result.metric(prefix + "peak" + (p + 1) + ".R", d.peakArea()[p], "ohm");
                total += d.peakArea()[p];
                peakRows.add(new double[] { si + 1, p + 1, d.peakTau()[p], 1 / (2 * Math.PI * d.peakTau()[p]),
                        d.peakArea()[p] });
            }
            result.metric(prefix + "R_polarization", new Metric(total, "ohm", Double.NaN));
            for (int k = 0; k < d.tau().length; k++) {
                drtRows.add(new double[] { si + 1, d.tau()[k], d.gamma()[k] });
            }
            curves.add(new FigureSpec.Series(s.label(), d.tau(), d.gamma()));
            if (si == spectra.size() - 1) {
                Figures.spectrum(result, s, null, null, d.fitRe(), d.fitIm());
            }
            monitor.worked(1);
        }
        result.table("drt", Table.of(columns(drtRows, new String[] { "spectrum_index", "tau_s", "gamma_ohm" },
                new String[] { "", "s", "ohm" })));
        result.table("peaks", Table.of(columns(peakRows, new String[] { "spectrum_index", "peak", "tau_s",
                "frequency_Hz", "R_ohm" }, new String[] { "", "", "s", "Hz", "ohm" })));
        result.figure(new FigureSpec("drt", "Distribution of relaxation times", FigureSpec.Type.LINE,
                "τ (s)", "γ (Ω)", curves).withScales(FigureSpec.Scale.LOG, FigureSpec.Scale.LINEAR));
        monitor.done();
        return result;
    }

    static List<Column> columns(List<double[]> rows, String[] names, String[] units) {
        List<Column> cols = new ArrayList<>();
        for (int c = 0; c < names.length; c++) {
            double[] v = new double[rows.size()];
            for (int r = 0; r < v.length; r++) {
                v[r] = rows.get(r)[c];
            }
            cols.add(new Column(names[c], units[c], v));
        }
        return cols;
    }

    /** The DRT of one spectrum. */
    public static Distribution compute(Spectrum s, DrtSettings settings) throws AnalysisException {
        int n = s.size();
        double[] w = s.omega();
        // basis centres: τ_m = 1/f_m, sorted ascending in ln τ
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            y[k] = -Math.log(s.frequency()[k]);
        }
        java.util.Arrays.sort(y);
        int m = n;
        double dy = (y[m - 1] - y[0]) / (m - 1);
        if (!(dy > 0)) {
            throw new AnalysisException(s.label() + ": the DRT needs at least two frequencies");
        }
        boolean rbf = settings.basis == DrtSettings.Basis.GAUSSIAN;
        double eps = settings.fwhmCoefficient * 2 * Math.sqrt(Math.log(2)) / dy;
        // quadrature grid on ln τ covering every basis function's support
        double reach = rbf ? Math.sqrt(20) / eps : dy;
        double h = dy / 20;
        int q = (int) Math.ceil((y[m - 1] - y[0] + 2 * reach) / h) + 1;
        double[] yq = new double[q];
        for (int j = 0; j < q; j++) {
            yq[j] = y[0] - reach + j * h;
        }
        // φ_m, φ_m^(d) on the grid (trapezoid weights h)
        double[][] phi = new double[m][q];
        double[][] dphi = new double[m][q];
        int order = settings.derivativeOrder;
        // each basis function is non-zero (above e^-20) only within ±reach of its centre
        int[] from = new int[m], to = new int[m];
        for (int b = 0; b < m; b++) {
            from[b] = Math.max(0, (int) Math.floor((y[b] - reach - yq[0]) / h));
            to[b] = Math.min(q, (int) Math.ceil((y[b] + reach - yq[0]) / h) + 1);
            for (int j = from[b]; j < to[b]; j++) {
                double x = yq[j] - y[b];
                if (rbf) {
                    double g = Math.exp(-(eps * x) * (eps * x));
                    phi[b][j] = g;
                    dphi[b][j] = order == 1 ? -2 * eps * eps * x * g
                            : (4 * Math.pow(eps, 4) * x * x - 2 * eps * eps) * g;
                } else {
                    phi[b][j] = Math.max(0, 1 - Math.abs(x) / dy);
                }
            }
        }
        int cols = m + 2; // R∞, L (scaled by 1/ω_max), γ_1..γ_m
        double wMax = 0;
        for (double x : w) {
            wMax = Math.max(wMax, x);
        }
        double[][] a = new double[2 * n][cols];
        double[] b = new double[2 * n];
        double[] kr = new double[q], ki = new double[q];
        for (int i = 0; i < n; i++) {
            b[i] = s.re()[i];
            b[n + i] = s.im()[i];
            a[i][0] = 1;
            a[n + i][1] = settings.inductance ? w[i] / wMax : 0;
            for (int j = 0; j < q; j++) {
                double x = w[i] * Math.exp(yq[j]);
                kr[j] = 1 / (1 + x * x);
                ki[j] = -x / (1 + x * x);
            }
            for (int c = 0; c < m; c++) {
                double sr = 0, sim = 0;
                double[] f = phi[c];
                for (int j = from[c]; j < to[c]; j++) {
                    sr += f[j] * kr[j];
                    sim += f[j] * ki[j];
                }
                a[i][2 + c] = sr * h;
                a[n + i][2 + c] = sim * h;
            }
        }
        // penalty ∫ (γ^(d))² d ln τ
        double[][] pen = new double[cols][cols];
        if (rbf) {
            for (int c1 = 0; c1 < m; c1++) {
                for (int c2 = 0; c2 <= c1; c2++) {
                    double sum = 0;
                    for (int j = Math.max(from[c1], from[c2]); j < Math.min(to[c1], to[c2]); j++) {
                        sum += dphi[c1][j] * dphi[c2][j];
                    }
                    pen[2 + c1][2 + c2] = sum * h;
                    pen[2 + c2][2 + c1] = sum * h;
                }
            }
        } else {
            // hats: finite differences of the coefficients
            int rows = m - order;
            for (int r = 0; r < rows; r++) {
                double[] stencil = order == 1 ? new double[] { -1, 1 } : new double[] { 1, -2, 1 };
                double scale = order == 1 ? 1 / dy : 1 / (dy * dy * dy);
                for (int u = 0; u < stencil.length; u++) {
                    for (int v = 0; v < stencil.length; v++) {
                        pen[2 + r + u][2 + r + v] += stencil[u] * stencil[v] * scale;
                    }
                }
            }
        }
        double[][] ata = new double[cols][cols];
        double[] atb = new double[cols];
        for (int r = 0; r < 2 * n; r++) {
            double[] row = a[r];
            for (int c1 = 0; c1 < cols; c1++) {
                if (row[c1] == 0) {
                    continue;
                }
                atb[c1] += row[c1] * b[r];
                for (int c2 = 0; c2 < cols; c2++) {
                    ata[c1][c2] += row[c1] * row[c2];
                }
            }
        }
        if (!settings.inductance) {
            ata[1][1] = 1; // L pinned to 0
        }
        double lambda = switch (settings.lambdaSelection) {
            case FIXED -> settings.lambda;
            case GCV, L_CURVE -> chooseLambda(ata, atb, pen, a, b, settings.lambdaSelection);
        };
        double[][] g = new double[cols][cols];
        for (int c1 = 0; c1 < cols; c1++) {
            for (int c2 = 0; c2 < cols; c2++) {
                g[c1][c2] = ata[c1][c2] + lambda * pen[c1][c2];
            }
        }
        boolean[] nonNegative = new boolean[cols];
        java.util.Arrays.fill(nonNegative, true);
        double[] x = Linear.nnls(g, atb, nonNegative);

        // γ on a grid 4x finer than the basis, over the τ range of the data
        int fine = 4 * (m - 1) + 1;
        double[] tau = new double[fine], gamma = new double[fine];
        for (int k = 0; k < fine; k++) {
            double yy = y[0] + k * dy / 4;
            tau[k] = Math.exp(yy);
            double sum = 0;
            for (int c = 0; c < m; c++) {
                double d = yy - y[c];
                sum += x[2 + c] * (rbf ? Math.exp(-(eps * d) * (eps * d)) : Math.max(0, 1 - Math.abs(d) / dy));
            }
            gamma[k] = sum;
        }
        double[] fr = new double[n], fi = new double[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < cols; c++) {
                fr[i] += a[i][c] * x[c];
                fi[i] += a[n + i][c] * x[c];
            }
        }
        double[][] peaks = peaks(tau, gamma, dy / 4, settings.peakThreshold);
        return new Distribution(tau, gamma, x[0], settings.inductance ? x[1] / wMax : 0, lambda, peaks[0], peaks[1],
                fr, fi);
    }

    /**
     * Peaks of γ: the stretches between local minima, where a maximum that rises less than {@code threshold} × the
     * highest above its shallower neighbouring minimum (a noise wiggle on a broad peak) is merged with its neighbour.
     * Each peak's τ is its apex (parabolic refinement in ln τ) and its resistance the area under γ over its stretch.
     */
    private static double[][] peaks(double[] tau, double[] gamma, double step, double threshold) {
        int n = gamma.length;
        double top = 0;
        for (double g : gamma) {
            top = Math.max(top, g);
        }
        List<Integer> bounds = new ArrayList<>();
        bounds.add(0);
        for (int k = 1; k < n - 1; k++) {
            if (gamma[k] < gamma[k - 1] && gamma[k] <= gamma[k + 1]) {
                bounds.add(k);
            }
        }
        bounds.add(n - 1);
        while (bounds.size() > 2) {
            int weakest = -1;
            double weakestProminence = Double.POSITIVE_INFINITY;
            for (int i = 0; i + 1 < bounds.size(); i++) {
                double prominence = max(gamma, bounds.get(i), bounds.get(i + 1))
                        - Math.max(gamma[bounds.get(i)], gamma[bounds.get(i + 1)]);
                if (prominence < weakestProminence) {
                    weakestProminence = prominence;
                    weakest = i;
                }
            }
            if (weakestProminence >= threshold * top) {
                break;
            }
            // merge across the shallower of its two minima (never across an end of the range)
            int left = weakest, right = weakest + 1;
            boolean removeLeft = left > 0 && (right == bounds.size() - 1
                    || gamma[bounds.get(left)] >= gamma[bounds.get(right)]);
            bounds.remove(removeLeft ? left : right);
        }
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.size(); i++) {
            int start = bounds.get(i), end = bounds.get(i + 1);
            int apex = start;
            for (int k = start; k <= end; k++) {
                apex = gamma[k] > gamma[apex] ? k : apex;
            }
            if (!(gamma[apex] > threshold * top) || apex == start && start > 0 || apex == end && end < n - 1) {
                continue;
            }
            double area = 0;
            for (int k = start; k < end; k++) {
                area += 0.5 * (gamma[k] + gamma[k + 1]) * step;
            }
            double yApex = Math.log(tau[apex]);
            if (apex > 0 && apex < n - 1) {
                double den = gamma[apex - 1] - 2 * gamma[apex] + gamma[apex + 1];
                if (den < 0) {
                    yApex += 0.5 * step * (gamma[apex - 1] - gamma[apex + 1]) / den;
                }
            }
            out.add(new double[] { Math.exp(yApex), area });
        }
        double[][] r = new double[2][out.size()];
        for (int i = 0; i < out.size(); i++) {
            r[0][i] = out.get(i)[0];
            r[1][i] = out.get(i)[1];
        }
        return r;
    }

    private static double max(double[] v, int from, int to) {
        double m = Double.NEGATIVE_INFINITY;
        for (int k = from; k <= to; k++) {
            m = Math.max(m, v[k]);
        }
        return m;
    }

    /**
     * λ on a log grid 1e-8..1e2 (relative to the data's scale): minimum of the GCV score n‖Ax − b‖²/(n − tr H)², or
     * the point of largest curvature of the L-curve (log residual norm, log penalty).
     */
    private static double chooseLambda(double[][] ata, double[] atb, double[][] pen, double[][] a, double[] b,
            DrtSettings.LambdaSelection how) {
        int cols = atb.length, rows = b.length;
        int grid = 41;
        double[] lam = new double[grid], gcv = new double[grid], logRes = new double[grid], logPen = new double[grid];
        for (int gi = 0; gi < grid; gi++) {
            lam[gi] = Math.pow(10, -8 + 10.0 * gi / (grid - 1));
            double[][] h = new double[cols][cols];
            for (int i = 0; i < cols; i++) {
                for (int j = 0; j < cols; j++) {
                    h[i][j] = ata[i][j] + lam[gi] * pen[i][j];
                }
                h[i][i] += 1e-14 * (ata[i][i] + 1);
            }
            double[][] inv = Linear.inverseSymmetric(h);
            if (inv == null) {
                gcv[gi] = Double.POSITIVE_INFINITY;
                continue;
            }
            double[] x = new double[cols];
            double trace = 0;
            for (int i = 0; i < cols; i++) {
                for (int j = 0; j < cols; j++) {
                    x[i] += inv[i][j] * atb[j];
                    trace += inv[i][j] * ata[j][i];
                }
            }
            double res = 0;
            for (int r = 0; r < rows; r++) {
                double v = -b[r];
                for (int c = 0; c < cols; c++) {
                    v += a[r][c] * x[c];
                }
                res += v * v;
            }
            double p = 0;
            for (int i = 0; i < cols; i++) {
                for (int j = 0; j < cols; j++) {
                    p += x[i] * pen[i][j] * x[j];
                }
            }
            gcv[gi] = rows * res / ((rows - trace) * (rows - trace));
            logRes[gi] = Math.log(Math.max(res, 1e-300));
            logPen[gi] = Math.log(Math.max(p, 1e-300));
        }
        int best = 0;
        if (how == DrtSettings.LambdaSelection.GCV) {
            for (int gi = 1; gi < grid; gi++) {
                if (gcv[gi] < gcv[best]) {
                    best = gi;
                }
            }
        } else {
            double bestK = Double.NEGATIVE_INFINITY;
            for (int gi = 1; gi < grid - 1; gi++) {
                double x1 = logRes[gi + 1] - logRes[gi - 1], y1 = logPen[gi + 1] - logPen[gi - 1];
                double x2 = logRes[gi + 1] - 2 * logRes[gi] + logRes[gi - 1];
                double y2 = logPen[gi + 1] - 2 * logPen[gi] + logPen[gi - 1];
                double k = (x1 * y2 - y1 * x2) / Math.pow(x1 * x1 + y1 * y1, 1.5);
                if (k > bestK) {
                    bestK = k;
                    best = gi;
                }
            }
        }
        return lam[best];
    }
}
