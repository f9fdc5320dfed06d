package org.stackscope.analysis.electrochem.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.stackscope.analysis.electrochem.CyclingSummary;
import org.stackscope.analysis.electrochem.CyclingSummarySettings;
import org.stackscope.analysis.electrochem.Electrode;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.Table;

class CyclingSummaryTest {

    static final double MASS_MG = 10;
    static final double CURRENT = 1e-3; // 1 mA

    /**
     * Cathode cycling at ±1 mA: charge from 3.6 to 4.2 V and discharge from 4.1 to 3.5 V, both linear in time (mean
     * voltages 3.9 and 3.8 V exactly), a 10-min rest after each half-cycle.
     */
    static Table cathode(int cycles, IntToDoubleFunction dischargeMahG, IntToDoubleFunction ce) {
        CyclerBuilder b = new CyclerBuilder();
        for (int c = 1; c <= cycles; c++) {
            double qDis = dischargeMahG.applyAsDouble(c) * MASS_MG / 1000 / 1000; // Ah
            double qCh = qDis / ce.applyAsDouble(c);
            b.segment(CURRENT, qCh / CURRENT * 3600, 60, f -> 3.6 + 0.6 * f);
            b.rest(600, 60, 4.15);
            b.segment(-CURRENT, qDis / CURRENT * 3600, 60, f -> 4.1 - 0.6 * f);
            b.rest(600, 60, 3.55);
        }
        return b.table();
    }

    static Result run(Table t, Electrode electrode) throws Exception {
        CyclingSummarySettings s = new CyclingSummarySettings();
        s.electrode = electrode;
        s.activeMass_mg = MASS_MG;
        new CyclingSummary().configure(new InputSpec(List.of(DataKind.CYCLER)), s);
        return new CyclingSummary().run(CyclerBuilder.inputs(t), s, Monitor.NONE);
    }

    static double metric(Result r, String name) {
        return r.metrics().get(name).value();
    }

    @Test
    void fadeThenCollapseGivesCapacitiesEfficiencyRateAndChangePoint() throws Exception {
        // 200 mAh/g falling 1 mAh/g per cycle up to cycle 34, then 8 mAh/g per cycle (collapse from cycle 35).
        IntToDoubleFunction q = c -> c <= 34 ? 200 - (c - 1) : 167 - 8 * (c - 34);
        IntToDoubleFunction ce = c -> c == 1 ? 0.85 : 0.99;
        Result r = run(cathode(50, q, ce), Electrode.CATHODE);
        assertEquals(50, metric(r, "cycles"));
        assertEquals(200, metric(r, "capacity.first"), 1e-9);
        assertEquals("mAh/g", r.metrics().get("capacity.first").unit());
        assertEquals(q.applyAsDouble(50), metric(r, "capacity.last"), 1e-9);
        assertEquals(100 * q.applyAsDouble(50) / 200, metric(r, "capacity.retention"), 1e-9);
        assertEquals(85, metric(r, "ce.first"), 1e-9);
        assertEquals(99, metric(r, "ce.mean"), 1e-9);
        assertEquals(3.9, metric(r, "voltage.charge.mean"), 1e-12);
        assertEquals(3.8, metric(r, "voltage.discharge.mean"), 1e-12);
        assertEquals(200 * MASS_MG / 1000 * 3.8, metric(r, "energy.first"), 1e-9); // mWh
        assertEquals(1.0, metric(r, "fade.rate"), 1e-9);
        assertEquals(34, metric(r, "fade.change_cycle")); // the kink: last cycle of the slow line, first of the fast
        assertEquals(8.0, metric(r, "fade.rate_after"), 1e-9);
        Table cycles = r.tables().get("cycles");
        assertEquals(200 / 0.85, cycles.column("charge_capacity_mAh_g").get(0), 1e-9);
        assertEquals(200e-3 * MASS_MG / 1000 / 0.85, cycles.column("charge_capacity_Ah").get(0), 1e-15);
    }

