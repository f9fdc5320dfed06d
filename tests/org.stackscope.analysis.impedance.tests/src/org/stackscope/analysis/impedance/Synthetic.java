package org.stackscope.analysis.impedance;

import java.util.Map;
import java.util.SplittableRandom;

import org.stackscope.core.api.DataKind;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.ImpedanceColumns;
import org.stackscope.core.model.Table;

/** Synthetic spectra from known circuits, with optional proportional Gaussian noise (tests and benchmarks). */
final class Synthetic {

    private Synthetic() {
    }

    static Spectrum spectrum(String circuit, double[] p, double fMax, double fMin, int points, double noise, long seed)
            throws Exception {
        Circuit c = Circuit.parse(circuit);
        double[] f = new double[points], w = new double[points];
        for (int k = 0; k < points; k++) {
            f[k] = fMax * Math.pow(fMin / fMax, k / (points - 1.0));
            w[k] = 2 * Math.PI * f[k];
        }
        double[] re = new double[points], im = new double[points];
        c.evaluate(w, p, re, im, null, null);
        SplittableRandom r = new SplittableRandom(seed);
        for (int k = 0; k < points && noise > 0; k++) {
            double mod = Math.hypot(re[k], im[k]);
            re[k] += noise * mod * r.nextGaussian();
            im[k] += noise * mod * r.nextGaussian();
        }
        return new Spectrum("synthetic", 1, f, re, im);
    }

    static Table table(Spectrum s) {
        return new Table(DataKind.IMPEDANCE, java.util.List.of(new Column(ImpedanceColumns.FREQUENCY, "Hz", s.frequency()),
                new Column(ImpedanceColumns.Z_REAL, "ohm", s.re()), new Column(ImpedanceColumns.Z_IMAG, "ohm", s.im())),
                Map.of());
    }
}
