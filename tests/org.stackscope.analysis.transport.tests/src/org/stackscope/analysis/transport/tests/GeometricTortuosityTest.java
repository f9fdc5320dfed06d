package org.stackscope.analysis.transport.tests;

import org.stackscope.core.model.AxisChoice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stackscope.analysis.transport.GeometricTortuosity;
import org.stackscope.analysis.transport.GeometricTortuositySettings;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.CanceledException;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.DataObject;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.LabelVolume;
import org.stackscope.core.model.Table;
import org.stackscope.core.model.Volume;
import org.stackscope.io.volume.tiff.TiffImporter;

import net.imglib2.img.array.ArrayImgs;

class GeometricTortuosityTest {

    private static final String P = "geometric_tortuosity.";

    private static Inputs inputs(DataObject data) {
        return new Inputs(List.of(new Inputs.Input(Path.of("test.tif"), "0", "tiff", data)));
    }

    /** A uint8 volume from labels in X-fastest order (label 0 = the phase, 1 = solid unless set otherwise). */
    private static Volume volume(byte[] labels, int nx, int ny, int nz, double[] size, Axis pressureAxis) {
        return new Volume(ArrayImgs.unsignedBytes(labels, nx, ny, nz), "uint8", size, pressureAxis, Map.of());
    }

    private static Result run(DataObject data, GeometricTortuositySettings s) throws AnalysisException {
        return new GeometricTortuosity().run(inputs(data), s, Monitor.NONE);
    }

    private static double metric(Result r, String name) {
        return r.metrics().get(P + name).value();
    }