    @Test
    void noisyFadeFindsTheCollapseBetweenCycles30And40() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        double[] noise = random.doubles(61).map(u -> 0.5 * (u - 0.5) * Math.sqrt(12)).toArray(); // sd 0.5 mAh/g
        IntToDoubleFunction q = c -> (c <= 34 ? 200 - (c - 1) : 167 - 8 * (c - 34)) + noise[c];
        Result r = run(cathode(50, q, c -> 0.99), Electrode.CATHODE);
        double change = metric(r, "fade.change_cycle");
        assertTrue(change >= 33 && change <= 37, "change point " + change);
        assertEquals(1.0, metric(r, "fade.rate"), 0.1);
        assertEquals(8.0, metric(r, "fade.rate_after"), 1.0);
    }

    @Test
    void seedFullCellRetentionAndMeanEfficiency() throws Exception {
        // The full-cell seed: 80.9 % retention after 100 cycles, mean CE 98.86 %; a steady fade has no change point.
        IntToDoubleFunction q = c -> 180 * (1 - 0.191 * (c - 1) / 99.0);
        IntToDoubleFunction ce = c -> c == 1 ? 0.80 : 0.9886 + (c % 2 == 0 ? 0.001 : -0.001);
        Result r = run(cathode(101, q, ce), Electrode.CATHODE);
        CyclingSummarySettings s = new CyclingSummarySettings();
        assertEquals(2, s.ceFromCycle);
        assertEquals(80.9, r.tables().get("cycles").column("retention").get(99), 1e-9);
        assertEquals(98.86, metric(r, "ce.mean"), 1e-9);
        assertTrue(Double.isNaN(metric(r, "fade.change_cycle")));
        assertEquals(180 * 0.191 / 99, metric(r, "fade.rate"), 1e-9);
    }

    @Test
    void anodeConventionPairsLithiationWithTheFollowingDelithiation() throws Exception {
        // Graphite vs Li: discharge (lithiation) first. Derived cycle numbers start a new cycle at every charge after a
        // discharge, so lithiation and delithiation fall into different table cycles; pairing must not care.
        CyclerBuilder b = new CyclerBuilder();
        double[] lith = { 1.2e-3, 1.0e-3, 0.98e-3 };
        double[] delith = { 0.96e-3, 0.97e-3, 0.97e-3 };
        for (int c = 0; c < 3; c++) {
            b.segment(-CURRENT, lith[c] / CURRENT * 3600, 30, f -> 0.8 - 0.79 * f);
            b.segment(CURRENT, delith[c] / CURRENT * 3600, 30, f -> 0.05 + 0.9 * f);
        }
        Result r = run(b.table(), Electrode.ANODE);
        assertEquals(3, metric(r, "cycles"));
        assertEquals(80, metric(r, "ce.first"), 1e-9);
        assertEquals(100 * (0.97 / 1.0 + 0.97 / 0.98) / 2, metric(r, "ce.mean"), 1e-9);
        assertEquals(96, metric(r, "capacity.first"), 1e-9); // delithiation mAh/g
        // The same file read as a cathode skips the leading discharge and says so.
        Result asCathode = run(b.table(), Electrode.CATHODE);
        assertEquals(2, metric(asCathode, "cycles"));
        assertTrue(asCathode.notes().stream().anyMatch(n -> n.contains("starts with a discharge")));
    }

    @Test
    void vendorStepColumnsAreUsedAsGiven() throws Exception {
        Table plain = cathode(3, c -> 150, c -> 0.95);
        Table derived = org.stackscope.core.model.Steps.withSteps(plain);
        Table vendor = new Table(DataKind.CYCLER, derived.columns(), Map.of("vendor", "yes"));
        assertEquals(metric(run(plain, Electrode.CATHODE), "ce.mean"), metric(run(vendor, Electrode.CATHODE),
                "ce.mean"), 0);
    }

    @Test
    void referenceAndRetentionCyclesAreSettings() throws Exception {
        IntToDoubleFunction q = c -> 210 - 2 * c;
        CyclingSummarySettings s = new CyclingSummarySettings();
        s.electrode = Electrode.CATHODE;
        s.referenceCycle = 2;
        s.retentionCycle = 10;
        Table t = cathode(12, q, c -> 0.98);
        Result r = new CyclingSummary().run(CyclerBuilder.inputs(t), s, Monitor.NONE);
        assertEquals(2.08, metric(r, "capacity.first"), 1e-12, "without a mass in mAh: 208 mAh/g x 10 mg");
        assertEquals("mAh", r.metrics().get("capacity.first").unit());
        assertEquals(100 * 190.0 / 206, metric(r, "capacity.retention"), 1e-9);
        assertEquals(2.06, metric(r, "capacity.reference"), 1e-12);
        s.retentionCycle = 13;
        AnalysisException e = assertThrows(AnalysisException.class, () -> new CyclingSummary().run(
                CyclerBuilder.inputs(t), s, Monitor.NONE));
        assertTrue(e.getMessage().contains("12 complete cycles"), e.getMessage());
    }

    @Test
    void electrodeMustBeChosen() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> new CyclingSummary()
                .configure(new InputSpec(List.of(DataKind.CYCLER)), new CyclingSummarySettings()));
        assertTrue(e.getMessage().contains("electrode=CATHODE"), e.getMessage());
    }

    @Test
    void timeGoingBackIsReportedWithItsRow() {
        Table t = new Table(DataKind.CYCLER, List.of(new Column(CyclerColumns.TIME, "s", new double[] { 0, 10, 5 }),
                new Column(CyclerColumns.VOLTAGE, "V", new double[] { 3, 3, 3 }),
                new Column(CyclerColumns.CURRENT, "A", new double[] { 1, 1, 1 })), Map.of());
        AnalysisException e = assertThrows(AnalysisException.class, () -> run(t, Electrode.CATHODE));
        assertTrue(e.getMessage().contains("synthetic0.csv: row 3"), e.getMessage());
    }

    @Test
    void missingColumnIsReported() {
        Table t = new Table(DataKind.CYCLER, List.of(new Column(CyclerColumns.TIME, "s", new double[] { 0, 1 }),
                new Column(CyclerColumns.CURRENT, "A", new double[] { 1, 1 })), Map.of());
        AnalysisException e = assertThrows(AnalysisException.class, () -> run(t, Electrode.CATHODE));
        assertTrue(e.getMessage().contains("voltage_V"), e.getMessage());
    }
}
