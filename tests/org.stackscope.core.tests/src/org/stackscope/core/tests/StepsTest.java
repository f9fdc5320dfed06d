package org.stackscope.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.CyclerColumns.StepType;
import org.stackscope.core.model.Steps;
import org.stackscope.core.model.Table;

class StepsTest {

    /** Two cycles of charge / rest / discharge at ±1 A, 10 s per step, one row per second. */
    private static Table twoCycles() {
        int n = 60;
        double[] t = new double[n];
        double[] v = new double[n];
        double[] i = new double[n];
        double[] pattern = { 1, 0, -1 };
        for (int k = 0; k < n; k++) {
            t[k] = k;
            i[k] = pattern[(k / 10) % 3];
            v[k] = 3.5 + 0.01 * (k % 10) * i[k];
        }
        return new Table(DataKind.CYCLER, List.of(new Column(CyclerColumns.TIME, "s", t),
                new Column(CyclerColumns.VOLTAGE, "V", v), new Column(CyclerColumns.CURRENT, "A", i)), Map.of());
    }

    @Test
    void stepsTypesAndCyclesAreDerivedFromTheCurrent() {
        Table steps = Steps.summarize(twoCycles());
        assertEquals(6, steps.rowCount());
        assertArrayEquals(new double[] { 1, 2, 3, 4, 5, 6 }, steps.column(CyclerColumns.STEP).values());
        assertArrayEquals(new double[] { 1, 1, 1, 2, 2, 2 }, steps.column(CyclerColumns.CYCLE).values());
        double[] types = steps.column(CyclerColumns.STEP_TYPE).values();
        assertEquals(StepType.CHARGE, StepType.of(types[0]));
        assertEquals(StepType.REST, StepType.of(types[1]));
        assertEquals(StepType.DISCHARGE, StepType.of(types[2]));
        // 10 rows one second apart at 1 A integrate over 9 s: 9 As = 0.0025 Ah.
        assertEquals(9.0 / 3600, steps.column("capacity_Ah").get(0), 1e-15);
        assertEquals(0, steps.column("capacity_Ah").get(1), 0);
        assertEquals(-1, steps.column("mean_current_A").get(2), 1e-15);
    }

    @Test
    void completeTablesAreReturnedUnchanged() {
        Table full = Steps.withSteps(twoCycles());
        assertSame(full, Steps.withSteps(full));
    }
}
