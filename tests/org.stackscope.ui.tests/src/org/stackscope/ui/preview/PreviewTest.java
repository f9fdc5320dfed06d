package org.stackscope.ui.preview;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stackscope.core.api.CanceledException;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.FigureSpec;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.LabelVolume;
import org.stackscope.core.model.Table;
import org.stackscope.core.model.Volume;

import net.imglib2.img.array.ArrayImgs;

class PreviewTest {

    /** 2×2×3 labels along Z: slice 0 all void, slice 1 half SE half AM, slice 2 all AM. */
    private static final byte[] LABELS = { 0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 2, 2 };

    private static Volume labelImage(Axis pressureAxis) {
        return new Volume(ArrayImgs.unsignedBytes(LABELS, 2, 2, 3), "uint8", new double[] { 1, 1, 0.5 },
                pressureAxis, Map.of());
    }

    @Test
    void segmentedVolumeShowsTheFractionOfEachPhasePerSlice() {
        LabelVolume labels = new LabelVolume(labelImage(Axis.Z), Map.of(0, "VOID", 1, "SE", 2, "AM"));

        FigureSpec figure = Preview.of("ct", labels, Monitor.NONE).figure().orElseThrow();

        assertEquals(List.of("VOID", "SE", "AM"), figure.series().stream().map(FigureSpec.Series::name).toList());
        assertArrayEquals(new double[] { 0, 0.5, 1.0 }, figure.series().get(0).x());
        assertArrayEquals(new double[] { 1, 0, 0 }, figure.series().get(0).y());
        assertArrayEquals(new double[] { 0, 0.5, 0 }, figure.series().get(1).y());
        assertArrayEquals(new double[] { 0, 0.5, 1 }, figure.series().get(2).y());
        assertEquals("Z / µm", figure.xLabel());
        assertEquals("volume fraction", figure.yLabel());
    }

    @Test
    void volumeOfFewValuesIsTreatedAsASegmentationNamedByValue() {
        FigureSpec figure = Preview.of("ct", labelImage(Axis.Z), Monitor.NONE).figure().orElseThrow();

        assertEquals(List.of("0", "1", "2"), figure.series().stream().map(FigureSpec.Series::name).toList());
    }

    @Test
    void profileFollowsThePressureAxis() {
        // along Y, row 0 holds 0,0 | 1,1 | 2,2 and row 1 holds 0,0 | 2,2 | 2,2 (pairs along X, slices along Z)
        FigureSpec figure = Preview.of("ct", labelImage(Axis.Y), Monitor.NONE).figure().orElseThrow();

        assertEquals("Y / µm", figure.xLabel());
        assertArrayEquals(new double[] { 0, 1 }, figure.series().get(0).x());
        assertArrayEquals(new double[] { 1 / 3.0, 1 / 3.0 }, figure.series().get(0).y(), 1e-12);
        assertArrayEquals(new double[] { 1 / 3.0, 0 }, figure.series().get(1).y(), 1e-12);
        assertArrayEquals(new double[] { 1 / 3.0, 2 / 3.0 }, figure.series().get(2).y(), 1e-12);
    }

    @Test
    void greyVolumeShowsTheMeanGreyValuePerSlice() {
        float[] grey = new float[2 * 2 * 20];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = i; // 80 distinct values: not a segmentation
        }
        Volume volume = new Volume(ArrayImgs.floats(grey, 2, 2, 20), "float32", new double[] { 1, 1, 2 }, Axis.Z,
                Map.of());

        Preview preview = Preview.of("ct", volume, Monitor.NONE);

        FigureSpec figure = preview.figure().orElseThrow();
        assertEquals(1, figure.series().size());
        assertEquals("mean grey value", figure.yLabel());
        assertEquals(1.5, figure.series().get(0).y()[0]); // mean of 0..3
        assertEquals(77.5, figure.series().get(0).y()[19]); // mean of 76..79
        assertEquals(38.0, figure.series().get(0).x()[19]);
        assertTrue(preview.description().startsWith("volume 2 × 2 × 20 float32, voxel 1 × 1 × 2 µm"),
                preview.description());
    }

    @Test
    void tableShowsItsSecondColumnAgainstTheFirst() {
        Table table = Table.of(List.of(new Column("time_s", "s", new double[] { 0, 10, 20 }),
                new Column("force_N", "N", new double[] { 3900, 3910, 3920 })));

        Preview preview = Preview.of("log", table, Monitor.NONE);

        FigureSpec figure = preview.figure().orElseThrow();
        assertEquals("time_s", figure.xLabel());
        assertEquals("force_N", figure.yLabel());
        assertEquals("force_N", figure.series().get(0).name());
        assertArrayEquals(new double[] { 3900, 3910, 3920 }, figure.series().get(0).y());
        assertEquals("log — table, 3 rows: time_s (s), force_N (N)", preview.heading());
    }

    @Test
    void pressureLogsShowStackPressureAndCyclerFilesVoltageAgainstHours() {
        Table log = new Table(DataKind.PRESSURE, List.of(new Column("time_s", "s", new double[] { 0, 3600, 7200 }),
                new Column("force_N", "N", new double[] { 3900, 3910, 3920 }),
                new Column("pressure_MPa", "MPa", new double[] { 50, 50.1, 50.2 })), Map.of());
        FigureSpec pressure = Preview.of("log", log, Monitor.NONE).figure().orElseThrow();
        assertEquals("pressure_MPa (MPa)", pressure.yLabel());
        assertArrayEquals(new double[] { 0, 1, 2 }, pressure.series().get(0).x());

        Table cycler = new Table(DataKind.CYCLER, List.of(new Column("time_s", "s", new double[] { 0, 1800 }),
                new Column("current_A", "A", new double[] { 1, 1 }),
                new Column("voltage_V", "V", new double[] { 3.6, 4.1 })), Map.of());
        FigureSpec voltage = Preview.of("cell", cycler, Monitor.NONE).figure().orElseThrow();
        assertEquals("voltage_V (V)", voltage.yLabel());
        assertArrayEquals(new double[] { 0, 0.5 }, voltage.series().get(0).x());
    }

    @Test
    void impedanceSpectraShowAsNyquistPlotsWithEqualAxesOneSeriesPerSpectrum() {
        Table eis = new Table(DataKind.IMPEDANCE, List.of(
                new Column("frequency_Hz", "Hz", new double[] { 1000, 10, 1000, 10 }),
                new Column("z_real_ohm", "ohm", new double[] { 10, 60, 11, 70 }),
                new Column("z_imag_ohm", "ohm", new double[] { -1, -20, -2, -25 }),
                new Column("spectrum_index", "", new double[] { 1, 1, 2, 2 })), Map.of());
        FigureSpec nyquist = Preview.of("eis", eis, Monitor.NONE).figure().orElseThrow();
        assertTrue(nyquist.equalAspect());
        assertEquals(2, nyquist.series().size());
        assertArrayEquals(new double[] { 1, 20 }, nyquist.series().get(0).y(), "−Z'' upwards");
    }

    @Test
    void tableOfOneColumnHasNoFigure() {
        Table table = Table.of(List.of(new Column("cycle", "", new double[] { 1, 2 })));

        assertTrue(Preview.of("cycles", table, Monitor.NONE).figure().isEmpty());
    }

    @Test
    void canceledMonitorStopsTheProfile() {
        Monitor canceled = Monitor.cancelable(() -> true);

        assertThrows(CanceledException.class, () -> Preview.of("ct", labelImage(Axis.Z), canceled));
    }
}
