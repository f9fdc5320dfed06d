package org.stackscope.io.volume.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Volume;
import org.stackscope.io.volume.store.Planes;
import org.stackscope.io.volume.tiff.TiffImporter;

import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Public volumes from other projects (shared/testdata, see its MANIFEST.tsv), checked against the values those
 * projects' own tests assert. Skipped when the folder given by {@code stackscope.shared} is absent.
 */
class SharedTestdataTest {

    private static Path volume(String name) {
        String shared = System.getProperty("stackscope.shared");
        Path file = shared == null ? null : Path.of(shared, "testdata", "volumes", name);
        assumeTrue(file != null && Files.isRegularFile(file), "shared test data not available: " + name);
        return file;
    }

    private static Volume read(Path file) throws Exception {
        return new TiffImporter().read(file, ImportSettings.DEFAULTS, Monitor.NONE);
    }

    private static long[] histogram(Volume v) {
        long[] counts = new long[256];
        for (RealType<?> t : Views.flatIterable(v.image())) {
            counts[(int) t.getRealDouble()]++;
        }
        return counts;
    }

    /** TauFactor's NMC electrode: volume fractions pore 0.44992, NMC 0.40047, CBD 0.14962 (TauFactor docs). */
    @Test
    void taufactorElectrodeLabelFractions() throws Exception {
        Volume v = read(volume("taufactor_electrode.tiff"));

        assertArrayEquals(new long[] {256, 256, 256}, v.dimensions());
        assertEquals("uint8", v.sampleType());
        assertEquals("deflate", v.metadata().get("compression"));
        long[] counts = histogram(v);
        double total = 256.0 * 256 * 256;
        assertEquals(total, counts[0] + counts[85] + counts[170]);
        assertEquals(0.449917, Math.round(counts[0] / total * 1e6) / 1e6);
        assertEquals(0.400466, Math.round(counts[85] / total * 1e6) / 1e6);
        assertEquals(0.149616, Math.round(counts[170] / total * 1e6) / 1e6);
    }

    /** PuMA's FiberForm micro-CT (big-endian ImageJ TIFF): solid fraction for grey values 90-255 is 0.16714. */
    @Test
    void pumaFiberformSolidFraction() throws Exception {
        Volume v = read(volume("puma_100_fiberform.tif"));

        assertArrayEquals(new long[] {100, 100, 100}, v.dimensions());
        assertEquals("big-endian", v.metadata().get("byteOrder"));
        long solid = 0;
        long[] counts = histogram(v);
        for (int g = 90; g <= 255; g++) {
            solid += counts[g];
        }
        assertEquals(0.16714, solid / 1e6, 1e-5);
        // the file says 100 pixels per inch with ImageJ unit=inch and no spacing: 254 µm, cubic
        assertEquals("inch", v.metadata().get("imagej.unit"));
        assertArrayEquals(new double[] {254, 254, 254}, v.voxelSizeUm(), 1e-9);
    }

    /**
     * The cylinder file has 100 IFDs with identical pixels whose PhotometricInterpretation alternates between
     * BlackIsZero and WhiteIsZero. MANIFEST.tsv's shape (50, 100, 100) counts only the 50 BlackIsZero pages (its
     * reader split the pages into two series by that tag); the file itself holds 100 planes of 100 x 100.
     */
    @Test
    void pumaCylinderAgreesWithTheManifest() throws Exception {
        Path file = volume("puma_100_cylinder_r40.tif");
        int[] zyx = manifestShape(file.getParent().getParent().resolve("MANIFEST.tsv"), "puma_100_cylinder_r40.tif");

        Volume v = read(file);

        assertEquals(zyx[2], v.dimensions()[0]);
        assertEquals(zyx[1], v.dimensions()[1]);
        assertEquals(100, v.dimensions()[2]);
        assertEquals("mixed: 50 WhiteIsZero and " + zyx[0] + " BlackIsZero pages (values kept as stored)",
                v.metadata().get("photometric"));
        int planeSamples = (int) (v.dimensions()[0] * v.dimensions()[1]);
        byte[] first = new byte[planeSamples];
        byte[] plane = new byte[planeSamples];
        Planes.copyPlane(v.image(), 0, first);
        for (int z = 1; z < 100; z++) {
            Planes.copyPlane(v.image(), z, plane);
            assertArrayEquals(first, plane, "plane " + z);
        }
    }

    /** The "(z, y, x)" numpy shape that MANIFEST.tsv gives for a file. */
    private static int[] manifestShape(Path manifest, String name) throws IOException {
        assumeTrue(Files.isRegularFile(manifest), "MANIFEST.tsv not available");
        for (String line : Files.readAllLines(manifest)) {
            if (line.startsWith("volumes/" + name + "\t")) {
                Matcher m = Pattern.compile("parsed here: \\((\\d+), (\\d+), (\\d+)\\)").matcher(line);
                assertTrue(m.find(), line);
                return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))};
            }
        }
        throw new AssertionError(name + " is not in " + manifest);
    }
}
