package org.stackscope.analysis.electrochem.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stackscope.analysis.electrochem.PressureEvolution;
import org.stackscope.analysis.electrochem.PressureEvolutionSettings;
import org.stackscope.analysis.electrochem.PressureEvolutionSettings.Alignment;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.Table;

/**
 * Ten cycles of 2 h charge, 0.5 h rest, 2 h discharge, 0.5 h rest. Stack pressure on the cycler clock:
 * p = 10 + 0.01·t/h + 0.5·SOC − R, where every rest relaxes the pressure by 0.05·(1 − e^{−τ/0.05 h}) and the loss
 * stays.
 * The load cell samples every 10 s on a clock 1000 s ahead of the cycler's.
 */
class PressureEvolutionTest {

    static final double CYCLE_S = 5 * 3600;
    static final double TAU_H = 0.05;

    static double soc(double t) {
        double u = ((t % CYCLE_S) + CYCLE_S) % CYCLE_S / 3600;
        return u < 2 ? u / 2 : u < 2.5 ? 1 : u < 4.5 ? 1 - (u - 2.5) / 2 : 0;
    }

    static double relaxed(double t) {
        double r = 0;
        for (int c = 0; c < 10; c++) {
            for (double restStart : new double[] { c * CYCLE_S + 7200, c * CYCLE_S + 4.5 * 3600 }) {
                if (t > restStart) {
                    double tau = Math.min(t - restStart, 1800) / 3600;
                    r += 0.05 * (1 - Math.exp(-tau / TAU_H));
                }
            }
        }
        return r;
    }

    static double pressure(double t) {
        return 10 + 0.01 * t / 3600 + 0.5 * soc(t) - relaxed(t);
    }

    static Table cycler(boolean timestamps) {
        CyclerBuilder b = new CyclerBuilder();
        for (int c = 0; c < 10; c++) {
            b.segment(1e-3, 7200, 60, f -> 3.6 + 0.5 * f);
            b.rest(1800, 60, 4.1);
            b.segment(-1e-3, 7200, 60, f -> 4.1 - 0.5 * f);
            b.rest(1800, 60, 3.6);
        }
        if (!timestamps) {
            return b.table();
        }
        double[] stamps = b.times();
        for (int i = 0; i < stamps.length; i++) {
            stamps[i] += 1.7e9;
        }
        return b.table(List.of(new Column(CyclerColumns.TIMESTAMP, "s", stamps)));
    }

    static Table log(boolean timestamps) {
        int n = (int) ((50 * 3600 + 1440) / 10) + 1;
        double[] t = new double[n];
        double[] p = new double[n];
        double[] stamps = new double[n];
        for (int i = 0; i < n; i++) {
            double cyclerTime = -720 + 10.0 * i;
            t[i] = cyclerTime + 1000;
            p[i] = pressure(cyclerTime);
            stamps[i] = 1.7e9 + cyclerTime;
        }
        List<Column> columns = new java.util.ArrayList<>(List.of(new Column(CyclerColumns.TIME, "s", t),
                new Column(CyclerColumns.PRESSURE, "MPa", p)));
        if (timestamps) {
            columns.add(new Column(CyclerColumns.TIMESTAMP, "s", stamps));
        }
        return new Table(DataKind.PRESSURE, columns, Map.of());
    }

    static Result run(PressureEvolutionSettings s, Table... tables) throws Exception {
        return new PressureEvolution().run(CyclerBuilder.inputs(tables), s, Monitor.NONE);
    }

    static void assertEvolution(Result r) {
        double restDelta = 0.01 * 0.5 - 0.05 * (1 - Math.exp(-0.5 / TAU_H));
        assertEquals(10, r.metrics().get("cycles").value());
        assertEquals(0.52, r.metrics().get("breathing.charge").value(), 1e-6);
        assertEquals(-0.48, r.metrics().get("breathing.discharge").value(), 1e-6);
        assertEquals(0.05 + 2 * restDelta - 0.01, r.metrics().get("drift.per_cycle").value(), 1e-6);
        assertEquals(restDelta, r.metrics().get("relaxation.delta").value(), 1e-6);
        // Half of the change: 0.01·τ − 0.05·(1 − e^{−τ/τ0}) = restDelta / 2, solved by bisection.
        double lo = 0;
        double hi = 0.5;
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (lo + hi);
            if (0.01 * mid - 0.05 * (1 - Math.exp(-mid / TAU_H)) > restDelta / 2) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        assertEquals(lo, r.metrics().get("relaxation.half_time").value(), 10 / 3600.0);
        assertEquals(20, r.tables().get("rests").rowCount());
    }

    @Test
    void breathingDriftAndRelaxationWithAGivenClockOffset() throws Exception {
        PressureEvolutionSettings s = new PressureEvolutionSettings();
        s.offset_s = -1000;
        assertEvolution(run(s, log(false), cycler(false)));
    }

    @Test
    void clocksAlignedByTimestamps() throws Exception {
        PressureEvolutionSettings s = new PressureEvolutionSettings();
        s.alignment = Alignment.TIMESTAMPS;
        assertEvolution(run(s, cycler(true), log(true)));
        AnalysisException e = assertThrows(AnalysisException.class, () -> run(s, log(false), cycler(true)));
        assertTrue(e.getMessage().contains("no timestamp_s"), e.getMessage());
    }

    @Test
    void pressureLogAlone() throws Exception {
        Table log = log(false);
        Result r = run(new PressureEvolutionSettings(), log);
        double[] p = log.column(CyclerColumns.PRESSURE).values();
        assertEquals(java.util.Arrays.stream(p).max().getAsDouble(), r.metrics().get("pressure.max").value(), 0);
        assertEquals(java.util.Arrays.stream(p).min().getAsDouble(), r.metrics().get("pressure.min").value(), 0);
        // Net drift: +0.01 MPa/h against 20 rests of about -0.05 MPa each over 50 h, i.e. about -0.01 MPa/h.
        assertEquals(-0.01, r.metrics().get("pressure.drift").value(), 0.003);
        assertTrue(r.notes().get(0).contains("no cycler table"));
        assertEquals(1, r.figures().size());
    }
}