    private static byte[] solid(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 1);
        return b;
    }

    @Test
    void straightChannelsHaveTortuosityOneForAnyVoxelSize() throws AnalysisException {
        int nx = 9, ny = 7, nz = 40;
        byte[] labels = solid(nx * ny * nz);
        for (int z = 0; z < nz; z++) {
            for (int y = 2; y < 5; y++) {
                for (int x = 3; x < 7; x++) {
                    labels[x + nx * (y + ny * z)] = 0;
                }
            }
        }
        for (double[] size : new double[][] { { 1, 1, 1 }, { 0.37, 0.73, 1.9 }, { 2.2, 0.6, 0.31 } }) {
            Result r = run(volume(labels, nx, ny, nz, size, Axis.Z), new GeometricTortuositySettings());
            for (String m : List.of("mode", "min", "mean", "median", "p10", "p90")) {
                assertEquals(1.0, metric(r, m), 1e-6, m + " at voxel size " + Arrays.toString(size));
            }
            assertEquals(1.0, metric(r, "connected_fraction"));
            assertEquals(12, metric(r, "inlet_voxels"));
            Table paths = r.tables().get("paths");
            assertEquals(12, paths.rowCount());
            assertEquals("X", paths.metadata().get("u"));
            assertEquals(3, paths.column("u").get(0));
            assertEquals(2, paths.column("v").get(0));
        }
    }

    /** A cylinder of radius {@code r} (µm) through a 100 µm thick box, tilted by {@code degrees} in the X-Z plane. */
    private record Slanted(Volume volume, byte[] labels, double[] reference) {
    }

    private static Slanted slantedChannel(double degrees, double r, double hx, double hz) {
        double t = Math.toRadians(degrees);
        double thickness = 100;
        double x0 = r / Math.cos(t) + 2;
        double widthX = thickness * Math.tan(t) + 2 * r / Math.cos(t) + 6;
        int nx = (int) Math.ceil(widthX / hx);
        int ny = (int) Math.ceil(2 * r + 3);
        int nz = (int) Math.round(thickness / hz) + 1;
        double yc = (ny - 1) / 2.0;
        byte[] labels = solid(nx * ny * nz);
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double px = x * hx - x0;
                    double pz = z * hz;
                    double along = px * Math.sin(t) + pz * Math.cos(t);
                    double ex = px - along * Math.sin(t);
                    double ez = pz - along * Math.cos(t);
                    double ey = y - yc;
                    if (ex * ex + ey * ey + ez * ez <= r * r) {
                        labels[x + nx * (y + ny * z)] = 0;
                    }
                }
            }
        }
        // The cylinder clipped by the two faces is convex: the shortest path from an inlet voxel is the straight
        // segment to the nearest outlet voxel.
        int last = (nz - 1) * nx * ny;
        double[] reference = new double[nx * ny];
        for (int i = 0; i < nx * ny; i++) {
            if (labels[i] != 0) {
                continue;
            }
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < nx * ny; j++) {
                if (labels[last + j] == 0) {
                    double dx = (j % nx - i % nx) * hx;
                    double dy = j / nx - i / nx;
                    best = Math.min(best, Math.sqrt(dx * dx + dy * dy + thickness * thickness));
                }
            }
            reference[i] = best / thickness;
        }
        return new Slanted(volume(labels, nx, ny, nz, new double[] { hx, 1, hz }, Axis.Z), labels, reference);
    }

    /** Relative error of the mean tortuosity and the largest relative error of one inlet voxel. */
    private static double[] slantedErrors(double degrees, double hx, double hz) throws AnalysisException {
        Slanted c = slantedChannel(degrees, 4, hx, hz);
        Result r = run(c.volume(), new GeometricTortuositySettings());
        Table paths = r.tables().get("paths");
        int nx = (int) c.volume().dimensions()[0];
        double sumRef = 0;
        double maxError = 0;
        for (int row = 0; row < paths.rowCount(); row++) {
            int i = (int) paths.column("u").get(row) + nx * (int) paths.column("v").get(row);
            double ref = c.reference()[i];
            sumRef += ref;
            maxError = Math.max(maxError, Math.abs(paths.column("tortuosity").get(row) / ref - 1));
        }
        assertEquals(1.0, metric(r, "connected_fraction"));
        double meanError = metric(r, "mean") / (sumRef / paths.rowCount()) - 1;
        System.out.printf(Locale.ROOT, "slanted channel %4.1f deg, voxel %.2f x 1 x %.2f: reference mean tau %.5f, "
                + "fast marching %.5f, error of mean %+.3f%%, largest voxel error %.3f%%%n", degrees, hx, hz,
                sumRef / paths.rowCount(), metric(r, "mean"), 100 * meanError, 100 * maxError);
        return new double[] { meanError, maxError };
    }

    @ParameterizedTest
    @ValueSource(doubles = { 0, 15, 30, 45 })
    void slantedStraightChannelsAreMeasuredEuclidean(double degrees) throws AnalysisException {
        double[] e = slantedErrors(degrees, 1, 1);
        // a 26-neighbour step metric is about 7-8% long at 30 degrees
        assertTrue(Math.abs(e[0]) < 0.02, "error of the mean " + e[0]);
        assertTrue(e[1] < 0.03, "largest voxel error " + e[1]);
    }

    @Test
    void anisotropicVoxelsGiveTheSamePhysicalAnswer() throws AnalysisException {
        double[] iso = slantedErrors(30, 1, 1);
        double[] fineX = slantedErrors(30, 0.5, 1);
        double[] fineZ = slantedErrors(30, 1, 0.5);
        for (double[] e : List.of(iso, fineX, fineZ)) {
            assertTrue(Math.abs(e[0]) < 0.02, "error of the mean " + e[0]);
        }
    }

    /** A one-voxel-wide serpentine: down, across, back up, across, down to the outlet. */
    @Test
    void serpentinePathHasItsCentrelineLength() throws AnalysisException {
        int nx = 25, nz = 41;
        byte[] labels = solid(nx * nz);
        for (int z = 0; z <= 30; z++) {
            labels[2 + nx * z] = 0;
        }
        for (int x = 2; x <= 12; x++) {
            labels[x + nx * 30] = 0;
        }
        for (int z = 5; z <= 30; z++) {
            labels[12 + nx * z] = 0;
        }
        for (int x = 12; x <= 22; x++) {
            labels[x + nx * 5] = 0;
        }
        for (int z = 5; z < nz; z++) {
            labels[22 + nx * z] = 0;
        }
        // 30 + 10 + 25 + 10 + 35 = 110 voxel steps over 40 slices
        Result r = run(volume(labels, nx, 1, nz, new double[] { 1, 1, 1 }, Axis.Z), new GeometricTortuositySettings());
        assertEquals(110.0 / 40, metric(r, "min"), 1e-6);
        assertEquals(1, metric(r, "inlet_voxels"));
        // 20 µm steps down, 5 µm across: (30 + 25 + 35) * 2 + 20 * 0.5 = 190 µm over 80 µm
        Result a = run(volume(labels, nx, 1, nz, new double[] { 0.5, 3, 2 }, Axis.Z), new GeometricTortuositySettings());
        assertEquals(190.0 / 80, metric(a, "min"), 1e-6);
    }

    @Test
    void theFlowAxisFollowsThePressureAxisOrTheSetting() throws AnalysisException {
        // open along X at y = 1 (any z), blocked elsewhere: straight along X, no path along Z
        int nx = 12, ny = 3, nz = 4;
        byte[] labels = solid(nx * ny * nz);
        for (int z = 0; z < nz; z++) {
            for (int x = 0; x < nx; x++) {
                labels[x + nx * (1 + ny * z)] = 0;
            }
        }
        Volume alongX = volume(labels, nx, ny, nz, new double[] { 1, 1, 1 }, Axis.X);
        Result r = run(alongX, new GeometricTortuositySettings());
        assertEquals(1.0, metric(r, "mean"), 1e-6);
        assertEquals(nz, metric(r, "inlet_voxels"));
        assertEquals("Y", r.tables().get("paths").metadata().get("u"));
        assertEquals("Z", r.tables().get("paths").metadata().get("v"));
        GeometricTortuositySettings y = new GeometricTortuositySettings();
        y.axis = AxisChoice.Y;
        assertEquals(0.0, metric(run(alongX, y), "connected_fraction"));
    }

    @Test
    void aPhaseThatDoesNotReachTheOutletIsInfiniteWithANote() throws AnalysisException {
        int nx = 6, ny = 6, nz = 20;
        byte[] labels = solid(nx * ny * nz);
        for (int z = 0; z < 12; z++) {
            labels[2 + nx * (2 + ny * z)] = 0;
            labels[3 + nx * (2 + ny * z)] = 0;
        }
        Result r = run(volume(labels, nx, ny, nz, new double[] { 1, 1, 1 }, Axis.Z), new GeometricTortuositySettings());
        assertEquals(0.0, metric(r, "connected_fraction"));
        assertEquals(2, metric(r, "inlet_voxels"));
        assertEquals(Double.POSITIVE_INFINITY, metric(r, "min"));
        assertEquals(Double.POSITIVE_INFINITY, metric(r, "median"));
        assertTrue(Double.isNaN(metric(r, "mode")));
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("does not percolate")), r.notes().toString());
        assertEquals(0, r.tables().get("paths").rowCount());
        assertEquals(0, Arrays.stream(r.tables().get("histogram").column("count").values()).sum());
    }

    @Test
    void histogramCountsTheConnectedInletVoxels() throws AnalysisException {
        // a 30-degree channel (connected) plus a dead end from the inlet (not connected)
        Slanted c = slantedChannel(30, 4, 1, 1);
        long[] dims = c.volume().dimensions();
        byte[] labels = c.labels(); // the volume wraps this array
        int nx = (int) dims[0];
        int ny = (int) dims[1];
        for (int z = 0; z < 50; z++) {
            labels[nx - 2 + nx * (ny / 2 + ny * z)] = 0;
        }
        GeometricTortuositySettings s = new GeometricTortuositySettings();
        s.bins = 20;
        s.maxTortuosity = 1.4;
        Result r = run(c.volume(), s);
        double inlet = metric(r, "inlet_voxels");
        double connected = r.tables().get("paths").rowCount();
        assertEquals((inlet - 1) / inlet, metric(r, "connected_fraction"), 1e-12);
        Table h = r.tables().get("histogram");
        assertEquals(20, h.rowCount());
        assertEquals(connected, Arrays.stream(h.column("count").values()).sum());
        assertEquals(1.0, Arrays.stream(h.column("fraction").values()).sum(), 1e-12);
        assertEquals(1.01, h.column("tortuosity").get(0), 1e-12);
        double min = metric(r, "min");
        double mode = metric(r, "mode");
        assertTrue(min <= metric(r, "p10") && metric(r, "p10") <= metric(r, "median")
                && metric(r, "median") <= metric(r, "p90"));
        assertTrue(mode >= min && mode <= metric(r, "p90") + 0.02, "mode " + mode);
        assertEquals("histogram", r.figures().get(0).name());
        assertEquals(20, r.figures().get(0).series().get(0).x().length);
    }

    @Test
    void phasesByNameFromALabelVolume() throws AnalysisException {
        int nx = 4, ny = 4, nz = 10;
        byte[] labels = solid(nx * ny * nz);
        for (int z = 0; z < nz; z++) {
            labels[1 + nx * (1 + ny * z)] = (byte) 170; // a straight channel of CBD
        }
        LabelVolume lv = new LabelVolume(volume(labels, nx, ny, nz, new double[] { 1, 1, 1 }, Axis.Z),
                Map.of(0, "VOID", 1, "AM", 170, "CBD"));
        GeometricTortuositySettings s = new GeometricTortuositySettings();
        s.phases = "CBD";
        assertEquals(1.0, metric(run(lv, s), "mean"), 1e-6);
        s.phases = "AM,CBD";
        assertEquals(16, metric(run(lv, s), "inlet_voxels"));
        s.phases = "SE";
        AnalysisException e = assertThrows(AnalysisException.class, () -> run(lv, s));
        assertTrue(e.getMessage().contains("SE"), e.getMessage());
    }

    @Test
    void configureValidatesBeforeAnyWork() throws InvalidSettingsException {
        GeometricTortuosity g = new GeometricTortuosity();
        GeometricTortuositySettings s = new GeometricTortuositySettings();
        assertTrue(g.configure(new InputSpec(List.of(DataKind.VOLUME)), s).metrics()
                .contains("geometric_tortuosity.connected_fraction"));
        assertThrows(InvalidSettingsException.class, () -> g.configure(new InputSpec(List.of()), s));
        assertThrows(InvalidSettingsException.class, () -> g.configure(new InputSpec(List.of(DataKind.CYCLER)), s));
        s.phases = "SE";
        assertThrows(InvalidSettingsException.class, () -> g.configure(new InputSpec(List.of(DataKind.VOLUME)), s));
        g.configure(new InputSpec(List.of(DataKind.LABELS)), s); // names are resolved against the label volume
        s.phases = "0";
        s.maxTortuosity = 1;
        assertThrows(InvalidSettingsException.class, () -> g.configure(new InputSpec(List.of(DataKind.VOLUME)), s));
    }

    @Test
    void cancelStopsTheRun() {
        int n = 64;
        Volume open = volume(new byte[n * n * n], n, n, n, new double[] { 1, 1, 1 }, Axis.Z);
        assertThrows(CanceledException.class, () -> new GeometricTortuosity().run(inputs(open),
                new GeometricTortuositySettings(), Monitor.cancelable(() -> true)));
        // canceled only once marching has begun: the marching loop itself must notice
        AtomicBoolean marching = new AtomicBoolean();
        Monitor m = new Monitor() {
            @Override
            public void begin(String taskName, long totalWork) {
                marching.set(taskName.toLowerCase(Locale.ROOT).contains("marching"));
            }

            @Override
            public void worked(long units) {
            }

            @Override
            public boolean isCanceled() {
                return marching.get();
            }
        };
        assertThrows(CanceledException.class, () -> new GeometricTortuosity().run(inputs(open),
                new GeometricTortuositySettings(), m));
    }

    /** TauFactor's NMC electrode (256^3; pore = 0, NMC = 85, CBD = 170), pore phase along Z. */
    @Test
    void taufactorElectrodePores() throws Exception {
        String shared = System.getProperty("stackscope.shared");
        Path file = shared == null ? null : Path.of(shared, "testdata", "volumes", "taufactor_electrode.tiff");
        assumeTrue(file != null && Files.isRegularFile(file), "shared test data not available: " + file);
        Volume v = new TiffImporter().read(file, ImportSettings.DEFAULTS, Monitor.NONE);
        GeometricTortuositySettings s = new GeometricTortuositySettings();
        s.axis = AxisChoice.Z;
        long start = System.nanoTime();
        Result r = run(v, s);
        System.out.printf(Locale.ROOT, "taufactor electrode pores along Z (%.2f s): %s%n",
                (System.nanoTime() - start) / 1e9, r.metrics());
        double min = metric(r, "min");
        double mode = metric(r, "mode");
        assertTrue(min >= 1 - 1e-6, "min " + min);
        assertTrue(mode > 1 && mode < 2, "mode " + mode);
        assertTrue(metric(r, "connected_fraction") > 0.5);
    }
}
