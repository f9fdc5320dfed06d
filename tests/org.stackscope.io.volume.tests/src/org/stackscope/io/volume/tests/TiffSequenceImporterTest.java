package org.stackscope.io.volume.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Volume;
import org.stackscope.io.volume.tiff.NaturalOrder;
import org.stackscope.io.volume.tiff.TiffSequenceImporter;

class TiffSequenceImporterTest {

    @TempDir
    Path dir;

    private final TiffSequenceImporter importer = new TiffSequenceImporter();

    /** A 3 x 2 uint8 TIFF whose pages are filled with the given values. */
    private Path slice(String name, int... pageValues) throws Exception {
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        for (int value : pageValues) {
            byte[] pixels = new byte[6];
            Arrays.fill(pixels, (byte) value);
            tiff.page().grey8(3, 2, 1, 2).strip(pixels);
        }
        return tiff.write(dir.resolve(name));
    }

    private Volume read() throws ImportException {
        return importer.read(dir, ImportSettings.DEFAULTS, Monitor.NONE);
    }

    @Test
    void slicesAreStackedInNaturalOrderOfTheNumbersInTheirNames() throws Exception {
        for (int n : new int[] {10, 2, 1, 3, 100}) {
            slice("img" + n + ".tif", n);
        }
        Files.writeString(dir.resolve("._img0.tif"), "macOS resource fork");
        Files.writeString(dir.resolve("notes.txt"), "not a slice");

        Volume v = read();

        int[] order = {1, 2, 3, 10, 100};
        TestVolumes.assertPattern(v, 3, 2, 5, (x, y, z) -> order[z]);
        assertEquals("tiff-sequence", v.metadata().get("format"));
        assertEquals("5", v.metadata().get("files"));
        assertEquals("img1.tif", v.metadata().get("firstFile"));
        assertEquals("img100.tif", v.metadata().get("lastFile"));
        assertEquals("default", v.metadata().get("voxelSizeSource"));
    }

    @Test
    void multiPageFilesAreConcatenated() throws Exception {
        slice("b_2.tiff", 3, 4, 5);
        slice("b_1.tiff", 1, 2);

        TestVolumes.assertPattern(read(), 3, 2, 5, (x, y, z) -> z + 1);
    }

    @Test
    void calibrationComesFromTheFirstFile() throws Exception {
        HandBuiltTiff first = HandBuiltTiff.littleEndian();
        first.page().grey8(3, 2, 1, 2).strip(new byte[6]).ascii(270, "ImageJ=1.54f\nunit=micron\nspacing=0.7\n")
                .tag(282, HandBuiltTiff.RATIONAL, 2, 1);
        first.write(dir.resolve("s01.tif"));
        slice("s02.tif", 0);

        assertArrayEquals(new double[] {0.5, 0.5, 0.7}, read().voxelSizeUm(), 1e-12);
    }

    @Test
    void aSliceOfAnotherSizeIsNamed() throws Exception {
        slice("s1.tif", 1);
        HandBuiltTiff odd = HandBuiltTiff.littleEndian();
        odd.page().grey8(4, 2, 1, 2).strip(new byte[8]);
        Path oddFile = odd.write(dir.resolve("s2.tif"));

        ImportException e = assertThrows(ImportException.class, this::read);
        assertEquals(oddFile, e.file());
        assertTrue(e.getMessage().contains("this page is 4 x 2 uint8 but page 1 of s1.tif is 3 x 2 uint8"),
                e.getMessage());
    }

    @Test
    void aFileThatIsNoTiffIsNamed() throws Exception {
        slice("s1.tif", 1);
        Path fake = Files.writeString(dir.resolve("s2.tif"), "Hello");

        ImportException e = assertThrows(ImportException.class, this::read);
        assertEquals(fake, e.file());
        assertTrue(e.getMessage().contains("not a TIFF file: starts with bytes 48 65 6c 6c"), e.getMessage());
    }

    @Test
    void aFolderWithoutTiffFiles() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "x");

        ImportException e = assertThrows(ImportException.class, this::read);
        assertTrue(e.getMessage().endsWith("the folder holds no .tif or .tiff files"), e.getMessage());
    }

    @Test
    void aFileIsNoFolder() throws Exception {
        Path file = slice("s1.tif", 1);

        ImportException e = assertThrows(ImportException.class,
                () -> importer.read(file, ImportSettings.DEFAULTS, Monitor.NONE));
        assertTrue(e.getMessage().contains("not a folder"), e.getMessage());
    }

    @Test
    void matchesFoldersWithAtLeastOneRealTiff() throws Exception {
        assertEquals(Match.NO, importer.matches(dir), "empty folder");
        Files.writeString(dir.resolve("fake.tif"), "Hello");
        assertEquals(Match.NO, importer.matches(dir), "only a fake .tif");
        Path real = slice("real.tif", 1);
        assertEquals(Match.YES, importer.matches(dir));
        assertEquals(Match.NO, importer.matches(real), "a file is not a folder");
        assertEquals(Match.NO, importer.matches(dir.resolve("absent")));
    }

    @Test
    void naturalOrder() {
        String huge = "img99999999999999999999.tif";
        String huger = "img100000000000000000000.tif";
        List<String> names = new ArrayList<>(List.of("img10.tif", "img2.tif", "IMG3.tif", "img1.tif", huger,
                "img2b.tif", "slice_0009.tif", "slice_010.tif", huge));
        names.sort(NaturalOrder.INSTANCE);

        assertEquals(List.of("img1.tif", "img2.tif", "img2b.tif", "IMG3.tif", "img10.tif",
                huge, huger, "slice_0009.tif", "slice_010.tif"), names);
    }
}
