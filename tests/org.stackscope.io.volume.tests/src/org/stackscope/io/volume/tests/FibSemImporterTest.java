package org.stackscope.io.volume.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.Volume;
import org.stackscope.io.volume.fibsem.FibSemImporter;
import org.stackscope.io.volume.tiff.SampleType;
import org.stackscope.io.volume.tiff.TiffWriter;

import net.imglib2.RandomAccess;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;

/**
 * Synthetic FIB-SEM stacks: every slice is one analytic texture (Gaussian blobs) translated by a known cumulative
 * drift, so the shifts the importer reports and the aligned slices can be checked exactly.
 */
class FibSemImporterTest {

    private static final int W = 96;
    private static final int H = 80;

    @TempDir
    Path dir;

    private final FibSemImporter importer = new FibSemImporter();

    /** Blob texture: 60 Gaussians of 2.5-5 px width at fixed pseudo-random places, values 0..~1000. */
    private static final double[][] BLOBS = blobs();

    private static double[][] blobs() {
        Random r = new Random(20260522);
        double[][] b = new double[60][];
        for (int i = 0; i < b.length; i++) {
            b[i] = new double[] {r.nextDouble() * (W + 20) - 10, r.nextDouble() * (H + 20) - 10,
                    2.5 + 2.5 * r.nextDouble(), 200 + 600 * r.nextDouble()};
        }
        return b;
    }

    private static double texture(double x, double y) {
        double v = 50;
        for (double[] b : BLOBS) {
            double dx = x - b[0];
            double dy = y - b[1];
            v += b[3] * Math.exp(-(dx * dx + dy * dy) / (2 * b[2] * b[2]));
        }
        return v;
    }

    /** A float32 multi-page TIFF whose slice z is texture(x - Dx[z], y - Dy[z]), D the cumulative drift. */
    private Path stack(String name, double[][] steps) throws Exception {
        return stack(name, steps, 0);
    }

