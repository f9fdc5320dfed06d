package org.stackscope.analysis.microstructure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.stackscope.analysis.microstructure.Denoise;
import org.stackscope.analysis.microstructure.DenoiseFilter;
import org.stackscope.analysis.microstructure.DenoiseSettings;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.Volume;

import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.integer.UnsignedShortType;

class DenoiseTest {

    static final int N = 40;

    interface Grey {
        double at(int x, int y, int z);
    }

    /** 40^3 16-bit volume of a grey function plus Gaussian noise (fixed seed). */
    static short[][] volume(Grey grey, double noise) {
        SplittableRandom random = new SplittableRandom(3);
        short[][] planes = new short[N][N * N];
        for (int z = 0; z < N; z++) {
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++) {
                    double u = 1 - random.nextDouble();
                    double g = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
                    planes[z][y * N + x] = (short) Math.round(grey.at(x, y, z) + noise * g);
                }
            }
        }
        return planes;
    }

    static Volume wrap(short[][] planes) {
        PlanarImg<UnsignedShortType, ShortArray> img = PlanarImgs.unsignedShorts(N, N, N);
        for (int z = 0; z < N; z++) {
            img.setPlane(z, new ShortArray(planes[z]));
        }
        return new Volume(img, "uint16", new double[] { 1, 1, 1 }, Axis.Z, Map.of());
    }

    @SuppressWarnings("unchecked")
    static short[][] planes(Volume v) {
        PlanarImg<UnsignedShortType, ShortArray> img = (PlanarImg<UnsignedShortType, ShortArray>) v.image();
        short[][] out = new short[N][];
        for (int z = 0; z < N; z++) {
            out[z] = img.getPlane(z).getCurrentStorageArray();
        }
        return out;
    }

    /** Standard deviation over the voxels at least 4 from every face and with x in [x0, x1). */
    static double std(short[][] p, int x0, int x1) {
        double s = 0;
        double ss = 0;
        long n = 0;
        for (int z = 4; z < N - 4; z++) {
            for (int y = 4; y < N - 4; y++) {
                for (int x = Math.max(4, x0); x < Math.min(N - 4, x1); x++) {
                    double v = p[z][y * N + x] & 0xFFFF;
                    s += v;
                    ss += v * v;
                    n++;
                }
            }
        }
        return Math.sqrt((ss - s * s / n) / (n - 1));
    }

    static Volume denoise(Volume v, DenoiseFilter filter, double sigma) {
        DenoiseSettings s = new DenoiseSettings();
        s.filter = filter;
        s.sigma = sigma;
        return Denoise.denoise(v, s, Monitor.NONE);
    }

    @Test
    void gaussianReducesWhiteNoiseByTheKernelNorm() {
        Volume v = wrap(volume((x, y, z) -> 30000, 1000));
        // white noise through a separable kernel k keeps sigma * (sum k^2)^(3/2); discrete kernel, radius 3
        double sum = 0;
        double sumSq = 0;
        for (int i = -3; i <= 3; i++) {
            sum += Math.exp(-0.5 * i * i);
        }
        for (int i = -3; i <= 3; i++) {
            double k = Math.exp(-0.5 * i * i) / sum;
            sumSq += k * k;
        }
        double expected = 1000 * Math.pow(sumSq, 1.5); // 168
        assertEquals(1000, std(planes(v), 0, N), 30);
        assertEquals(expected, std(planes(denoise(v, DenoiseFilter.GAUSSIAN, 1)), 0, N), 0.05 * expected);
    }

    @Test
    void medianRemovesSpikesAndKeepsAStepEdgeExactly() {
        short[][] p = volume((x, y, z) -> x < 20 ? 1000 : 5000, 0);
        for (int z = 3; z < N; z += 7) {
            p[z][(z % N) * N + (z * 3) % N] = (short) 60000; // isolated spikes
        }
        short[][] out = planes(denoise(wrap(p), DenoiseFilter.MEDIAN, 1));
        for (int z = 0; z < N; z++) {
            for (int i = 0; i < N * N; i++) {
                assertEquals(i % N < 20 ? 1000 : 5000, out[z][i] & 0xFFFF, "voxel " + i + " of plane " + z);
            }
        }
    }

    @Test
    void bilateralSmoothsFlatRegionsButKeepsAHighContrastEdge() {
        Volume v = wrap(volume((x, y, z) -> x < 20 ? 10000 : 30000, 500));
        short[][] out = planes(denoise(v, DenoiseFilter.BILATERAL, 1));
        assertTrue(std(out, 0, 18) < 0.5 * 500, "flat region noise " + std(out, 0, 18));
        // the voxels on both sides of the edge keep their side's grey (a Gaussian would give ~ +-5000 there)
        double left = 0;
        double right = 0;
        for (int z = 4; z < N - 4; z++) {
            for (int y = 4; y < N - 4; y++) {
                left += out[z][y * N + 19] & 0xFFFF;
                right += out[z][y * N + 20] & 0xFFFF;
            }
        }
        int n = (N - 8) * (N - 8);
        assertEquals(10000, left / n, 100);
        assertEquals(30000, right / n, 100);
    }

    @Test
    void analysisReportsNoiseBeforeAndAfter() throws Exception {
        Volume v = wrap(volume((x, y, z) -> 30000, 1000));
        DenoiseSettings s = new DenoiseSettings();
        s.filter = DenoiseFilter.GAUSSIAN;
        Result r = new Denoise().run(new Inputs(List.of(new Inputs.Input(Path.of("n.tif"), "0", "tiff", v))), s,
                Monitor.NONE);
        assertEquals(1000, r.metrics().get("noise.before").value(), 50);
        assertTrue(r.metrics().get("noise.after").value() < 300);
    }
}
