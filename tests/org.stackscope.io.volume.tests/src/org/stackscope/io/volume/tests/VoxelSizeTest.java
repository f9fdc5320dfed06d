package org.stackscope.io.volume.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.Volume;
import org.stackscope.io.volume.tiff.TiffImporter;

/** Voxel size: import settings, then ImageJ description and resolution tags, then 1 µm. */
class VoxelSizeTest {

    private static final double TOLERANCE = 1e-9;

    @TempDir
    Path dir;

    /** Two 2 x 2 pages whose first IFD gets {@code calibration}'s tags. */
    private Volume read(Consumer<HandBuiltTiff.Page> calibration, ImportSettings settings)
            throws Exception {
        HandBuiltTiff tiff = HandBuiltTiff.littleEndian();
        calibration.accept(tiff.page().grey8(2, 2, 1, 2).strip(new byte[4]));
        tiff.page().grey8(2, 2, 1, 2).strip(new byte[4]);
        return new TiffImporter().read(tiff.write(dir.resolve("c.tif")), settings, Monitor.NONE);
    }

    private Volume read(Consumer<HandBuiltTiff.Page> calibration) throws Exception {
        return read(calibration, ImportSettings.DEFAULTS);
    }

    private static String utf8AsWritten(String text) {
        // the builder writes ISO-8859-1, one byte per char: pass UTF-8 bytes through it unchanged
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** XResolution 2 px per unit, YResolution 4 px per unit, spacing 3 units. */
    @ParameterizedTest(name = "unit={0}")
    @CsvSource({"micron, 1", "um, 1", "\u00b5m, 1", "nm, 0.001", "mm, 1000", "cm, 10000"})
    void imageJUnitAndSpacing(String unit, double micrometresPerUnit) throws Exception {
        Volume v = read(p -> p.ascii(270, "ImageJ=1.54f\nimages=2\nslices=2\nunit=" + unit + "\nspacing=3\n")
                .tag(282, HandBuiltTiff.RATIONAL, 2, 1).tag(283, HandBuiltTiff.RATIONAL, 4, 1));

        assertArrayEquals(new double[] {micrometresPerUnit / 2, micrometresPerUnit / 4, 3 * micrometresPerUnit},
                v.voxelSizeUm(), TOLERANCE * micrometresPerUnit);
        assertEquals("file", v.metadata().get("voxelSizeSource"));
        assertEquals(unit, v.metadata().get("imagej.unit"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"\u00b5m", "\u03bcm"})
    void imageJUnitInUtf8(String unit) throws Exception {
        Volume v = read(p -> p.ascii(270, utf8AsWritten("ImageJ=1.54f\nunit=" + unit + "\nspacing=0.39\n"))
                .tag(282, HandBuiltTiff.RATIONAL, 100, 39));

        assertArrayEquals(new double[] {0.39, 0.39, 0.39}, v.voxelSizeUm(), TOLERANCE);
    }

    @Test
    void centimetreResolutionUnitWithoutSpacingGivesCubicVoxels() throws Exception {
        Volume v = read(p -> p.tag(282, HandBuiltTiff.RATIONAL, 5000, 1).tag(296, HandBuiltTiff.SHORT, 3));

        assertArrayEquals(new double[] {2, 2, 2}, v.voxelSizeUm(), TOLERANCE);
        assertEquals("X=file, Y=file, Z=same as X", v.metadata().get("voxelSizeSource"));
    }

    @Test
    void inchResolutionUnit() throws Exception {
        Volume v = read(p -> p.tag(282, HandBuiltTiff.RATIONAL, 25400, 1).tag(283, HandBuiltTiff.RATIONAL, 12700, 1)
                .tag(296, HandBuiltTiff.SHORT, 2));

        assertArrayEquals(new double[] {1, 2, 1}, v.voxelSizeUm(), TOLERANCE);
    }

    /** 72 dpi is what many writers put when they know nothing; it is no calibration. */
    @Test
    void seventyTwoDpiMeansUncalibrated() throws Exception {
        Volume v = read(p -> p.tag(282, HandBuiltTiff.RATIONAL, 72, 1).tag(283, HandBuiltTiff.RATIONAL, 72, 1));

        assertArrayEquals(new double[] {1, 1, 1}, v.voxelSizeUm(), TOLERANCE);
        assertEquals("default", v.metadata().get("voxelSizeSource"));
    }

    @Test
    void noCalibrationGivesOneMicrometre() throws Exception {
        Volume v = read(p -> p.tag(282, HandBuiltTiff.RATIONAL, 1, 1).tag(296, HandBuiltTiff.SHORT, 1));

        assertArrayEquals(new double[] {1, 1, 1}, v.voxelSizeUm(), TOLERANCE);
        assertEquals("default", v.metadata().get("voxelSizeSource"));
    }

    @Test
    void isotropicSettingOverridesTheFile() throws Exception {
        Volume v = read(p -> p.ascii(270, "ImageJ=1.54f\nunit=micron\nspacing=3\n"),
                new ImportSettings(Map.of("voxelSize", "0.5")));

        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, v.voxelSizeUm(), TOLERANCE);
        assertEquals("settings", v.metadata().get("voxelSizeSource"));
    }

    @Test
    void perAxisSettingOverridesOneAxis() throws Exception {
        Volume v = read(p -> p.ascii(270, "ImageJ=1.54f\nunit=nm\nspacing=300\n").tag(282, HandBuiltTiff.RATIONAL,
                1, 100), new ImportSettings(Map.of("voxelSizeZ", "0.25", "voxelSize", "9", "voxelSizeY", "0.2")));

        assertArrayEquals(new double[] {9, 0.2, 0.25}, v.voxelSizeUm(), TOLERANCE);
        assertEquals("settings", v.metadata().get("voxelSizeSource"));
    }

    @Test
    void settingsForOneAxisKeepTheFileForTheOthers() throws Exception {
        Volume v = read(p -> p.ascii(270, "ImageJ=1.54f\nunit=nm\nspacing=300\n").tag(282, HandBuiltTiff.RATIONAL,
                1, 100), new ImportSettings(Map.of("voxelSizeZ", "0.25")));

        assertArrayEquals(new double[] {0.1, 0.1, 0.25}, v.voxelSizeUm(), TOLERANCE);
        assertEquals("X=file, Y=file, Z=settings", v.metadata().get("voxelSizeSource"));
    }

    @Test
    void pressureAxisSetting() throws Exception {
        assertEquals(Axis.Z, read(p -> { }).pressureAxis());
        assertEquals(Axis.X, read(p -> { }, new ImportSettings(Map.of("pressureAxis", "x"))).pressureAxis());
    }
}
