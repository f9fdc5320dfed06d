package org.stackscope.io.cycler.neware;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stackscope.core.api.DataKind;
import org.stackscope.core.io.ColumnBuffer;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.Steps;
import org.stackscope.core.model.Table;

/**
 * Records as Neware stores them (record index, vendor units mA/mAh/mWh), collected by the .nda/.ndax readers and
 * turned into one cycler {@link Table}: ordered by record index with repeated indices dropped (the first kept, as
 * BTSDA does), a running step number counted from changes of the vendor's step key, step types from the status
 * codes, cycles by the Stackscope convention ({@link Steps}), and auxiliary channels joined on the record index.
 */
final class NewareRecords {

    private final ColumnBuffer index;
    private final ColumnBuffer cycle;
    /** Changes of this value start a new step (vendor step number, or step id with status). */
    private final ColumnBuffer stepKey;
    private final ColumnBuffer stepNumber;
    private final ColumnBuffer status;
    private final ColumnBuffer time;
    private final ColumnBuffer voltage;
    private final ColumnBuffer currentMilliamp;
    private final ColumnBuffer chargeMah;
    private final ColumnBuffer dischargeMah;
    private final ColumnBuffer chargeMwh;
    private final ColumnBuffer dischargeMwh;
    private final ColumnBuffer timestamp;
    private final Map<String, Aux> aux = new LinkedHashMap<>();

    /** One auxiliary quantity (temperature, voltage, humidity) of one channel, keyed by record index. */
    private record Aux(String name, String unit, ColumnBuffer index, ColumnBuffer value) {
    }

    NewareRecords(int expected) {
        index = new ColumnBuffer(expected);
        cycle = new ColumnBuffer(expected);
        stepKey = new ColumnBuffer(expected);
        stepNumber = new ColumnBuffer(expected);
        status = new ColumnBuffer(expected);
        time = new ColumnBuffer(expected);
        voltage = new ColumnBuffer(expected);
        currentMilliamp = new ColumnBuffer(expected);
        chargeMah = new ColumnBuffer(expected);
        dischargeMah = new ColumnBuffer(expected);
        chargeMwh = new ColumnBuffer(expected);
        dischargeMwh = new ColumnBuffer(expected);
        timestamp = new ColumnBuffer(expected);
    }

    int size() {
        return index.size();
    }

    /** Appends one record; capacities in mAh, energies in mWh, current in mA, timestamp in Unix seconds or NaN. */
    void add(double idx, double cyc, double key, double stepNo, double stat, double t, double v, double iMa,
            double qc, double qd, double ec, double ed, double stamp) {
        index.add(idx);
        cycle.add(cyc);
        stepKey.add(key);
        stepNumber.add(stepNo);
        status.add(stat);
        time.add(t);
        voltage.add(v);
        currentMilliamp.add(iMa);
        chargeMah.add(qc);
        dischargeMah.add(qd);
        chargeMwh.add(ec);
        dischargeMwh.add(ed);
        timestamp.add(stamp);
    }

    /** Adds an auxiliary value, e.g. quantity "T" of channel "2" in °C becomes column aux_T2_degC. */
    void addAux(String quantity, String channel, String unit, double recordIndex, double value) {
        String name = "aux_" + quantity + channel + "_" + unit;
        aux.computeIfAbsent(name, n -> new Aux(n, unit, new ColumnBuffer(1024), new ColumnBuffer(1024)));
        Aux a = aux.get(name);
        a.index().add(recordIndex);
        a.value().add(value);
    }

