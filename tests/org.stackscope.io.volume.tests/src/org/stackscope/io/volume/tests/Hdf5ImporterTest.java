package org.stackscope.io.volume.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Volume;
import org.stackscope.io.volume.hdf5.Hdf5Importer;
import org.stackscope.io.volume.tiff.SampleType;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import net.imglib2.img.cell.AbstractCellImg;

/** HDF5 and NeXus files written with jHDF's writer, read back by path, by NeXus default and on demand. */
class Hdf5ImporterTest {

    private static final int W = 20;
    private static final int H = 14;
    private static final int D = 6;

    @TempDir
    Path dir;

    private final Hdf5Importer importer = new Hdf5Importer();

    /** uint16 pattern in HDF5 order [z][y][x]. */
    private static short[][][] uint16Pattern() {
        short[][][] a = new short[D][H][W];
        for (int z = 0; z < D; z++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    a[z][y][x] = (short) TestVolumes.expected(SampleType.UINT16, x, y, z);
                }
            }
        }
        return a;
    }

    private static double[] axis(int n, double step) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = 10 + i * step;
        }
        return a;
    }

    /**
     * /decoy: a 3-D float dataset stored first; /entry (NXentry) /tomo (NXdata, signal=volume, axes z,y,x in nm, µm
     * and mm), chunked unsigned 16-bit.
     */
    private Path nexusFile() throws Exception {
        Path file = dir.resolve("scan.nxs");
        try (WritableHdfFile w = HdfFile.write(file)) {
            w.putDataset("decoy", new float[2][3][4]);
            WritableGroup entry = w.putGroup("entry");
            entry.putAttribute("NX_class", "NXentry");
            WritableGroup data = entry.putGroup("tomo");
            data.putAttribute("NX_class", "NXdata");
            data.putAttribute("signal", "volume");
            data.putAttribute("axes", new String[] {"z", "y", "x"});
            data.putDataset("volume", uint16Pattern(), DatasetCreationOptions.builder().unsigned()
                    .chunkDimensions(2, 7, 10).build());
            WritableDataset x = data.putDataset("x", axis(W, 650));
            x.putAttribute("units", "nm");
            WritableDataset y = data.putDataset("y", axis(H, 0.7));
            y.putAttribute("units", "um");
            WritableDataset z = data.putDataset("z", axis(D, 0.0013));
            z.putAttribute("units", "mm");
        }
        return file;
    }

    private Volume read(Path file, Map<String, String> settings) throws ImportException {
        return importer.read(file, new ImportSettings(settings), Monitor.NONE);
    }

    @Test
    void nexusDefaultSignalWithVoxelSizeFromTheAxes() throws Exception {
        Path file = nexusFile();
        assertEquals(Match.YES, importer.matches(file));

        Volume v = read(file, Map.of());

        assertEquals("/entry/tomo/volume", v.metadata().get("dataset"));
        assertEquals("uint16", v.sampleType());
        TestVolumes.assertPattern(SampleType.UINT16, v, W, H, D);
        assertArrayEquals(new double[] {0.65, 0.7, 1.3}, v.voxelSizeUm(), 1e-9);
        assertEquals("NeXus axes", v.metadata().get("voxelSizeSource"));
    }

    @Test
    void datasetChosenByPathAndSettingsOverrideTheVoxelSize() throws Exception {
        Path file = nexusFile();

        Volume v = read(file, Map.of("dataset", "/decoy", "voxelSize", "2"));

        assertArrayEquals(new long[] {4, 3, 2}, v.dimensions());
        assertEquals("float32", v.sampleType());
        assertArrayEquals(new double[] {2, 2, 2}, v.voxelSizeUm());
    }

    @Test
    void firstThreeDimensionalDatasetWithoutNeXusAndElementSizeAttribute() throws Exception {
        Path file = dir.resolve("plain.h5");
        int[][][] ints = new int[3][4][5];
        for (int z = 0; z < 3; z++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 5; x++) {
                    ints[z][y][x] = -70000 + x + 10 * y + 100 * z;
                }
            }
        }
        try (WritableHdfFile w = HdfFile.write(file)) {
            w.putDataset("profile", new double[] {1, 2, 3});
            WritableGroup g = w.putGroup("recon");
            WritableDataset d = g.putDataset("labels", ints);
            d.putAttribute("element_size_um", new double[] {4, 2, 1});
        }

        Volume v = read(file, Map.of());

        assertEquals("/recon/labels", v.metadata().get("dataset"));
        assertEquals("int32", v.metadata().get("fileType"));
        assertEquals("float32", v.sampleType());
        TestVolumes.assertPattern(v, 5, 4, 3, (x, y, z) -> -70000 + x + 10 * y + 100 * z);
        assertArrayEquals(new double[] {1, 2, 4}, v.voxelSizeUm());
    }

    @Test
    void onDemandCellsHoldTheSameVoxels() throws Exception {
        Volume v = read(nexusFile(), Map.of("storage", "on-demand"));

        assertTrue(v.image() instanceof AbstractCellImg<?, ?, ?, ?>);
        TestVolumes.assertPattern(SampleType.UINT16, v, W, H, D);
    }

    @Test
    void missingDatasetPathIsNamedWithTheDatasetsThatExist() throws Exception {
        Path file = nexusFile();

        ImportException e = assertThrows(ImportException.class, () -> read(file, Map.of("dataset",
                "/entry/tomo/data")));

        assertEquals(file, e.file());
        assertEquals("dataset /entry/tomo/data", e.position());
        assertTrue(e.getMessage().startsWith(file + ": dataset /entry/tomo/data: no such path in the file; 2-D/3-D "
                + "numeric datasets: /decoy [2, 3, 4], /entry/tomo/volume [6, 14, 20]"), e.getMessage());
    }

    @Test
    void groupsOneDimensionalDataAndNonHdf5FilesAreRefused() throws Exception {
        Path file = nexusFile();
        ImportException group = assertThrows(ImportException.class, () -> read(file, Map.of("dataset",
                "/entry/tomo")));
        assertTrue(group.getMessage().contains("is a group, not a dataset"), group.getMessage());

        ImportException oneD = assertThrows(ImportException.class, () -> read(file, Map.of("dataset",
                "/entry/tomo/x")));
        assertEquals("dataset /entry/tomo/x", oneD.position());
        assertTrue(oneD.getMessage().contains("has 1 dimensions [20]; a volume needs 3"), oneD.getMessage());

        Path text = Files.writeString(dir.resolve("notes.h5"), "not HDF5 at all");
        assertEquals(Match.MAYBE, importer.matches(text));
        ImportException notHdf = assertThrows(ImportException.class, () -> read(text, Map.of()));
        assertEquals(text, notHdf.file());
        assertTrue(notHdf.getMessage().contains("not an HDF5 file"), notHdf.getMessage());
    }
}
