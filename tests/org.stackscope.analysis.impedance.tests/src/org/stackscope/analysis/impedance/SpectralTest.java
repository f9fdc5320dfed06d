package org.stackscope.analysis.impedance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;

/** Kramers-Kronig and DRT against synthetic spectra and pyDRTtools' example. */
class SpectralTest {

    /** pyDRTtools' CSV: index, Freq, Real, Imag with a header. */
    static Spectrum readPyDrt(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        List<double[]> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            if (!l.isBlank()) {
                String[] c = l.split(",");
                rows.add(new double[] { Double.parseDouble(c[1]), Double.parseDouble(c[2]), Double.parseDouble(c[3]) });
            }
        }
        double[][] t = new double[3][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < 3; c++) {
                t[c][i] = rows.get(i)[c];
            }
        }
        return new Spectrum(file.getFileName().toString(), 1, t[0], t[1], t[2]);
    }

    @Test
    void kramersKronigPassesCausalSpectraAndFlagsDrift() throws Exception {
        double[] tc1 = { 100, 200, 0.8e-6, 500, 1 / (4e-4 * Math.sqrt(2)) };
        Spectrum good = Synthetic.spectrum("R0-p(R1,C1)-p(R2,W1)", tc1, 1e4, 1, 29, 0, 0);
        KramersKronig.Test t = KramersKronig.test(good, new KramersKronigSettings());
        assertTrue(t.mu() <= 0.85, "mu " + t.mu());
        assertTrue(t.maxResidual() < 0.005, "max residual " + t.maxResidual());
        // with 0.5 % noise the residuals stay at noise level
        Spectrum noisy = Synthetic.spectrum("R0-p(R1,C1)-p(R2,W1)", tc1, 1e4, 1, 29, 0.005, 7);
        KramersKronig.Test tn = KramersKronig.test(noisy, new KramersKronigSettings());
        assertTrue(Math.sqrt(tn.pseudoChiSquare() / 58) < 0.01, "rms " + Math.sqrt(tn.pseudoChiSquare() / 58));
        // a drifting cell: the low-frequency points grow by 10 % as time passes -> not KK consistent
        double[] re = good.re().clone(), im = good.im().clone();
        for (int k = 0; k < re.length; k++) {
            double drift = 1 + 0.1 * k / (re.length - 1.0);
            re[k] *= drift;
        }
        KramersKronig.Test bad = KramersKronig.test(new Spectrum("drift", 1, good.frequency(), re, im),
                new KramersKronigSettings());
        assertTrue(bad.maxResidual() > 0.01, "drift residual " + bad.maxResidual());
        // the analysis says so
        Result r = new KramersKronig().run(EisFitTest.inputs(Synthetic.table(new Spectrum("drift", 1, good.frequency(),
                re, im))), new KramersKronigSettings(), Monitor.NONE);
        assertTrue(r.notes().get(0).contains("not Kramers-Kronig consistent"), r.notes().toString());
    }

    @Test
    void drtOfPyDrtToolsOneZarcPeaksAtTheTrueTimeConstant() throws Exception {
        Spectrum s = readPyDrt(EisFitTest.shared("pydrt_1ZARC.csv"));
        // generator: R_inf 10 ohm + L 5e-6 H + ZARC(R 50 ohm, tau 0.1 s, phi 0.8) + 0.5 ohm noise
        for (DrtSettings.Basis basis : DrtSettings.Basis.values()) {
            DrtSettings set = new DrtSettings();
            set.basis = basis;
            Drt.Distribution d = Drt.compute(s, set);
            int main = 0;
            for (int p = 1; p < d.peakArea().length; p++) {
                main = d.peakArea()[p] > d.peakArea()[main] ? p : main;
            }
            assertEquals(-1, Math.log10(d.peakTau()[main]), 0.05, basis + " peak tau " + d.peakTau()[main]);
            assertEquals(50, d.peakArea()[main], 2.5, basis + " peak area");
            assertEquals(10, d.rInf(), 0.5, basis + " R_inf");
            assertEquals(5e-6, d.inductance(), 1e-6, basis + " L");
            double total = 0;
            for (double area : d.peakArea()) {
                total += area;
            }
            assertEquals(50, total, 1.0, basis + " polarisation resistance");
        }
        // pyDRTtools' own ridge-regression result for this file (gamma on tau = 1e-6..1e2 s) has its main maximum at
        // 0.1 s, a noise-induced side peak at 2.5e-3 s and a shallow shoulder at 2.5 s: the default (Gaussian, GCV)
        // DRT has peaks at the first two, which rise more than 5 % of the highest above their minima
        List<String> peer = Files.readAllLines(EisFitTest.shared("pydrt_1ZARC_DRT-RR_result.csv"));
        double[] gamma = peer.subList(1, peer.size()).stream().filter(l -> !l.isBlank()).mapToDouble(Double::parseDouble)
                .toArray();
        assertEquals(81, gamma.length);
        Drt.Distribution d = Drt.compute(s, new DrtSettings());
        for (int k = 1; k < 80; k++) {
            double peerTau = Math.pow(10, -6 + 0.1 * k);
            int left = k, right = k;
            while (left > 0 && gamma[left - 1] <= gamma[left]) {
                left--;
            }
            while (right < 80 && gamma[right + 1] <= gamma[right]) {
                right++;
            }
            double prominence = gamma[k] - Math.max(gamma[left], gamma[right]);
            // the peaks that stand out by our default prominence (5 % of the highest): 2.5e-3 s and 0.1 s
            if (gamma[k] > gamma[k - 1] && gamma[k] >= gamma[k + 1] && prominence > 0.05 * 9.966) {
                double nearest = Double.POSITIVE_INFINITY;
                for (double t : d.peakTau()) {
                    nearest = Math.min(nearest, Math.abs(Math.log10(t / peerTau)));
                }
                assertTrue(nearest < 0.1, "pyDRTtools peak at " + peerTau + " s: nearest of ours is " + nearest
                        + " decades away");
            }
        }
    }

    @Test
    void drtOfNoiseFreeZarcsRecoversResistancesWithAutomaticLambda() throws Exception {
        // two ZARCs: 30 ohm at 1e-4 s and 70 ohm at 1e-1 s, 10 points per decade
        Spectrum s = Synthetic.spectrum("R0-Zarc1-Zarc2", new double[] { 5, 30, 1e-4, 0.9, 70, 0.1, 0.85 }, 1e6, 1e-2,
                81, 0, 0);
        for (DrtSettings.LambdaSelection how : List.of(DrtSettings.LambdaSelection.GCV,
                DrtSettings.LambdaSelection.L_CURVE)) {
            DrtSettings set = new DrtSettings();
            set.lambdaSelection = how;
            Drt.Distribution d = Drt.compute(s, set);
            assertEquals(2, d.peakTau().length, how + " peaks");
            assertEquals(-4, Math.log10(d.peakTau()[0]), 0.05, how + " tau1");
            assertEquals(-1, Math.log10(d.peakTau()[1]), 0.05, how + " tau2");
            assertEquals(30, d.peakArea()[0], 1.5, how + " R1");
            assertEquals(70, d.peakArea()[1], 2.5, how + " R2");
            assertEquals(5, d.rInf(), 0.3, how + " R_inf");
        }
    }
}
