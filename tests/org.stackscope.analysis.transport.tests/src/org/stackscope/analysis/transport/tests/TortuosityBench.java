package org.stackscope.analysis.transport.tests;

import java.nio.file.Path;
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
 * along z). Label 1 (the solid-electrolyte-like phase, ≈ 55 %) is the complement of random overlapping spheres
 * (label 0) placed with a fixed seed. Prints seconds, iterations, τ and peak heap. Run with -Xmx2g. 128³ runs twice:
 * the first run includes the JIT compilation of a fresh JVM, the second shows the steady state.
 */
public final class TortuosityBench {

    public static void main(String[] args) throws Exception {
        bench(128, 128, 128);
        bench(128, 128, 128);
        bench(256, 512, 512);
    }

    private static void bench(int nx, int ny, int nz) throws Exception {
        Volume volume = SyntheticComposite.spheres(nx, ny, nz, 6, 0.55, 42);
        Inputs inputs = new Inputs(List.of(new Inputs.Input(Path.of("bench"), "", "bench", volume)));
        TortuosityFactorSettings settings = new TortuosityFactorSettings();
        settings.phases = "0"; // the matrix, ≈ 55 % like an SE network
        settings.axis = AxisChoice.Z;
        System.gc();
        HeapPeaks.reset();
        long start = System.nanoTime();
        Result r = new TortuosityFactor().run(inputs, settings, Monitor.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%dx%dx%d: %.2f s, %d iterations, tau = %.5f, epsilon = %.4f, peak heap %.0f MB%n", nx, ny,
                nz, seconds, (int) r.metrics().get("tortuosity.iterations").value(),
                r.metrics().get("tortuosity.factor").value(), r.metrics().get("tortuosity.epsilon").value(),
                HeapPeaks.bytes() / 1e6);
    }
}
