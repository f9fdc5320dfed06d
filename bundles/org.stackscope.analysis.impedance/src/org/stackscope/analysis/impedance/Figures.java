package org.stackscope.analysis.impedance;

import java.util.List;

import org.stackscope.core.api.FigureSpec;
import org.stackscope.core.api.Result;

/** The impedance figures: Nyquist (−Z'' up; FigureSpec cannot yet ask for equal axis scales), Bode magnitude and phase, residuals. */
final class Figures {

    private Figures() {
    }

    /**
     * Adds nyquist, bode-magnitude, bode-phase and residuals for one spectrum and a model: the circuit on a dense
     * frequency grid when {@code circuit} is given, else the model values at the measured frequencies.
     */
    static void spectrum(Result result, Spectrum s, Circuit circuit, double[] p, double[] modelRe, double[] modelIm) {
        int n = s.size();
        double[] negIm = new double[n], logF = new double[n], logMod = new double[n], phase = new double[n];
        for (int k = 0; k < n; k++) {
            negIm[k] = -s.im()[k];
            logF[k] = Math.log10(s.frequency()[k]);
            logMod[k] = Math.log10(Math.hypot(s.re()[k], s.im()[k]));
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
        double[] mNeg = new double[m], mLogF = new double[m], mLogMod = new double[m], mPhase = new double[m];
        for (int k = 0; k < m; k++) {
            mNeg[k] = -mi[k];
            mLogF[k] = Math.log10(mf[k]);
            mLogMod[k] = Math.log10(Math.hypot(mr[k], mi[k]));
            mPhase[k] = -Math.toDegrees(Math.atan2(mi[k], mr[k]));
        }
        result.figure(new FigureSpec("nyquist", "Nyquist plot of " + s.label() + "",
                FigureSpec.Type.SCATTER, "Z' (Ω)", "−Z'' (Ω)", List.of(
                        new FigureSpec.Series("data", s.re(), negIm), new FigureSpec.Series("model", mr, mNeg))));
        result.figure(new FigureSpec("bode-magnitude", "Bode magnitude", FigureSpec.Type.SCATTER, "log10 f (Hz)",
                "log10 |Z| (Ω)", List.of(new FigureSpec.Series("data", logF, logMod),
                        new FigureSpec.Series("model", mLogF, mLogMod))));
        result.figure(new FigureSpec("bode-phase", "Bode phase", FigureSpec.Type.SCATTER, "log10 f (Hz)",
                "−phase (°)", List.of(new FigureSpec.Series("data", logF, phase),
                        new FigureSpec.Series("model", mLogF, mPhase))));
        double[] rr = new double[n], ri = new double[n];
        for (int k = 0; k < n; k++) {
            double mod = Math.hypot(s.re()[k], s.im()[k]);
            rr[k] = 100 * (s.re()[k] - modelRe[k]) / mod;
            ri[k] = 100 * (s.im()[k] - modelIm[k]) / mod;
        }
        result.figure(new FigureSpec("residuals", "Relative residuals (Z − model)/|Z|", FigureSpec.Type.LINE,
                "log10 f (Hz)", "Residual (%)", List.of(new FigureSpec.Series("real", logF, rr),
                        new FigureSpec.Series("imaginary", logF, ri))));
    }
}
