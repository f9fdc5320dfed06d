package org.stackscope.analysis.transport.tests;

import java.nio.file.Path;
import java.util.List;

import org.stackscope.analysis.transport.GeometricTortuosity;
import org.stackscope.analysis.transport.GeometricTortuositySettings;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Volume;


/**
 * Benchmark (not a unit test): geometric tortuosity of a synthetic composite, random overlapping spheres (label 1)
 * in a matrix (label 0, about 55%), fixed seed; prints seconds and peak heap. Arguments: {@code nx ny nz} (default
 * 512 512 256); 1024 1024 256 needs -Xmx8g.
 */
public final class GeometricTortuosityBench {

    public static void main(String[] args) throws Exception {
        int nx = args.length >= 3 ? Integer.parseInt(args[0]) : 512;
        int ny = args.length >= 3 ? Integer.parseInt(args[1]) : 512;
        int nz = args.length >= 3 ? Integer.parseInt(args[2]) : 256;
        Volume volume = SyntheticComposite.spheres(nx, ny, nz, 8, 0.55, 42);
        Inputs inputs = new Inputs(List.of(new Inputs.Input(Path.of("bench"), "", "bench", volume)));
        GeometricTortuositySettings settings = new GeometricTortuositySettings();
        for (int run = 0; run < 2; run++) {
            System.gc();
            long base = HeapPeaks.used();
            HeapPeaks.reset();
            long start = System.nanoTime();
            Result r = new GeometricTortuosity().run(inputs, settings, Monitor.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("geometric-tortuosity %dx%dx%d (matrix fraction %.3f), run %d: %.2f s, peak heap %.0f MB "
                    + "(%.0f MB before the run, volume included); mode %.4f min %.4f mean %.4f connected %.4f%n", nx,
                    ny, nz, SyntheticComposite.matrixFraction(volume), run + 1, seconds, HeapPeaks.bytes() / 1e6, base / 1e6,
                    r.metrics().get("geometric_tortuosity.mode").value(),
                    r.metrics().get("geometric_tortuosity.min").value(),
                    r.metrics().get("geometric_tortuosity.mean").value(),
                    r.metrics().get("geometric_tortuosity.connected_fraction").value());
        }
    }
}
