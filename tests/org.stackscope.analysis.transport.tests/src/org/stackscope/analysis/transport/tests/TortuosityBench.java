package org.stackscope.analysis.transport.tests;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.stackscope.core.model.AxisChoice;
import org.stackscope.analysis.transport.TortuosityFactor;
import org.stackscope.analysis.transport.TortuosityFactorSettings;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Volume;


/**
 * Benchmark (not a unit test): tortuosity factor of synthetic composites, 128³ and 256 × 512 × 512 (x, y, z; flow
 * along z). Label 0 (the solid-electrolyte-like phase, ≈ 55 %) is the complement of random overlapping spheres
 * (label 1) placed with a fixed seed. Prints seconds, iterations, τ and peak heap. Run with -Xmx2g. 128³ prints the
 * first call of a fresh JVM (including JIT compilation) and the median of five warm calls after it. Arguments:
 * {@code small} runs 128³ only, {@code first} only its first call, {@code large} 256 × 512 × 512 only; none runs both.
 */
public final class TortuosityBench {

    private static final int WARM_CALLS = 5;

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "both";
        if (!which.equals("large")) {
            Volume small = SyntheticComposite.spheres(128, 128, 128, 6, 0.55, 42);
            double first = bench(small, "128x128x128 first call");
            if (which.equals("first")) {
                return;
            }
            double[] warm = new double[WARM_CALLS];
            for (int i = 0; i < WARM_CALLS; i++) {
                warm[i] = bench(small, "128x128x128 warm call " + (i + 1));
            }
            Arrays.sort(warm);
            System.out.printf("128x128x128: first call %.3f s, median of %d warm calls %.3f s (%.3f-%.3f s)%n", first,
                    WARM_CALLS, warm[WARM_CALLS / 2], warm[0], warm[WARM_CALLS - 1]);
        }
        if (!which.equals("small")) {
            bench(SyntheticComposite.spheres(256, 512, 512, 6, 0.55, 42), "256x512x512");
        }
    }

    /** One analysis run; prints and returns its seconds. */
    private static double bench(Volume volume, String label) throws Exception {
        Inputs inputs = new Inputs(List.of(new Inputs.Input(Path.of("bench"), "", "bench", volume)));
        TortuosityFactorSettings settings = new TortuosityFactorSettings();
        settings.phases = "0"; // the matrix, ≈ 55 % like an SE network
        settings.axis = AxisChoice.Z;
        System.gc();
        HeapPeaks.reset();
        long start = System.nanoTime();
        Result r = new TortuosityFactor().run(inputs, settings, Monitor.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %.3f s, %d iterations, tau = %.7f, epsilon = %.4f, peak heap %.0f MB%n", label,
                seconds, (int) r.metrics().get("tortuosity.iterations").value(),
                r.metrics().get("tortuosity.factor").value(), r.metrics().get("tortuosity.epsilon").value(),
                HeapPeaks.bytes() / 1e6);
        return seconds;
    }
}
