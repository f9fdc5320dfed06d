package org.stackscope.analysis.transport.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.stackscope.core.model.AxisChoice;
import org.stackscope.analysis.transport.TortuosityFactor;
import org.stackscope.analysis.transport.TortuosityFactorSettings;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.CanceledException;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Volume;

class TortuosityFactorTest {

    private static Result run(Volume volume, TortuosityFactorSettings settings) throws AnalysisException {
        return new TortuosityFactor().run(Volumes.inputs(volume), settings, Monitor.NONE);
    }

    private static TortuosityFactorSettings settings(String phases) {
        TortuosityFactorSettings s = new TortuosityFactorSettings();
        s.phases = phases;
        s.tolerance = 1e-7;
        return s;
    }

    private static double metric(Result r, String name) {
        return r.metrics().get("tortuosity." + name).value();
    }

    @Test
    void straightChannelsAndAnOpenBlockHaveTauOne() throws AnalysisException {
        // 1 where x and y are both even: 25 separate straight channels along z
        Volume channels = Volumes.of(9, 9, 12, (x, y, z) -> x % 2 == 0 && y % 2 == 0 ? 1 : 0);
        Result r = run(channels, settings("1"));
        assertEquals(1.0, metric(r, "factor"), 1e-6);
        assertEquals(25.0 / 81, metric(r, "epsilon"), 1e-12);
        assertEquals(25.0 / 81, metric(r, "deff_ratio"), 1e-6);
        assertEquals(0.0, metric(r, "isolated_fraction"));
        Result block = run(Volumes.of(7, 5, 9, (x, y, z) -> 0), settings("0"));
        assertEquals(1.0, metric(block, "factor"), 1e-6);
        assertEquals(1.0, metric(block, "macmullin"), 1e-6);
        double[] flux = block.tables().get("flux_profile").column("flux_relative").values();
        assertEquals(10, flux.length, "inlet face, 8 inner faces, outlet face");
        for (double f : flux) {
            assertEquals(1.0, f, 1e-6);
        }
    }

    @Test
    void layersInSeriesGiveTheHarmonicMean() throws AnalysisException {
        // z < 4: label 1 (σ = 1), z >= 4: label 2 (σ = 0.25); 4 + 4 slices
        Volume layers = Volumes.of(5, 6, 8, (x, y, z) -> z < 4 ? 1 : 2);
        TortuosityFactorSettings s = settings("1,2");
        s.conductivities = "2=0.25";
        Result r = run(layers, s);
        double harmonic = 1 / (0.5 / 1 + 0.5 / 0.25);
        assertEquals(harmonic, metric(r, "deff_ratio"), 1e-6);
        assertEquals(1 / harmonic, metric(r, "factor"), 1e-5, "ε = 1 with both phases conducting");
    }

    @Test
    void layersAlongTheFlowGiveTheArithmeticMean() throws AnalysisException {
        Volume layers = Volumes.of(4, 6, 8, (x, y, z) -> x < 1 ? 1 : 2);
        TortuosityFactorSettings s = settings("1,2");
        s.conductivities = "1=3,2=0.5";
        assertEquals(0.25 * 3 + 0.75 * 0.5, metric(run(layers, s), "deff_ratio"), 1e-6);
    }

    /** Columns whose conductivity is f(x)·g(z): no lateral flux, so the result is exact at any resolution. */
    private static Volume separable(int refineX, int refineZ, double[] voxel) {
        return Volumes.of(4 * refineX, 3, 6 * refineZ, voxel,
                (x, y, z) -> 1 + (x / refineX % 2) + 2 * ((z / refineZ) % 3 == 1 ? 1 : 0));
    }

    @Test
    void anisotropicVoxelsGiveTheSameResultForTheSamePhysicalStructure() throws AnalysisException {
        TortuosityFactorSettings s = settings("1,2,3,4");
        s.conductivities = "1=1,2=0.2,3=0.5,4=0.1";
        double coarse = metric(run(separable(1, 1, new double[] { 1, 1, 1 }), s), "deff_ratio");
        double fine = metric(run(separable(2, 3, new double[] { 0.5, 1, 1.0 / 3 }), s), "deff_ratio");
        // f = 1 or 0.2 (mean 0.6) times g = 1, 0.5, 1 (harmonic mean 0.75)
        assertEquals(0.6 * 0.75, coarse, 1e-6);
        assertEquals(coarse, fine, 1e-6);
    }

