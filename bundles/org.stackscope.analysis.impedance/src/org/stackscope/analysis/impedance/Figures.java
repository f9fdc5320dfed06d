package org.stackscope.analysis.impedance;

import static org.stackscope.core.api.FigureSpec.Scale.LINEAR;
import static org.stackscope.core.api.FigureSpec.Scale.LOG;

import java.util.List;

import org.stackscope.core.api.FigureSpec;
import org.stackscope.core.api.Result;

/** The impedance figures: Nyquist (−Z'' up, equal axis scales), Bode magnitude and phase, residuals. */
final class Figures {

    private Figures() {
    }

    /**
     * Adds nyquist, bode-magnitude, bode-phase and residuals for one spectrum and a model: the circuit on a dense
     * frequency grid when {@code circuit} is given, else the model values at the measured frequencies.
     */
    static void spectrum(Result result, Spectrum s, Circuit circuit, double[] p, double[] modelRe, double[] modelIm) {
        int n = s.size();
        double[] negIm = new double[n], modulus = new double[n], phase = new double[n];
        for (int k = 0; k < n; k++) {
            negIm[k] = -s.im()[k];
            modulus[k] = Math.hypot(s.re()[k], s.im()[k]);
            phase[k] = -Math.toDegrees(Math.atan2(s.im()[k], s.re()[k]));
        }
        double[] mf, mr, mi;
        if (circuit != null) {
            double fMin = Double.POSITIVE_INFINITY, fMax = 0;
            for (double f : s.frequency()) {
                fMin = Math.min(fMin, f);
                fMax = Math.max(fMax, f);
            }
            int dense = 200;
            mf = new double[dense];
            double[] w = new double[dense];
            for (int k = 0; k < dense; k++) {
                mf[k] = fMin * Math.pow(fMax / fMin, k / (dense - 1.0));
                w[k] = 2 * Math.PI * mf[k];
            }
            mr = new double[dense];
            mi = new double[dense];
            circuit.evaluate(w, p, mr, mi, null, null);
        } else {
            mf = s.frequency();
            mr = modelRe;
            mi = modelIm;
        }
        int m = mf.length;
        double[] mNeg = new double[m], mModulus = new double[m], mPhase = new double[m];
        for (int k = 0; k < m; k++) {
            mNeg[k] = -mi[k];
            mModulus[k] = Math.hypot(mr[k], mi[k]);
            mPhase[k] = -Math.toDegrees(Math.atan2(mi[k], mr[k]));
        }
        result.figure(new FigureSpec("nyquist", "Nyquist plot of " + s.label() + "",
                FigureSpec.Type.SCATTER, "Z' (Ω)", "−Z'' (Ω)", List.of(
                        new FigureSpec.Series("data", s.re(), negIm), new FigureSpec.Series("model", mr, mNeg)))
                .withEqualAspect());
        result.figure(new FigureSpec("bode-magnitude", "Bode magnitude", FigureSpec.Type.SCATTER, "f (Hz)",
                "|Z| (Ω)", List.of(new FigureSpec.Series("data", s.frequency(), modulus),
                        new FigureSpec.Series("model", mf, mModulus))).withScales(LOG, LOG));
        result.figure(new FigureSpec("bode-phase", "Bode phase", FigureSpec.Type.SCATTER, "f (Hz)",
                "−phase (°)", List.of(new FigureSpec.Series("data", s.frequency(), phase),
                        new FigureSpec.Series("model", mf, mPhase))).withScales(LOG, LINEAR));
        double[] rr = new double[n], ri = new double[n];
        for (int k = 0; k < n; k++) {
            double mod = Math.hypot(s.re()[k], s.im()[k]);
            rr[k] = 100 * (s.re()[k] - modelRe[k]) / mod;
            ri[k] = 100 * (s.im()[k] - modelIm[k]) / mod;
        }
        result.figure(new FigureSpec("residuals", "Relative residuals (Z − model)/|Z|", FigureSpec.Type.LINE,
                "f (Hz)", "Residual (%)", List.of(new FigureSpec.Series("real", s.frequency(), rr),
                        new FigureSpec.Series("imaginary", s.frequency(), ri))).withScales(LOG, LINEAR));
    }
}
