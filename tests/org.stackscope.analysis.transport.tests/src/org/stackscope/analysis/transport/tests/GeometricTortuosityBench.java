package org.stackscope.analysis.transport.tests;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.stackscope.analysis.transport.GeometricTortuosity;
import org.stackscope.analysis.transport.GeometricTortuositySettings;
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
 * Benchmark (not a unit test): geometric tortuosity of a synthetic composite, random overlapping spheres (label 1)
 * in a matrix (label 0, about 55%), fixed seed; prints seconds and peak heap. Arguments: {@code nx ny nz} (default
 * 512 512 256); 1024 1024 256 needs -Xmx8g.
 */
public final class GeometricTortuosityBench {

    public static void main(String[] args) throws Exception {
        int nx = args.length >= 3 ? Integer.parseInt(args[0]) : 512;
        int ny = args.length >= 3 ? Integer.parseInt(args[1]) : 512;
        int nz = args.length >= 3 ? Integer.parseInt(args[2]) : 256;
        PlanarImg<UnsignedByteType, ByteArray> img = spheres(nx, ny, nz, 8, 0.55, 42);
        Volume volume = new Volume(img, "uint8", new double[] { 1, 1, 1 }, Axis.Z, Map.of());
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
                    ny, nz, matrixFraction(img), run + 1, seconds, HeapPeaks.bytes() / 1e6, base / 1e6,
                    r.metrics().get("geometric_tortuosity.mode").value(),
                    r.metrics().get("geometric_tortuosity.min").value(),
                    r.metrics().get("geometric_tortuosity.mean").value(),
                    r.metrics().get("geometric_tortuosity.connected_fraction").value());
        }
    }

    /** Overlapping spheres of the given radius until the matrix (label 0) is down to about {@code matrix}. */
    static PlanarImg<UnsignedByteType, ByteArray> spheres(int nx, int ny, int nz, int radius, double matrix,
            long seed) {
        PlanarImg<UnsignedByteType, ByteArray> img = PlanarImgs.unsignedBytes(nx, ny, nz);
        // Boolean model: matrix fraction = exp(-n * sphere volume / box volume)
        double sphere = 4.0 / 3 * Math.PI * radius * radius * radius;
        long count = Math.round(-Math.log(matrix) * nx * (double) ny * nz / sphere);
        SplittableRandom random = new SplittableRandom(seed);
        for (long s = 0; s < count; s++) {
            int cx = random.nextInt(nx);
            int cy = random.nextInt(ny);
            int cz = random.nextInt(nz);
            for (int z = Math.max(0, cz - radius); z <= Math.min(nz - 1, cz + radius); z++) {
                byte[] plane = img.getPlane(z).getCurrentStorageArray();
                for (int y = Math.max(0, cy - radius); y <= Math.min(ny - 1, cy + radius); y++) {
                    int dyz = (y - cy) * (y - cy) + (z - cz) * (z - cz);
                    for (int x = Math.max(0, cx - radius); x <= Math.min(nx - 1, cx + radius); x++) {
                        if ((x - cx) * (x - cx) + dyz <= radius * radius) {
                            plane[x + nx * y] = 1;
                        }
                    }
                }
            }
        }
        return img;
    }

    private static double matrixFraction(PlanarImg<UnsignedByteType, ByteArray> img) {
        long zero = 0;
        long total = 0;
        for (int z = 0; z < img.numSlices(); z++) {
            for (byte b : img.getPlane(z).getCurrentStorageArray()) {
                zero += b == 0 ? 1 : 0;
                total++;
            }
        }
        return (double) zero / total;
    }
}
