package org.stackscope.analysis.impedance;

import java.util.ArrayList;
import java.util.List;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.stackscope.core.api.Analysis;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.FigureSpec;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.OutputSpec;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.Table;
import org.stackscope.core.settings.SettingsSupport;

/**
 * {@code kramers-kronig}: the linear Kramers-Kronig test of Schönleber et al. (Electrochim. Acta 131 (2014) 20):
 * Z is fitted, weighted by 1/|Z| on real and imaginary parts together, with R0 + jωL (+ 1/(jωC)) and M RC elements
 * whose time constants are log-spaced between 1/ω_max and 1/ω_min; M grows until μ = 1 − Σ|R_k<0|/Σ|R_k≥0| ≤ c.
 * Residuals (Z − fit)/|Z| that stay within noise mean the spectrum is causal, linear and stable.
 */
public final class KramersKronig implements Analysis<KramersKronigSettings> {

    /** The test of one spectrum. */
    public record Test(int elements, double mu, double[] fitRe, double[] fitIm, double[] residualRe,
            double[] residualIm, double pseudoChiSquare, double maxResidual) {
    }

    @Override
    public OutputSpec configure(InputSpec inputs, KramersKronigSettings settings) throws InvalidSettingsException {
        SettingsSupport.validate(settings);
        EisFit.requireImpedance(inputs, "kramers-kronig");
        return new OutputSpec(List.of("kk.elements", "kk.mu", "kk.pseudo_chi_square", "kk.max_residual",
                "kk.residual_rms"), List.of("residuals"), List.of("kk-residuals"));
    }

    @Override
    public Result run(Inputs inputs, KramersKronigSettings settings, Monitor monitor) throws AnalysisException {
        List<Spectrum> spectra = Spectrum.all(inputs);
        Result result = new Result();
        List<double[]> rows = new ArrayList<>();
        monitor.begin("Kramers-Kronig test", spectra.size());
        for (int si = 0; si < spectra.size(); si++) {
            monitor.checkCanceled();
            Spectrum s = spectra.get(si);
            Test t = test(s, settings);
            String prefix = spectra.size() == 1 ? "kk." : "kk." + (si + 1) + ".";
            result.metric(prefix + "elements", t.elements(), "");
            result.metric(prefix + "mu", t.mu(), "");
            result.metric(prefix + "pseudo_chi_square", t.pseudoChiSquare(), "");
            result.metric(prefix + "max_residual", 100 * t.maxResidual(), "%");
            result.metric(prefix + "residual_rms", 100 * Math.sqrt(t.pseudoChiSquare() / (2 * s.size())), "%");
            if (100 * t.maxResidual() > settings.residualLimit) {
                result.note(s.label() + ": largest residual " + String.format(java.util.Locale.ROOT, "%.2f",
                        100 * t.maxResidual()) + " % exceeds " + settings.residualLimit
                        + " %: not Kramers-Kronig consistent (drift, non-linearity or noise)");
            }
            for (int k = 0; k < s.size(); k++) {
                rows.add(new double[] { si + 1, s.frequency()[k], s.re()[k], s.im()[k], t.fitRe()[k], t.fitIm()[k],
                        t.residualRe()[k], t.residualIm()[k] });
            }
            if (si == spectra.size() - 1) {
                double[] rr = new double[s.size()], ri = new double[s.size()];
                for (int k = 0; k < s.size(); k++) {
                    rr[k] = 100 * t.residualRe()[k];
                    ri[k] = 100 * t.residualIm()[k];
                }
                result.figure(new FigureSpec("kk-residuals", "Lin-KK residuals of " + s.label() + " (M = "
                        + t.elements() + ", mu = " + String.format(java.util.Locale.ROOT, "%.3f", t.mu()) + ")",
                        FigureSpec.Type.LINE, "f (Hz)", "Residual (%)", List.of(
                                new FigureSpec.Series("real", s.frequency(), rr),
                                new FigureSpec.Series("imaginary", s.frequency(), ri)))
                        .withScales(FigureSpec.Scale.LOG, FigureSpec.Scale.LINEAR));
            }
            monitor.worked(1);
        }
        String[] names = { "spectrum_index", "frequency_Hz", "z_real_ohm", "z_imag_ohm", "kk_real_ohm",
                "kk_imag_ohm", "residual_real", "residual_imag" };
        String[] units = { "", "Hz", "ohm", "ohm", "ohm", "ohm", "", "" };
        List<Column> cols = new ArrayList<>();
        for (int c = 0; c < names.length; c++) {
            double[] v = new double[rows.size()];
            for (int r = 0; r < v.length; r++) {
                v[r] = rows.get(r)[c];
            }
            cols.add(new Column(names[c], units[c], v));
        }
        result.table("residuals", Table.of(cols));
        monitor.done();
        return result;
    }

