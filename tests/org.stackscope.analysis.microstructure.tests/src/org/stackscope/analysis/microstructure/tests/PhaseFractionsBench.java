package org.stackscope.analysis.microstructure.tests;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.stackscope.analysis.microstructure.PhaseFractions;
import org.stackscope.analysis.microstructure.PhaseFractionsSettings;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.Volume;

import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Benchmark (not a unit test): phase fractions of a 512 x 512 x 256 four-phase label volume (67 M voxels) with 1 and
 * all threads; prints the best of five runs. Run its main method with the test fragment on the class path.
 */
public final class PhaseFractionsBench {

    public static void main(String[] args) throws Exception {
        PlanarImg<UnsignedByteType, ByteArray> img = PlanarImgs.unsignedBytes(512, 512, 256);
        SplittableRandom random = new SplittableRandom(1);
        for (int z = 0; z < 256; z++) {
            byte[] plane = img.getPlane(z).getCurrentStorageArray();
            for (int i = 0; i < plane.length; i++) {
                plane[i] = (byte) random.nextInt(4);
            }
        }
        Volume volume = new Volume(img, "uint8", new double[] { 1, 1, 1 }, Axis.Z, Map.of());
        Inputs inputs = new Inputs(List.of(new Inputs.Input(Path.of("bench"), "", "bench", volume)));
        for (int threads : new int[] { 1, Runtime.getRuntime().availableProcessors() }) {
            PhaseFractionsSettings settings = new PhaseFractionsSettings();
            settings.threads = threads;
            double best = Double.MAX_VALUE;
            for (int run = 0; run < 5; run++) {
                long start = System.nanoTime();
                new PhaseFractions().run(inputs, settings, Monitor.NONE);
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
            }
            System.out.printf("phase-fractions 512x512x256 uint8, %d thread(s): %.3f s (%.0f Mvoxel/s)%n", threads,
                    best, 512.0 * 512 * 256 / best / 1e6);
        }
    }
}
