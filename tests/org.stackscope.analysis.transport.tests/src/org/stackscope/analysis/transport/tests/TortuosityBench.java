package org.stackscope.analysis.transport.tests;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.stackscope.core.model.AxisChoice;
import org.stackscope.analysis.transport.TortuosityFactor;
import org.stackscope.analysis.transport.TortuosityFactorSettings;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.Volume;

import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Benchmark (not a unit test): tortuosity factor of synthetic composites, 128³ and 256 × 512 × 512 (x, y, z; flow
 * along z). Label 1 (the solid-electrolyte-like phase, ≈ 55 %) is the complement of random overlapping spheres
 * (label 0) placed with a fixed seed. Prints seconds, iterations, τ and peak heap. Run with -Xmx2g.
 */
public final class TortuosityBench {

    public static void main(String[] args) throws Exception {
        bench(128, 128, 128);
        bench(256, 512, 512);
    }

    private static void bench(int nx, int ny, int nz) throws Exception {
        Volume volume = spheres(nx, ny, nz, 0.45, 6, 42);
        Inputs inputs = new Inputs(List.of(new Inputs.Input(Path.of("bench"), "", "bench", volume)));
        TortuosityFactorSettings settings = new TortuosityFactorSettings();
        settings.phases = "1";
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

    /** Label 1 everywhere except inside random spheres of the given radius covering about {@code sphereFraction}. */
    static Volume spheres(int nx, int ny, int nz, double sphereFraction, int radius, long seed) {
        PlanarImg<UnsignedByteType, ByteArray> img = PlanarImgs.unsignedBytes(nx, ny, nz);
        byte[][] planes = new byte[nz][];
        for (int z = 0; z < nz; z++) {
            planes[z] = img.getPlane(z).getCurrentStorageArray();
            java.util.Arrays.fill(planes[z], (byte) 1);
        }
        // overlapping spheres: covered fraction = 1 - exp(-n·V/volume)
        double sphereVolume = 4.0 / 3 * Math.PI * radius * radius * radius;
        long count = Math.round(-Math.log(1 - sphereFraction) * nx * ny * (double) nz / sphereVolume);
        SplittableRandom random = new SplittableRandom(seed);
        for (long s = 0; s < count; s++) {
            int cx = random.nextInt(nx);
            int cy = random.nextInt(ny);
            int cz = random.nextInt(nz);
            for (int z = Math.max(0, cz - radius); z <= Math.min(nz - 1, cz + radius); z++) {
                for (int y = Math.max(0, cy - radius); y <= Math.min(ny - 1, cy + radius); y++) {
                    for (int x = Math.max(0, cx - radius); x <= Math.min(nx - 1, cx + radius); x++) {
                        int dx = x - cx;
                        int dy = y - cy;
                        int dz = z - cz;
                        if (dx * dx + dy * dy + dz * dz <= radius * radius) {
                            planes[z][y * nx + x] = 0;
                        }
                    }
                }
            }
        }
        return new Volume(img, "uint8", new double[] { 1, 1, 1 }, Axis.Z, Map.of());
    }
}