    @Test
    void staircaseMatchesTauFactor() throws AnalysisException {
        // TauFactor's test: img[i, i:i+2, i:i+2] = 1 on a 20x21x21 numpy array, flux along numpy's first axis (= Z)
        Volume stairs = Volumes.of(21, 21, 20, (x, y, z) -> x >= z && x < z + 2 && y >= z && y < z + 2 ? 1 : 0);
        TortuosityFactorSettings s = settings("1");
        s.axis = AxisChoice.Z;
        s.tolerance = 1e-5;
        Result r = run(stairs, s);
        assertTrue(r.notes().get(0).startsWith("Converged to tolerance 1.0e-05"), r.notes().toString());
        assertEquals(7.51667, metric(r, "factor"), 1e-5);
        assertEquals(80.0 / (20 * 21 * 21), metric(r, "epsilon"), 1e-12);
    }

    @Test
    void anUnreachableToleranceStopsAtThePrecisionFloorAndSaysSo() throws AnalysisException {
        Volume stairs = Volumes.of(21, 21, 20, (x, y, z) -> x >= z && x < z + 2 && y >= z && y < z + 2 ? 1 : 0);
        TortuosityFactorSettings s = settings("1");
        s.axis = AxisChoice.Z;
        s.tolerance = 1e-9; // below what single-precision search vectors resolve on this channel
        Result r = run(stairs, s);
        String note = r.notes().get(0);
        assertTrue(note.startsWith("Not converged to tolerance 1.0e-09") && note.contains("single-precision limit"),
                note);
        assertTrue(metric(r, "iterations") < s.maxIterations / 4, "stopped early: " + metric(r, "iterations"));
        assertEquals(7.51667, metric(r, "factor"), 1e-5);
    }

    @Test
    void periodicSidesConnectAcrossTheSideFaces() throws AnalysisException {
        // a channel at x = 0 for z <= 2 and at x = 5 for z >= 2: connected only across the periodic x faces
        Volume wrapped = Volumes.of(6, 1, 6, (x, y, z) -> (z <= 2 && x == 0) || (z >= 2 && x == 5) ? 1 : 0);
        TortuosityFactorSettings closed = settings("1");
        assertEquals(Double.POSITIVE_INFINITY, metric(run(wrapped, closed), "factor"));
        TortuosityFactorSettings periodic = settings("1");
        periodic.periodicSides = true;
        Result r = run(wrapped, periodic);
        // 7 voxels in series with one lateral step: resistance 7, D_eff = (1/7)·L/A = 1/7, ε = 7/36
        assertEquals(1.0 / 7, metric(r, "deff_ratio"), 1e-6);
        assertEquals(49.0 / 36, metric(r, "factor"), 1e-6);
    }

