package org.stackscope.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stackscope.core.model.CyclerColumns.StepType;

/**
 * Step bookkeeping of cycler tables, shared by importers (vendors that log no steps) and analyses (per-step
 * capacities). A step is a run of rows with one step number; its type follows the vendor when given, otherwise the
 * sign of the mean current (|I| below {@code restFraction} of the largest |I| is rest). A cycle starts at every charge
 * step that follows a discharge, the common convention for cells assembled discharged (cathode first charged).
 */
public final class Steps {

    /** Relative current below which a step counts as rest. */
    public static final double REST_FRACTION = 1e-3;

    private Steps() {
    }

    /**
     * The records with {@link CyclerColumns#STEP}, {@link CyclerColumns#STEP_TYPE} and {@link CyclerColumns#CYCLE}
     * present: vendor columns are kept, missing ones derived. Returns the same table when nothing is missing.
     */
    public static Table withSteps(Table records) {
        boolean hasStep = records.hasColumn(CyclerColumns.STEP);
        boolean hasType = records.hasColumn(CyclerColumns.STEP_TYPE);
        boolean hasCycle = records.hasColumn(CyclerColumns.CYCLE);
        if (hasStep && hasType && hasCycle) {
            return records;
        }
        int n = records.rowCount();
        double[] current = records.column(CyclerColumns.CURRENT).values();
        double restCurrent = REST_FRACTION * maxAbs(current);
        double[] step = hasStep ? records.column(CyclerColumns.STEP).values() : new double[n];
        double[] type = hasType ? records.column(CyclerColumns.STEP_TYPE).values() : new double[n];
        if (!hasStep) {
            int s = 0;
            StepType previous = null;
            for (int i = 0; i < n; i++) {
                StepType t = hasType ? StepType.of(type[i]) : typeOf(current[i], restCurrent);
                if (t != previous) {
                    s++;
                    previous = t;
                }
                step[i] = s;
            }
        }
        if (!hasType) {
            for (int[] range : ranges(step)) {
                double sum = 0;
                for (int i = range[0]; i < range[1]; i++) {
                    sum += current[i];
                }
                double code = typeOf(sum / (range[1] - range[0]), restCurrent).code();
                for (int i = range[0]; i < range[1]; i++) {
                    type[i] = code;
                }
            }
        }
        double[] cycle = hasCycle ? records.column(CyclerColumns.CYCLE).values() : cycles(step, type);
        List<Column> columns = new ArrayList<>(records.columns());
        if (!hasStep) {
            columns.add(new Column(CyclerColumns.STEP, "", step));
        }
        if (!hasType) {
            columns.add(new Column(CyclerColumns.STEP_TYPE, "", type));
        }
        if (!hasCycle) {
            columns.add(new Column(CyclerColumns.CYCLE, "", cycle));
        }
        return new Table(records.kind(), columns, records.metadata());
    }

    /**
     * One row per step: step_index, cycle_index, step_type, start_s, end_s, duration_s, start_voltage_V,
     * end_voltage_V, mean_current_A, capacity_Ah and energy_Wh (both from trapezoidal integration of |I| and |I·V|
     * over time, so they do not depend on how a vendor resets its counters), first_row and last_row.
     */
    public static Table summarize(Table records) {
        Table r = withSteps(records);
        double[] t = r.column(CyclerColumns.TIME).values();
        double[] v = r.column(CyclerColumns.VOLTAGE).values();
        double[] current = r.column(CyclerColumns.CURRENT).values();
        double[] step = r.column(CyclerColumns.STEP).values();
        double[] type = r.column(CyclerColumns.STEP_TYPE).values();
        double[] cycle = r.column(CyclerColumns.CYCLE).values();
        List<int[]> ranges = ranges(step);
        int m = ranges.size();
        String[] names = { CyclerColumns.STEP, CyclerColumns.CYCLE, CyclerColumns.STEP_TYPE, "start_s", "end_s",
                "duration_s", "start_voltage_V", "end_voltage_V", "mean_current_A", "capacity_Ah", "energy_Wh",
                "first_row", "last_row" };
        String[] units = { "", "", "", "s", "s", "s", "V", "V", "A", "Ah", "Wh", "", "" };
        double[][] out = new double[names.length][m];
        for (int k = 0; k < m; k++) {
            int a = ranges.get(k)[0];
            int b = ranges.get(k)[1] - 1;
            double charge = 0;
            double energy = 0;
            double weighted = 0;
            for (int i = a; i < b; i++) {
                double dt = t[i + 1] - t[i];
                charge += 0.5 * (Math.abs(current[i]) + Math.abs(current[i + 1])) * dt;
                energy += 0.5 * (Math.abs(current[i] * v[i]) + Math.abs(current[i + 1] * v[i + 1])) * dt;
                weighted += 0.5 * (current[i] + current[i + 1]) * dt;
            }
            double duration = t[b] - t[a];
            double[] row = { step[a], cycle[a], type[a], t[a], t[b], duration, v[a], v[b],
                    duration > 0 ? weighted / duration : current[a], charge / 3600, energy / 3600, a, b };
            for (int c = 0; c < names.length; c++) {
                out[c][k] = row[c];
            }
        }
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < names.length; c++) {
            columns.add(new Column(names[c], units[c], out[c]));
        }
        Map<String, String> metadata = new LinkedHashMap<>(records.metadata());
        return new Table(org.stackscope.core.api.DataKind.TABLE, columns, metadata);
    }

    /** [first, end) row ranges of consecutive equal step numbers. */
    public static List<int[]> ranges(double[] step) {
        List<int[]> ranges = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= step.length; i++) {
            if (i == step.length || step[i] != step[start]) {
                ranges.add(new int[] { start, i });
                start = i;
            }
        }
        return ranges;
    }

    private static double[] cycles(double[] step, double[] type) {
        double[] cycle = new double[step.length];
        int c = 1;
        boolean dischargedInCycle = false;
        for (int[] range : ranges(step)) {
            StepType t = StepType.of(type[range[0]]);
            if (t == StepType.CHARGE && dischargedInCycle) {
                c++;
                dischargedInCycle = false;
            }
            if (t == StepType.DISCHARGE) {
                dischargedInCycle = true;
            }
            for (int i = range[0]; i < range[1]; i++) {
                cycle[i] = c;
            }
        }
        return cycle;
    }

    private static StepType typeOf(double current, double restCurrent) {
        if (Math.abs(current) <= restCurrent) {
            return StepType.REST;
        }
        return current > 0 ? StepType.CHARGE : StepType.DISCHARGE;
    }

    private static double maxAbs(double[] values) {
        double max = 0;
        for (double x : values) {
            if (Double.isFinite(x)) {
                max = Math.max(max, Math.abs(x));
            }
        }
        return max;
    }
}