    Table toTable(Map<String, String> metadata) {
        int[] rows = orderedUniqueRows(index);
        int n = rows.length;
        double[] stepIndex = new double[n];
        double[] stepType = new double[n];
        int step = 0;
        for (int k = 0; k < n; k++) {
            if (k == 0 || stepKey.get(rows[k]) != stepKey.get(rows[k - 1])) {
                step++;
            }
            stepIndex[k] = step;
            NewareStatus s = NewareStatus.of((int) status.get(rows[k]));
            stepType[k] = (s == null ? CyclerColumns.StepType.OTHER : s.stepType()).code();
        }
        List<Column> columns = new ArrayList<>();
        double[] stepTime = pick(time, rows, 1);
        columns.add(new Column(CyclerColumns.TIME, "s", testTime(stepTime)));
        double[] stamps = pick(timestamp, rows, 1);
        if (n > 0 && Arrays.stream(stamps).allMatch(Double::isFinite)) {
            columns.add(new Column(CyclerColumns.TIMESTAMP, "s", stamps));
        }
        columns.add(new Column(CyclerColumns.VOLTAGE, "V", pick(voltage, rows, 1)));
        columns.add(new Column(CyclerColumns.CURRENT, "A", pick(currentMilliamp, rows, 1e-3)));
        columns.add(new Column(CyclerColumns.CHARGE_CAPACITY, "Ah", pick(chargeMah, rows, 1e-3)));
        columns.add(new Column(CyclerColumns.DISCHARGE_CAPACITY, "Ah", pick(dischargeMah, rows, 1e-3)));
        columns.add(new Column(CyclerColumns.CHARGE_ENERGY, "Wh", pick(chargeMwh, rows, 1e-3)));
        columns.add(new Column(CyclerColumns.DISCHARGE_ENERGY, "Wh", pick(dischargeMwh, rows, 1e-3)));
        columns.add(new Column(CyclerColumns.STEP, "", stepIndex));
        columns.add(new Column(CyclerColumns.STEP_TYPE, "", stepType));
        boolean temperature = false;
        for (Aux a : aux.values()) {
            double[] values = join(a, rows);
            if (!temperature && a.name().startsWith("aux_T") && a.unit().equals("degC")) {
                columns.add(new Column(CyclerColumns.TEMPERATURE, "degC", values));
                temperature = true;
            }
            columns.add(new Column(a.name(), a.unit(), values));
        }
        columns.add(new Column("step_time_s", "s", stepTime));
        columns.add(new Column("neware_record_index", "", pick(index, rows, 1)));
        columns.add(new Column("neware_cycle", "", pick(cycle, rows, 1)));
        columns.add(new Column("neware_step_number", "", pick(stepNumber, rows, 1)));
        columns.add(new Column("neware_status", "", pick(status, rows, 1)));
        Map<String, String> meta = new LinkedHashMap<>(metadata);
        if (!meta.containsKey("start_time") && columns.get(1).name().equals(CyclerColumns.TIMESTAMP)) {
            meta.put("start_time", java.time.Instant.ofEpochMilli(Math.round(stamps[0] * 1000)).toString());
        }
        meta.put("neware_status_codes", statusLegend());
        meta.put("cycle_index", "derived: a cycle starts at each charge step after a discharge (Neware's "
                + "\"charge first\" statistic); the recorded cycle is neware_cycle");
        return Steps.withSteps(new Table(DataKind.CYCLER, columns, meta));
    }

    /**
     * Neware logs the time since the start of the step; the test time adds, at every reset, the previous record's
     * test time (clocks that never reset pass through unchanged).
     */
    static double[] testTime(double[] stepTime) {
        double[] total = new double[stepTime.length];
        double offset = 0;
        for (int i = 0; i < total.length; i++) {
            if (i > 0 && stepTime[i] < stepTime[i - 1]) {
                offset = total[i - 1];
            }
            total[i] = offset + stepTime[i];
        }
        return total;
    }

    private static String statusLegend() {
        StringBuilder sb = new StringBuilder();
        for (NewareStatus s : NewareStatus.values()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(s.code).append('=').append(s.label);
        }
        return sb.toString();
    }

    /**
     * Rows in record-index order, each index once (its first occurrence in the file). Sorting packs (index, row) in
     * one long: indices are unsigned 32-bit and rows below 2^31, so the key fits a signed long exactly.
     */
    static int[] orderedUniqueRows(ColumnBuffer index) {
        int n = index.size();
        long[] keys = new long[n];
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) index.get(i) << 31) | i;
            sorted &= i == 0 || keys[i] > keys[i - 1];
        }
        if (!sorted) {
            Arrays.sort(keys);
        }
        int[] rows = new int[n];
        int m = 0;
        long previous = -1;
        for (long key : keys) {
            long idx = key >>> 31;
            if (idx != previous) {
                rows[m++] = (int) (key & Integer.MAX_VALUE);
                previous = idx;
            }
        }
        return Arrays.copyOf(rows, m);
    }

    private static double[] pick(ColumnBuffer column, int[] rows, double factor) {
        double[] out = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = column.get(rows[k]) * factor;
        }
        return out;
    }

    /** Auxiliary values at the records' indices (NaN where the channel has no value). */
    private double[] join(Aux a, int[] rows) {
        int[] auxRows = orderedUniqueRows(a.index());
        double[] auxIndex = pick(a.index(), auxRows, 1);
        double[] out = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            int at = Arrays.binarySearch(auxIndex, index.get(rows[k]));
            out[k] = at >= 0 ? a.value().get(auxRows[at]) : Double.NaN;
        }
        return out;
    }
}
