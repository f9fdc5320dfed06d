package org.stackscope.analysis.transport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.stackscope.core.model.AxisChoice;
import org.stackscope.analysis.transport.Percolation;
import org.stackscope.analysis.transport.PercolationSettings;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Volume;

class PercolationTest {

    private static Result run(Volume v, String phases, AxisChoice axis, int connectivity, int threads)
            throws AnalysisException {
        PercolationSettings s = new PercolationSettings();
        s.phases = phases;
        s.axis = axis;
        s.connectivity = connectivity;
        s.threads = threads;
        return new Percolation().run(Volumes.inputs(v), s, Monitor.NONE);
    }

    private static double metric(Result r, String name) {
        return r.metrics().get("percolation." + name).value();
    }

    /**
     * 8 x 8 x 10, phase 1: a through channel at (0, 0) (10 voxels), a dead end from the inlet at (3, 3), z < 4 (4),
     * one from the outlet at (6, 6), z >= 7 (3), an island at (3, 6), z = 4..5 (2) and a diagonal step: (6, 0) for
     * z < 5 and (7, 0) for z >= 5, joined only through an edge (10 voxels).
     */
    private static Volume structure() {
        return Volumes.of(8, 8, 10, (x, y, z) -> (x == 0 && y == 0) || (x == 3 && y == 3 && z < 4)
                || (x == 6 && y == 6 && z >= 7) || (x == 3 && y == 6 && (z == 4 || z == 5))
                || (z < 5 ? x == 6 : x == 7) && y == 0 ? 1 : 0);
    }

    @Test
    void faceConnectedClassesAndClusters() throws AnalysisException {
        Result r = run(structure(), "1", AxisChoice.Z, 6, 1);
        double total = 29;
        assertEquals(10 / total, metric(r, "through_fraction"), 1e-12);
        assertEquals((4 + 5) / total, metric(r, "inlet_only_fraction"), 1e-12);
        assertEquals((3 + 5) / total, metric(r, "outlet_only_fraction"), 1e-12);
        assertEquals(2 / total, metric(r, "isolated_fraction"), 1e-12);
        assertEquals(6, metric(r, "clusters"));
    }

    @Test
    void edgeConnectivityJoinsTheDiagonalStep() throws AnalysisException {
        for (int connectivity : new int[] { 18, 26 }) {
            Result r = run(structure(), "1", AxisChoice.Z, connectivity, 3);
            assertEquals(20 / 29.0, metric(r, "through_fraction"), 1e-12);
            assertEquals(5, metric(r, "clusters"));
        }
    }

    @Test
    void otherAxesAndThreadCounts() throws AnalysisException {
        // along X: the (0,0) channel and everything else are lines along z, touching neither x face... except
        // the voxels at x = 0 (inlet) and x = 7 (outlet)
        Result r = run(structure(), "1", AxisChoice.X, 6, 2);
        assertEquals(0.0, metric(r, "through_fraction"));
        assertEquals(10 / 29.0, metric(r, "inlet_only_fraction"), 1e-12);
        assertEquals(5 / 29.0, metric(r, "outlet_only_fraction"), 1e-12);
        Volume big = Volumes.of(30, 20, 40, (x, y, z) -> ((x * 7 + y * 13 + z * 5) % 11) < 6 ? 0 : 1);
        assertEquals(run(big, "0", AxisChoice.Z, 6, 1).metrics(), run(big, "0", AxisChoice.Z, 6, 4).metrics());
    }

    @Test
    void taufactorElectrodeThroughFractions() throws Exception {
        Volume electrode = Volumes.shared("taufactor_electrode.tiff");
        // TauFactor's "x" is numpy's first axis, our Z
        assertEquals(0.9989, metric(run(electrode, "0", AxisChoice.Z, 6, 0), "through_fraction"), 1e-4);
        assertEquals(0.9611, metric(run(electrode, "85", AxisChoice.Z, 6, 0), "through_fraction"), 1e-4);
        assertEquals(0.9740, metric(run(electrode, "170", AxisChoice.Z, 6, 0), "through_fraction"), 1e-4);
        assertEquals(0.9915, metric(run(electrode, "170", AxisChoice.Z, 18, 0), "through_fraction"), 1e-4);
        assertEquals(0.9936, metric(run(electrode, "170", AxisChoice.Z, 26, 0), "through_fraction"), 1e-4);
    }

    @Test
    void configureRejectsOtherConnectivities() throws InvalidSettingsException {
        PercolationSettings s = new PercolationSettings();
        InputSpec volume = new InputSpec(List.of(DataKind.VOLUME));
        new Percolation().configure(volume, s);
        s.connectivity = 8;
        assertThrows(InvalidSettingsException.class, () -> new Percolation().configure(volume, s));
    }
}