    /** Runs the test on one spectrum. */
    public static Test test(Spectrum s, KramersKronigSettings settings) throws AnalysisException {
        int n = s.size();
        int extra = settings.capacitance ? 3 : 2;
        int maxM = settings.maxElements > 0 ? settings.maxElements : n;
        maxM = Math.min(maxM, 2 * n - extra - 1);
        if (maxM < 1) {
            throw new AnalysisException(s.label() + ": " + n + " points are too few for the Kramers-Kronig test");
        }
        if (settings.elements > maxM) {
            throw new AnalysisException(s.label() + ": " + settings.elements + " RC elements need more than " + n
                    + " points");
        }
        double[] w = s.omega();
        double wMin = Double.POSITIVE_INFINITY, wMax = 0;
        for (double x : w) {
            wMin = Math.min(wMin, x);
            wMax = Math.max(wMax, x);
        }
        int from = settings.elements > 0 ? settings.elements : 1;
        int to = settings.elements > 0 ? settings.elements : maxM;
        Test last = null;
        for (int m = from; m <= to; m++) {
            last = fit(s, w, m, wMin, wMax, settings.capacitance);
            if (last.mu() <= settings.c) {
                break;
            }
        }
        return last;
    }

    private static Test fit(Spectrum s, double[] w, int m, double wMin, double wMax, boolean capacitance) {
        int n = s.size();
        int cols = 1 + m + 1 + (capacitance ? 1 : 0);
        double[][] a = new double[2 * n][cols];
        double[] b = new double[2 * n];
        double[] tau = new double[m];
        for (int k = 0; k < m; k++) {
            tau[k] = m == 1 ? 1 / wMax : Math.exp(Math.log(1 / wMax) + k * Math.log(wMax / wMin) / (m - 1));
        }
        for (int i = 0; i < n; i++) {
            double mod = Math.hypot(s.re()[i], s.im()[i]);
            b[i] = s.re()[i] / mod;
            b[n + i] = s.im()[i] / mod;
            a[i][0] = 1 / mod;
            for (int k = 0; k < m; k++) {
                double x = w[i] * tau[k];
                a[i][1 + k] = 1 / (1 + x * x) / mod;
                a[n + i][1 + k] = -x / (1 + x * x) / mod;
            }
            // L scaled by 1/ω_max and 1/C by ω_min keep the columns of order one
            a[n + i][1 + m] = w[i] / wMax / mod;
            if (capacitance) {
                a[n + i][2 + m] = -wMin / w[i] / mod;
            }
        }
        double[] x = new QRDecomposition(new Array2DRowRealMatrix(a, false)).getSolver()
                .solve(new ArrayRealVector(b, false)).toArray();
        double pos = 0, neg = 0;
        for (int k = 0; k < m; k++) {
            if (x[1 + k] >= 0) {
                pos += x[1 + k];
            } else {
                neg -= x[1 + k];
            }
        }
        double mu = pos > 0 ? 1 - neg / pos : 0;
        double[] fr = new double[n], fi = new double[n], rr = new double[n], ri = new double[n];
        double chi = 0, max = 0;
        for (int i = 0; i < n; i++) {
            double mod = Math.hypot(s.re()[i], s.im()[i]);
            double re = 0, im = 0;
            for (int c = 0; c < cols; c++) {
                re += a[i][c] * x[c];
                im += a[n + i][c] * x[c];
            }
            fr[i] = re * mod;
            fi[i] = im * mod;
            rr[i] = (s.re()[i] - fr[i]) / mod;
            ri[i] = (s.im()[i] - fi[i]) / mod;
            chi += rr[i] * rr[i] + ri[i] * ri[i];
            max = Math.max(max, Math.max(Math.abs(rr[i]), Math.abs(ri[i])));
        }
        return new Test(m, mu, fr, fi, rr, ri, chi, max);
    }
}
