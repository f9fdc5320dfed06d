package org.stackscope.analysis.electrochem.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.stackscope.analysis.electrochem.Dqdv;
import org.stackscope.analysis.electrochem.DqdvSettings;
import org.stackscope.analysis.electrochem.VoltageProfiles;
import org.stackscope.analysis.electrochem.VoltageProfilesSettings;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Table;

/**
 * A voltage curve whose charge is a sum of logistic steps in voltage,
 * Q(V) = c·(V − 3) + Σ A_k / (1 + e^{−(V−V_k)/w}), so dQ/dV has peaks at V_k (the other step's tail at 23 w shifts them by less than 1 µV). Charged and discharged at
 * constant current; the discharge curve is the same shifted down by 30 mV (hysteresis).
 */
class DqdvTest {

    static final double[] PEAKS = { 3.55, 3.90 };
    static final double[] HEIGHTS = { 0.4e-3, 0.5e-3 }; // Ah
    static final double WIDTH = 0.015; // V
    static final double BASE = 0.05e-3; // Ah/V
    static final double SHIFT = 0.03; // V
    static final double CURRENT = 1e-4;

    static double charge(double v) {
        double q = BASE * (v - 3);
        for (int k = 0; k < PEAKS.length; k++) {
            q += HEIGHTS[k] / (1 + Math.exp(-(v - PEAKS[k]) / WIDTH));
        }
        return q;
    }

    /** V(Q) by bisection on the monotonic Q(V). */
    static double voltage(double q) {
        double lo = 3.0;
        double hi = 4.2;
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (lo + hi);
            if (charge(mid) < q) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    static Table cell(double noiseV, int samplesPerHalf, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double q0 = charge(3.0);
        double total = charge(4.2) - q0;
        double duration = total / CURRENT * 3600;
        CyclerBuilder b = new CyclerBuilder();
        for (int cycle = 0; cycle < 2; cycle++) {
            b.segment(CURRENT, duration, duration / samplesPerHalf,
                    f -> voltage(q0 + f * total) + noiseV * random.nextGaussian());
            b.rest(600, 60, 4.15);
            b.segment(-CURRENT, duration, duration / samplesPerHalf,
                    f -> voltage(q0 + (1 - f) * total) - SHIFT + noiseV * random.nextGaussian());
            b.rest(600, 60, 3.0);
        }
        return b.table();
    }

    static Result dqdv(Table t, DqdvSettings s) throws Exception {
        new Dqdv().configure(new InputSpec(List.of(DataKind.CYCLER)), s);
        return new Dqdv().run(CyclerBuilder.inputs(t), s, Monitor.NONE);
    }

    static void assertPeaks(Result r, int cycle, double tolerance) {
        double[] found = r.tables().get("peaks").column("voltage_V").values();
        assertEquals(4, r.metrics().get("peaks").value(), 0, "peaks at " + java.util.Arrays.toString(found));
        for (int k = 0; k < PEAKS.length; k++) {
            assertEquals(PEAKS[k], r.metrics().get("cycle." + cycle + ".charge.peak." + (k + 1) + ".voltage").value(),
                    tolerance, "charge peak " + (k + 1));
            // Discharge runs from high to low voltage: its first peak is the upper one.
            assertEquals(PEAKS[PEAKS.length - 1 - k] - SHIFT, r.metrics().get("cycle." + cycle + ".discharge.peak."
                    + (k + 1) + ".voltage").value(), tolerance, "discharge peak " + (k + 1));
        }
    }

    @Test
    void noiselessPeaksWithinOneMillivolt() throws Exception {
        DqdvSettings s = new DqdvSettings();
        Result r = dqdv(cell(0, 4000, 1), s);
        assertPeaks(r, 1, 1e-3);
        // The peak height (dQ/dV = A/(4w) + c at the peak) survives smoothing within 10 %.
        double top = r.tables().get("peaks").column("dqdv").get(1);
        assertEquals(1000 * (HEIGHTS[1] / (4 * WIDTH) + BASE), top, 0.1 * top);
    }

    @Test
    void noisyPeaksWithinFiveMillivoltsAfterSmoothing() throws Exception {
        DqdvSettings s = new DqdvSettings();
        s.window = 21;
        Result r = dqdv(cell(0.5e-3, 6000, 3), s); // 0.5 mV noise
        assertPeaks(r, 1, 5e-3);
    }

    @Test
    void evenWindowIsRejected() {
        DqdvSettings s = new DqdvSettings();
        s.window = 20;
        assertThrows(InvalidSettingsException.class, () -> new Dqdv().configure(new InputSpec(List.of(
                DataKind.CYCLER)), s));
    }

    @Test
    void voltageProfilesGiveCapacitiesAndHysteresis() throws Exception {
        VoltageProfilesSettings s = new VoltageProfilesSettings();
        s.cycles = "1-2";
        Table t = cell(0, 2000, 1);
        Result r = new VoltageProfiles().run(CyclerBuilder.inputs(t), s, Monitor.NONE);
        double total = 1000 * (charge(4.2) - charge(3.0));
        assertEquals(total, r.metrics().get("cycle.2.charge.capacity").value(), 1e-9);
        assertEquals(total, r.metrics().get("cycle.1.discharge.capacity").value(), 1e-9);
        // The discharge curve is the charge curve 30 mV lower: mean voltages differ by 30 mV (trapezoid error only).
        assertEquals(SHIFT, r.metrics().get("cycle.1.hysteresis").value(), 1e-5);
        Table profiles = r.tables().get("profiles");
        assertEquals(4 * 2001, profiles.rowCount());
        assertEquals(4, r.figures().get(0).series().size());
    }
}