    @Test
    void aPhaseTouchingOneFaceGivesInfiniteTauWithANote() throws AnalysisException {
        Volume deadEnd = Volumes.of(4, 4, 10, (x, y, z) -> z < 7 ? 1 : 0);
        Result r = run(deadEnd, settings("1"));
        assertEquals(Double.POSITIVE_INFINITY, metric(r, "factor"));
        assertEquals(0.0, metric(r, "deff_ratio"));
        assertEquals(0.7, metric(r, "epsilon"), 1e-12);
        assertEquals(1.0, metric(r, "isolated_fraction"));
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("No cluster") && n.contains("infinite")), r.notes()
                .toString());
    }

    @Test
    void floatingIslandsAndDeadEndsAreTrimmedAndReported() throws AnalysisException {
        // channel at x = 0; a dead end from the inlet at x = 3 (z < 4); a floating island at x = 5, z = 5..6
        Volume v = Volumes.of(7, 1, 10, (x, y, z) -> x == 0 || (x == 3 && z < 4) || (x == 5 && (z == 5 || z == 6))
                ? 1 : 0);
        for (boolean trim : new boolean[] { true, false }) {
            TortuosityFactorSettings s = settings("1");
            s.trimIsolated = trim;
            Result r = run(v, s);
            assertEquals(6.0 / 16, metric(r, "isolated_fraction"), 1e-12);
            assertEquals(16.0 / 70, metric(r, "epsilon"), 1e-12);
            // τ = ε / (D_eff/D₀) with D_eff of one channel in seven columns
            assertEquals((16.0 / 70) / (1.0 / 7), metric(r, "factor"), 1e-6);
            assertTrue(r.notes().stream().anyMatch(n -> n.contains("do not connect both faces")));
        }
    }

    private static Volume randomComposite(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] labels = new int[24 * 20 * 18];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextInt(100) < 62 ? 0 : 85;
        }
        return Volumes.of(24, 20, 18, (x, y, z) -> labels[(z * 20 + y) * 24 + x]);
    }

    @Test
    void resultIsBitIdenticalForAnyThreadCount() throws AnalysisException {
        Volume v = randomComposite(3);
        TortuosityFactorSettings one = new TortuosityFactorSettings();
        one.threads = 1;
        TortuosityFactorSettings four = new TortuosityFactorSettings();
        four.threads = 4;
        Result a = run(v, one);
        Result b = run(v, four);
        assertEquals(a.metrics(), b.metrics());
        assertArrayEquals(a.tables().get("flux_profile").column("flux_relative").values(),
                b.tables().get("flux_profile").column("flux_relative").values());
        double tau = a.metrics().get("tortuosity.factor").value();
        assertTrue(tau > 1 && tau < 5, "a percolating random composite: " + tau);
        assertTrue(metric(a, "flux_mismatch") < 2e-5, "inlet and outlet within twice the tolerance");
    }

    @Test
    void onePhaseKernelsMatchTheGeneralOnes() throws AnalysisException {
        // one conducting phase runs its own kernels (neighbour codes); the same pore space split into two labels of
        // equal conductivity runs the general ones (stored stencil): the same operator, and preconditioners that
        // differ by float rounding only (sums in another order), so the same iterations and D_eff far inside the
        // tolerance
        for (int[] n : new int[][] { { 23, 19, 17 }, { 2, 2, 9 }, { 1, 7, 11 } }) {
            SplittableRandom random = new SplittableRandom(11);
            int[] labels = new int[n[0] * n[1] * n[2]];
            for (int i = 0; i < labels.length; i++) {
                int r = random.nextInt(100);
                labels[i] = r < 30 ? 1 : r < 65 ? 2 : 85;
            }
            Volume split = Volumes.of(n[0], n[1], n[2], (x, y, z) -> labels[(z * n[1] + y) * n[0] + x]);
            Volume merged = Volumes.of(n[0], n[1], n[2], (x, y, z) -> mergedLabel(labels, n, x, y, z));
            for (boolean periodic : new boolean[] { false, true }) {
                TortuosityFactorSettings one = new TortuosityFactorSettings();
                one.phases = "1";
                one.periodicSides = periodic;
                TortuosityFactorSettings two = new TortuosityFactorSettings();
                two.phases = "1,2";
                two.periodicSides = periodic;
                Result a = run(merged, one);
                Result b = run(split, two);
                double deff = metric(b, "deff_ratio");
                assertTrue(deff > 0, "percolates");
                assertEquals(deff, metric(a, "deff_ratio"), 1e-7 * deff, n[0] + "x" + n[1] + "x" + n[2]);
                assertEquals(metric(b, "iterations"), metric(a, "iterations"));
            }
        }
    }

    /** Label 1 for both conducting labels (1, 2), 85 for the rest. */
    private static int mergedLabel(int[] labels, int[] n, int x, int y, int z) {
        return labels[(z * n[1] + y) * n[0] + x] == 85 ? 85 : 1;
    }

    @Test
    void convergenceIsReportedAsTableAndFigures() throws AnalysisException {
        Result r = run(randomComposite(5), new TortuosityFactorSettings());
        int iterations = (int) metric(r, "iterations");
        assertTrue(iterations > 0 && iterations < 100, "multigrid-preconditioned CG: " + iterations);
        double[] residual = r.tables().get("convergence").column("relative_residual").values();
        assertEquals(iterations + 1, residual.length);
        assertTrue(residual[iterations] < 1e-5);
        assertEquals(List.of("flux_profile", "convergence"), r.figures().stream().map(f -> f.name()).toList());
        for (double f : r.tables().get("flux_profile").column("flux_relative").values()) {
            assertEquals(1.0, f, 1e-5);
        }
        assertTrue(r.notes().get(0).contains("tolerance 1.0e-05"), r.notes().get(0));
    }

    @Test
    void cancelStopsTheRun() {
        AtomicInteger iterations = new AtomicInteger();
        AtomicBoolean solving = new AtomicBoolean();
        Monitor cancelLater = new Monitor() {
            @Override
            public void begin(String taskName, long totalWork) {
                solving.set(taskName.startsWith("Solving"));
            }

            @Override
            public void worked(long units) {
                if (solving.get()) {
                    iterations.incrementAndGet();
                }
            }

            @Override
            public boolean isCanceled() {
                return iterations.get() >= 2; // cancel inside the iteration loop
            }
        };
        assertThrows(CanceledException.class, () -> new TortuosityFactor().run(Volumes.inputs(randomComposite(7)),
                new TortuosityFactorSettings(), cancelLater));
        assertEquals(2, iterations.get());
    }

    @Test
    void configureValidatesSettings() throws InvalidSettingsException {
        TortuosityFactor tf = new TortuosityFactor();
        InputSpec volume = new InputSpec(List.of(DataKind.VOLUME));
        TortuosityFactorSettings s = new TortuosityFactorSettings();
        assertTrue(tf.configure(volume, s).metrics().contains("tortuosity.factor"));
        assertThrows(InvalidSettingsException.class, () -> tf.configure(new InputSpec(List.of(DataKind.CYCLER)), s));
        s.conductivities = "0=abc";
        assertThrows(InvalidSettingsException.class, () -> tf.configure(volume, s));
        s.conductivities = "0=-1";
        assertThrows(InvalidSettingsException.class, () -> tf.configure(volume, s));
        s.conductivities = "";
        s.greyRange = "dark";
        assertThrows(InvalidSettingsException.class, () -> tf.configure(volume, s));
        s.greyRange = "";
        s.phases = "CARBON";
        AnalysisException e = assertThrows(AnalysisException.class, () -> tf.run(Volumes.inputs(randomComposite(1)),
                s, Monitor.NONE));
        assertFalse(e.getMessage().isEmpty());
    }

    @Test
    void taufactorElectrodeMatchesTauFactor() throws Exception {
        Volume electrode = Volumes.shared("taufactor_electrode.tiff");
        TortuosityFactorSettings s = new TortuosityFactorSettings();
        s.axis = AxisChoice.Z; // numpy's first axis of the TIFF stack
        Result z = run(electrode, s);
        assertEquals(2.0772, metric(z, "factor"), 2.0772e-3);
        assertEquals(0.44992, metric(z, "epsilon"), 1e-5);
        assertEquals(0.2166, metric(z, "deff_ratio"), 2e-4);
        s.axis = AxisChoice.Y; // numpy's axis 1 (rows)
        assertEquals(2.0766, metric(run(electrode, s), "factor"), 2.0766e-3);
    }

    @Test
    void pumaFiberformMatchesPuma() throws Exception {
        Volume fiberform = Volumes.shared("puma_100_fiberform.tif");
        TortuosityFactorSettings s = new TortuosityFactorSettings();
        s.greyRange = "0-89";
        s.axis = AxisChoice.X;
        Result r = run(fiberform, s);
        assertEquals(1.31335, metric(r, "factor"), 1.31335 * 0.005);
        assertEquals(0.63415, metric(r, "deff_ratio"), 0.63415 * 0.005);
        assertEquals(1 - 0.16714, metric(r, "epsilon"), 1e-5);
    }
}
