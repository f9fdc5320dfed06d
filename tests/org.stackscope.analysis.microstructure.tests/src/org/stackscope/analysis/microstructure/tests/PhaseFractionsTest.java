package org.stackscope.analysis.microstructure.tests;

import org.stackscope.core.model.AxisChoice;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.stackscope.analysis.microstructure.PhaseFractions;
import org.stackscope.analysis.microstructure.PhaseFractionsSettings;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.CanceledException;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.DataObject;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.LabelVolume;
import org.stackscope.core.model.Volume;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

class PhaseFractionsTest {

    private static Inputs inputs(DataObject data) {
        return new Inputs(List.of(new Inputs.Input(Path.of("test.tif"), "0", "tiff", data)));
    }

    /** 10 x 8 x 6 volume: label = 1 for z < 2 (separator), else 2 where x < 4, else 0. */
    private static Volume layered(Axis pressureAxis) {
        ArrayImg<UnsignedByteType, ByteArray> img = ArrayImgs.unsignedBytes(10, 8, 6);
        var ra = img.randomAccess();
        for (int z = 0; z < 6; z++) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 10; x++) {
                    ra.setPositionAndGet(x, y, z).set(z < 2 ? 1 : x < 4 ? 2 : 0);
                }
            }
        }
        return new Volume(img, "uint8", new double[] { 0.5, 0.5, 2.0 }, pressureAxis, Map.of());
    }

    @Test
    void fractionsAreExactVoxelCountRatios() throws AnalysisException {
        Result r = new PhaseFractions().run(inputs(layered(Axis.Z)), new PhaseFractionsSettings(), Monitor.NONE);
        // 480 voxels: label 1 = 160, label 2 = 4*8*4 = 128, label 0 = 6*8*4 = 192
        assertEquals(192.0 / 480, r.metrics().get("fraction.0").value(), 0);
        assertEquals(160.0 / 480, r.metrics().get("fraction.1").value(), 0);
        assertEquals(128.0 / 480, r.metrics().get("fraction.2").value(), 0);
        assertEquals(480, r.metrics().get("voxels").value());
    }

    @Test
    void profileRunsAlongThePressureAxisWithPhysicalPositions() throws AnalysisException {
        Result r = new PhaseFractions().run(inputs(layered(Axis.Z)), new PhaseFractionsSettings(), Monitor.NONE);
        var profile = r.tables().get("profile");
        assertEquals(6, profile.rowCount());
        assertArrayEquals(new double[] { 1, 3, 5, 7, 9, 11 }, profile.column("position").values(), 1e-12);
        assertArrayEquals(new double[] { 1, 1, 0, 0, 0, 0 }, profile.column("fraction.1").values(), 0);
        assertArrayEquals(new double[] { 0, 0, 0.4, 0.4, 0.4, 0.4 }, profile.column("fraction.2").values(), 1e-15);
        assertEquals("profile", r.figures().get(0).name());
        assertEquals(3, r.figures().get(0).series().size());
    }

    @Test
    void pressureAxisOfTheVolumeChoosesTheAxisChoice() throws AnalysisException {
        Result r = new PhaseFractions().run(inputs(layered(Axis.X)), new PhaseFractionsSettings(), Monitor.NONE);
        var profile = r.tables().get("profile");
        assertEquals(10, profile.rowCount());
        // along X: label 2 fills x < 4 wherever z >= 2 (32 of 48 voxels of a YZ slice)
        assertEquals(32.0 / 48, profile.column("fraction.2").get(0), 1e-15);
        assertEquals(0.0, profile.column("fraction.2").get(9), 0);
        PhaseFractionsSettings alongY = new PhaseFractionsSettings();
        alongY.axis = AxisChoice.Y;
        assertEquals(8, new PhaseFractions().run(inputs(layered(Axis.X)), alongY, Monitor.NONE).tables()
                .get("profile").rowCount());
    }

    @Test
    void phaseNamesComeFromTheLabelVolumeAndTheSettings() throws AnalysisException {
        LabelVolume labels = new LabelVolume(layered(Axis.Z), Map.of(1, "SE", 2, "AM"));
        PhaseFractionsSettings s = new PhaseFractionsSettings();
        s.phases = "0=VOID, 2=NMC";
        Result r = new PhaseFractions().run(inputs(labels), s, Monitor.NONE);
        assertEquals(List.of("fraction.VOID", "fraction.SE", "fraction.NMC", "voxels"),
                List.copyOf(r.metrics().keySet()));
    }

    @Test
    void resultDoesNotDependOnTheNumberOfThreads() throws AnalysisException {
        Random random = new Random(7);
        ArrayImg<UnsignedByteType, ByteArray> img = ArrayImgs.unsignedBytes(37, 29, 23);
        for (UnsignedByteType t : img) {
            t.set(random.nextInt(5) * 40);
        }
        Volume v = new Volume(img, "uint8", new double[] { 1, 1, 1 }, Axis.Z, Map.of());
        PhaseFractionsSettings one = new PhaseFractionsSettings();
        one.threads = 1;
        PhaseFractionsSettings four = new PhaseFractionsSettings();
        four.threads = 4;
        Result a = new PhaseFractions().run(inputs(v), one, Monitor.NONE);
        Result b = new PhaseFractions().run(inputs(v), four, Monitor.NONE);
        assertEquals(a.metrics(), b.metrics());
        assertTrue(a.metrics().get("fraction.80").hasUncertainty());
        assertTrue(a.metrics().get("fraction.80").uncertainty() < 0.02, "octant SE of a uniform random volume");
    }

    @Test
    void greyValueImagesAreRefusedWithAClearMessage() {
        ArrayImg<UnsignedByteType, ByteArray> img = ArrayImgs.unsignedBytes(32, 32, 2);
        int i = 0;
        for (UnsignedByteType t : img) {
            t.set(i++ % 256);
        }
        Volume v = new Volume(img, "uint8", new double[] { 1, 1, 1 }, Axis.Z, Map.of());
        PhaseFractionsSettings s = new PhaseFractionsSettings();
        s.maxLabels = 16;
        AnalysisException e = assertThrows(AnalysisException.class, () -> new PhaseFractions().run(inputs(v), s,
                Monitor.NONE));
        assertTrue(e.getMessage().contains("256 distinct values") && e.getMessage().contains("segment"),
                e.getMessage());
        Volume floats = new Volume(ArrayImgs.floats(new float[] { 0.5f, 1, 1, 1, 1, 1, 1, 1 }, 2, 2, 2), "float32",
                new double[] { 1, 1, 1 }, Axis.Z, Map.of());
        assertTrue(assertThrows(AnalysisException.class, () -> new PhaseFractions().run(inputs(floats),
                new PhaseFractionsSettings(), Monitor.NONE)).getMessage().contains("not an integer label"));
    }

    @Test
    void configureValidatesBeforeAnyWork() throws InvalidSettingsException {
        PhaseFractions pf = new PhaseFractions();
        PhaseFractionsSettings s = new PhaseFractionsSettings();
        assertFalse(pf.configure(new InputSpec(List.of(DataKind.VOLUME)), s).metrics().isEmpty());
        assertThrows(InvalidSettingsException.class, () -> pf.configure(new InputSpec(List.of()), s));
        assertThrows(InvalidSettingsException.class, () -> pf.configure(new InputSpec(List.of(DataKind.CYCLER)), s));
        s.phases = "0=VO ID";
        assertThrows(InvalidSettingsException.class, () -> pf.configure(new InputSpec(List.of(DataKind.VOLUME)), s));
        s.phases = "AM";
        assertThrows(InvalidSettingsException.class, () -> pf.configure(new InputSpec(List.of(DataKind.VOLUME)), s));
    }

    @Test
    void cancelStopsTheRun() {
        Monitor canceled = Monitor.cancelable(() -> true);
        assertThrows(CanceledException.class, () -> new PhaseFractions().run(inputs(layered(Axis.Z)),
                new PhaseFractionsSettings(), canceled));
    }
}
