package org.stackscope.analysis.microstructure.tests;

import org.stackscope.analysis.microstructure.Particles;
import org.stackscope.analysis.microstructure.ParticlesSettings;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;

/**
 * Benchmark (not a unit test): particles on {@link ContactBench}'s composite, 256³ by default (args {@code nx ny
 * nz}); prints wall and CPU seconds (best of three) and the particle statistics. Needs about 13 bytes of heap per
 * voxel (distance map, labels, flood order).
 */
public final class ParticlesBench {

    public static void main(String[] args) throws Exception {
        int nx = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int ny = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        int nz = args.length > 2 ? Integer.parseInt(args[2]) : 256;
        var inputs = Phantoms.inputs(ContactBench.composite(nx, ny, nz));
        double wall = Double.MAX_VALUE;
        double cpu = Double.MAX_VALUE;
        Result r = null;
        for (int run = 0; run < 3; run++) {
            long c0 = ContactBench.cpu();
            long t0 = System.nanoTime();
            r = new Particles().run(inputs, new ParticlesSettings(), Monitor.NONE);
            wall = Math.min(wall, (System.nanoTime() - t0) / 1e9);
            cpu = Math.min(cpu, (ContactBench.cpu() - c0) / 1e9);
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf("particles %dx%dx%d, %d threads: %.3f s (CPU %.3f s), max heap %d MB%n", nx, ny, nz,
                rt.availableProcessors(), wall, cpu, rt.maxMemory() >> 20);
        r.metrics().forEach((k, m) -> System.out.printf("  %s = %.4g ± %.2g %s%n", k, m.value(), m.uncertainty(),
                m.unit()));
    }
}
