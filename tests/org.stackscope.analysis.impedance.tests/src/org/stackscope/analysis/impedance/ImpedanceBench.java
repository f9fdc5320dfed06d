package org.stackscope.analysis.impedance;

import java.util.ArrayList;
import java.util.List;

import org.stackscope.core.api.Monitor;

/**
 * Benchmark (not a unit test): one R0-3×p(R,CPE)-Wo fit of 61 points (one start and eight starts), a batch of 1000
 * such spectra (0.5 % noise, each fit seeded by the previous) on 1 and 2 threads, and the DRT of an 80-point spectrum.
 * Prints the best of several runs. Run its main method with the bundle and the test fragment on the class path.
 */
public final class ImpedanceBench {

    private static final String CIRCUIT = "R0-p(R1,CPE1)-p(R2,CPE2)-p(R3,CPE3)-Wo1";
    private static final double[] TRUTH = { 20, 150, 1e-7, 0.9, 954, 5e-6, 0.8, 300, 1e-2, 0.85, 400, 50 };

    public static void main(String[] args) throws Exception {
        Spectrum one = Synthetic.spectrum(CIRCUIT, TRUTH, 1e6, 1e-3, 61, 0.005, 1);
        for (int starts : new int[] { 1, 8 }) {
            EisFitSettings s = new EisFitSettings();
            s.circuit = CIRCUIT;
            s.starts = starts;
            s.threads = 1;
            double best = Double.MAX_VALUE;
            for (int r = 0; r < 30; r++) {
                long t0 = System.nanoTime();
                EisFit.fitAll(List.of(one), s, Monitor.NONE);
                best = Math.min(best, (System.nanoTime() - t0) / 1e6);
            }
            System.out.printf("eis-fit 61 points, %d start(s), 1 thread: %.2f ms%n", starts, best);
        }
        List<Spectrum> batch = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            double[] p = TRUTH.clone();
            p[4] = 954 * Math.pow(3283.0 / 954, i / 999.0); // R_MF growing over the series
            batch.add(Synthetic.spectrum(CIRCUIT, p, 1e6, 1e-3, 61, 0.005, i));
        }
        for (int threads : new int[] { 1, 2 }) {
            EisFitSettings s = new EisFitSettings();
            s.circuit = CIRCUIT;
            s.threads = threads;
            double best = Double.MAX_VALUE;
            for (int r = 0; r < 2; r++) {
                long t0 = System.nanoTime();
                EisFit.fitAll(batch, s, Monitor.NONE);
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            System.out.printf("eis-fit batch of 1000 spectra (seeded by the previous fit, 8-start fallback), %d thread(s): %.2f s%n",
                    threads, best);
        }
        Spectrum drtData = Synthetic.spectrum("R0-Zarc1-Zarc2", new double[] { 5, 30, 1e-4, 0.9, 70, 0.1, 0.85 }, 1e6,
                1e-2, 80, 0.005, 3);
        for (DrtSettings.LambdaSelection how : DrtSettings.LambdaSelection.values()) {
            DrtSettings s = new DrtSettings();
            s.lambdaSelection = how;
            double best = Double.MAX_VALUE;
            for (int r = 0; r < 10; r++) {
                long t0 = System.nanoTime();
                Drt.compute(drtData, s);
                best = Math.min(best, (System.nanoTime() - t0) / 1e6);
            }
            System.out.printf("drt 80 points, lambda by %s: %.1f ms%n", how, best);
        }
    }
}