    /** As {@link #stack(String, double[][])} plus Gaussian noise of {@code noise} grey values and a contrast drift. */
    private Path stack(String name, double[][] steps, double noise) throws Exception {
        Random random = new Random(7);
        PlanarImg<? extends RealType<?>, ?> img = SampleType.FLOAT32.allocate(W, H, steps.length);
        RandomAccess<? extends RealType<?>> ra = img.randomAccess();
        double dx = 0;
        double dy = 0;
        for (int z = 0; z < steps.length; z++) {
            dx += steps[z][0];
            dy += steps[z][1];
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    ra.setPosition(new int[] {x, y, z});
                    double gain = 1 + 0.03 * z * Math.signum(noise);
                    ra.get().setReal(gain * texture(x - dx, y - dy) + noise * random.nextGaussian());
                }
            }
        }
        Path file = dir.resolve(name);
        TiffWriter.write(new Volume(img, "float32", new double[] {0.004, 0.004, 0.01}, Axis.Z, Map.of()), file);
        return file;
    }

    private Volume read(Path file, Map<String, String> settings) throws ImportException {
        return importer.read(file, new ImportSettings(settings), Monitor.NONE);
    }

    private static double[] numbers(String csv) {
        return Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static double[] column(double[][] steps, int axis) {
        double[] c = new double[steps.length];
        for (int z = 1; z < steps.length; z++) {
            c[z] = steps[z][axis];
        }
        return c;
    }

    @Test
    void integerDriftIsFoundAndRemoved() throws Exception {
        double[][] steps = {{0, 0}, {2, -1}, {1, 3}, {-2, 1}, {3, 0}, {0, -2}, {1, 1}, {-1, 2}};
        Path file = stack("int.tif", steps);

        Volume v = read(file, Map.of());

        assertArrayEquals(column(steps, 0), numbers(v.metadata().get("drift.dx_px")), 0.02);
        assertArrayEquals(column(steps, 1), numbers(v.metadata().get("drift.dy_px")), 0.02);
        assertEquals(4.0, numbers(v.metadata().get("drift.cumulativeX_px"))[7], 0.05);
        assertEquals(4.0, numbers(v.metadata().get("drift.cumulativeY_px"))[7], 0.05);
        // aligned: every slice equals the undrifted texture wherever its source lay inside the slice
        RandomAccess<? extends RealType<?>> ra = v.image().randomAccess();
        double worst = 0;
        for (int z = 0; z < steps.length; z++) {
            for (int y = 8; y < H - 8; y++) {
                for (int x = 8; x < W - 8; x++) {
                    ra.setPosition(new int[] {x, y, z});
                    worst = Math.max(worst, Math.abs(ra.get().getRealDouble() - texture(x, y)));
                }
            }
        }
        assertTrue(worst < 1e-3, "largest difference to the undrifted texture " + worst);
    }

    @Test
    void subPixelDriftWithinAFiftiethOfAPixel() throws Exception {
        double[][] steps = {{0, 0}, {0.4, -0.3}, {1.25, 0.6}, {-0.7, 1.5}, {2.5, -0.2}, {0.1, 0.9}};
        Path file = stack("sub.tif", steps);

        Volume v = read(file, Map.of("crop", "8,8,88,72"));

        double[] dx = numbers(v.metadata().get("drift.dx_px"));
        double[] dy = numbers(v.metadata().get("drift.dy_px"));
        double worst = 0;
        for (int z = 1; z < steps.length; z++) {
            worst = Math.max(worst, Math.max(Math.abs(dx[z] - steps[z][0]), Math.abs(dy[z] - steps[z][1])));
        }
        assertTrue(worst < 0.02, "largest sub-pixel error " + worst + " px: dx=" + Arrays.toString(dx) + " dy="
                + Arrays.toString(dy));
    }

    /** Noise of 5% of the texture's range and a 3% per slice brightness drift: still within 0.1 px. */
    @Test
    void subPixelDriftUnderNoiseAndBrightnessChange() throws Exception {
        double[][] steps = {{0, 0}, {0.4, -0.3}, {1.25, 0.6}, {-0.7, 1.5}, {2.5, -0.2}, {0.1, 0.9}};
        Path file = stack("noisy.tif", steps, 50);

        Volume v = read(file, Map.of("crop", "8,8,88,72"));

        double[] dx = numbers(v.metadata().get("drift.dx_px"));
        double[] dy = numbers(v.metadata().get("drift.dy_px"));
        double worst = 0;
        for (int z = 1; z < steps.length; z++) {
            worst = Math.max(worst, Math.max(Math.abs(dx[z] - steps[z][0]), Math.abs(dy[z] - steps[z][1])));
        }
        assertTrue(worst < 0.1, "largest sub-pixel error " + worst + " px: dx=" + Arrays.toString(dx) + " dy="
                + Arrays.toString(dy));
    }

    @Test
    void anisotropicVoxelsWithTiltCorrectionAndCrop() throws Exception {
        Path file = stack("geo.tif", new double[][] {{0, 0}, {0, 0}, {0, 0}});

        Volume v = read(file, Map.of("pixelSize", "0.005", "sliceSpacing", "0.012", "crop", "10,6,90,70", "align",
                "false"));

        assertArrayEquals(new long[] {80, 64, 3}, v.dimensions());
        assertArrayEquals(new double[] {0.005, 0.005 / Math.sin(Math.toRadians(52)), 0.012}, v.voxelSizeUm(), 1e-12);
        assertEquals(0.0063451, v.voxelSizeUm()[1], 1e-7);
        RandomAccess<? extends RealType<?>> ra = v.image().randomAccess();
        ra.setPosition(new int[] {0, 0, 2});
        assertEquals(texture(10, 6), ra.get().getRealDouble(), 1e-3);

        Volume untilted = read(file, Map.of("tiltAngle_deg", "90", "align", "false"));
        assertArrayEquals(new double[] {0.004, 0.004, 0.01}, untilted.voxelSizeUm(), 1e-9);
    }

    @Test
    void badSettingsAndMixedSliceSizesAreImportErrors() throws Exception {
        Path file = stack("small.tif", new double[][] {{0, 0}, {0, 0}});
        ImportException crop = assertThrows(ImportException.class, () -> read(file, Map.of("crop", "0,0,200,10")));
        assertEquals("import settings", crop.position());
        assertTrue(crop.getMessage().contains("reaches beyond the slices of 96 x 80 pixels"), crop.getMessage());
        ImportException tilt = assertThrows(ImportException.class, () -> read(file, Map.of("tiltAngle_deg", "120")));
        assertTrue(tilt.getMessage().contains("must be in (0, 90]"), tilt.getMessage());

        Path folder = Files.createDirectory(dir.resolve("slices"));
        Files.copy(stack("a.tif", new double[][] {{0, 0}}), folder.resolve("slice_1.tif"));
        PlanarImg<? extends RealType<?>, ?> other = SampleType.FLOAT32.allocate(W, H + 1, 1);
        Path second = folder.resolve("slice_2.tif");
        TiffWriter.write(new Volume(other, "float32", new double[] {1, 1, 1}, Axis.Z, Map.of()), second);
        ImportException mixed = assertThrows(ImportException.class, () -> read(folder, Map.of()));
        assertEquals(second, mixed.file());
        assertTrue(mixed.getMessage().contains("this page is 96 x 81 float32 but page 1 of slice_1.tif is 96 x 80 "
                + "float32"), mixed.getMessage());
    }
}
