package org.stackscope.analysis.electrochem;

import java.util.ArrayList;
import java.util.List;

import org.stackscope.core.api.Analysis;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.FigureSpec;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Metric;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.OutputSpec;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.Table;

/**
 * Per-cycle capacities, Coulombic efficiency, energies and mean voltages of a cycler table, retention against a
 * reference cycle, the capacity-fade rate per cycle and a change point where fade turns into collapse.
 * <p>
 * A cycle is one "in" half-cycle followed by one "out" half-cycle: charge then discharge for a cathode or full cell,
 * discharge (lithiation) then charge for an anode against lithium ({@link Electrode}). Half-cycles are paired in time
 * order, independent of how the cycler numbers cycles; an "out" half-cycle with no "in" before it (a test that
 * starts the other way round) and a trailing unpaired "in" are left out and noted. The reversible capacity — the
 * "out" capacity — is what retention and fade refer to. Mean voltages are energy / capacity of each half-cycle.
 * Metrics: {@code capacity.first} (cycle 1), {@code capacity.reference}, {@code capacity.last}, {@code
 * capacity.retention} (at {@code retentionCycle} against {@code referenceCycle}), {@code ce.first}, {@code ce.mean}
 * (from {@code ceFromCycle}, with its standard error), {@code energy.first} (reversible energy of cycle 1),
 * {@code voltage.charge.mean} and {@code voltage.discharge.mean} (cycle 1), {@code fade.rate} (loss per cycle before
 * the change point, or over all cycles from the reference on), {@code fade.change_cycle} (first cycle of the fast
 * segment; for a kink, the kink cycle; NaN when none) and {@code fade.rate_after}.
 */
public final class CyclingSummary implements Analysis<CyclingSummarySettings> {

    @Override
    public OutputSpec configure(InputSpec inputs, CyclingSummarySettings s) throws InvalidSettingsException {
        requireOneCycler(inputs, "cycling-summary");
        if (s.electrode == Electrode.UNSET) {
            throw new InvalidSettingsException("cycling-summary: set electrode=CATHODE (CE = discharge/charge, also "
                    + "for full cells) or electrode=ANODE (CE = charge/discharge, anode vs Li); there is no default");
        }
        return new OutputSpec(List.of("cycles", "capacity.first", "capacity.reference", "capacity.last",
                "capacity.retention", "ce.first", "ce.mean", "energy.first", "voltage.charge.mean",
                "voltage.discharge.mean", "fade.rate", "fade.change_cycle", "fade.rate_after"), List.of("cycles"),
                List.of("capacity", "coulombic-efficiency"));
    }

    static void requireOneCycler(InputSpec inputs, String id) throws InvalidSettingsException {
        if (inputs.kinds().size() != 1 || inputs.kinds().get(0) != DataKind.CYCLER) {
            throw new InvalidSettingsException(id + " takes exactly one cycler table, not " + inputs.kinds());
        }
    }

    @Override
    public Result run(Inputs inputs, CyclingSummarySettings s, Monitor monitor) throws AnalysisException {
        CyclerRecords records = CyclerRecords.of(inputs);
        monitor.checkCanceled();
        HalfCycles h = HalfCycles.of(records);
        monitor.checkCanceled();
        boolean inIsCharge = s.electrode == Electrode.CATHODE;
        Result result = new Result();

        // Pair each "in" half-cycle with the next "out" one.
        List<int[]> pairs = new ArrayList<>();
        int skippedLeading = 0;
        int i = 0;
        while (i < h.count && h.charge[i] != inIsCharge) {
            skippedLeading++;
            i++;
        }
        for (; i + 1 < h.count; i += 2) {
            pairs.add(new int[] { i, i + 1 });
        }
        boolean trailing = i < h.count;
        if (pairs.isEmpty()) {
            throw new AnalysisException(records.source + ": no complete " + (inIsCharge ? "charge-discharge"
                    : "discharge-charge") + " cycle (" + h.count + " half-cycles) for electrode=" + s.electrode);
        }
        if (skippedLeading > 0) {
            result.note("the test starts with " + (inIsCharge ? "a discharge" : "a charge")
                    + "; that half-cycle is not part of any cycle under electrode=" + s.electrode);
        }
        if (trailing) {
            result.note("the last " + (inIsCharge ? "charge" : "discharge") + " has no " + (inIsCharge ? "discharge"
                    : "charge") + " after it and is not counted as a cycle");
        }

        int n = pairs.size();
        boolean specific = s.activeMass_mg > 0;
        double toUnit = CycleSelection.mahPerAh(s.activeMass_mg);
        String unit = CycleSelection.capacityUnit(s.activeMass_mg);
        double[] cycle = new double[n];
        double[] cycleIndex = new double[n];
        double[] chargeAh = new double[n];
        double[] dischargeAh = new double[n];
        double[] chargeWh = new double[n];
        double[] dischargeWh = new double[n];
        double[] charge = new double[n];
        double[] discharge = new double[n];
        double[] reversible = new double[n];
        double[] ce = new double[n];
        double[] vCharge = new double[n];
        double[] vDischarge = new double[n];
        double[] energyEfficiency = new double[n];
        for (int k = 0; k < n; k++) {
            int in = pairs.get(k)[0];
            int out = pairs.get(k)[1];
            int c = inIsCharge ? in : out;
            int d = inIsCharge ? out : in;
            cycle[k] = k + 1;
            cycleIndex[k] = h.cycleIndex[in];
            chargeAh[k] = h.capacityAh[c];
            dischargeAh[k] = h.capacityAh[d];
            chargeWh[k] = h.energyWh[c];
            dischargeWh[k] = h.energyWh[d];
            charge[k] = chargeAh[k] * toUnit;
            discharge[k] = dischargeAh[k] * toUnit;
            reversible[k] = h.capacityAh[out] * toUnit;
            ce[k] = 100 * h.capacityAh[out] / h.capacityAh[in];
            vCharge[k] = chargeWh[k] / chargeAh[k];
            vDischarge[k] = dischargeWh[k] / dischargeAh[k];
            energyEfficiency[k] = 100 * h.energyWh[out] / h.energyWh[in];
        }
        if (s.referenceCycle > n) {
            throw new AnalysisException(records.source + ": referenceCycle=" + s.referenceCycle + " but the file has "
                    + n + " complete cycles");
        }
        if (s.retentionCycle > n) {
            throw new AnalysisException(records.source + ": retentionCycle=" + s.retentionCycle + " but the file has "
                    + n + " complete cycles");
        }
        int ref = s.referenceCycle - 1;
        int ret = s.retentionCycle == 0 ? n - 1 : s.retentionCycle - 1;
        double[] retention = new double[n];
        for (int k = 0; k < n; k++) {
            retention[k] = 100 * reversible[k] / reversible[ref];
        }

        result.metric("cycles", n, "");
        result.metric("capacity.first", reversible[0], unit);
        result.metric("capacity.reference", reversible[ref], unit);
        result.metric("capacity.last", reversible[n - 1], unit);
        result.metric("capacity.retention", retention[ret], "%");
        result.metric("ce.first", ce[0], "%");
        result.metric("ce.mean", meanWithStandardError(ce, s.ceFromCycle - 1, "%"));
        result.metric("energy.first", 1000 * h.energyWh[pairs.get(0)[1]], "mWh");
        result.metric("voltage.charge.mean", vCharge[0], "V");
        result.metric("voltage.discharge.mean", vDischarge[0], "V");
        addFade(result, cycle, reversible, ref, s.minSegment, unit);

        List<Column> columns = new ArrayList<>(List.of(new Column("cycle", "", cycle),
                new Column("cycle_index", "", cycleIndex), new Column("charge_capacity_Ah", "Ah", chargeAh),
                new Column("discharge_capacity_Ah", "Ah", dischargeAh)));
        if (specific) {
            columns.add(new Column("charge_capacity_mAh_g", "mAh/g", charge));
            columns.add(new Column("discharge_capacity_mAh_g", "mAh/g", discharge));
        }
        columns.addAll(List.of(new Column("coulombic_efficiency", "%", ce),
                new Column("charge_energy_Wh", "Wh", chargeWh), new Column("discharge_energy_Wh", "Wh", dischargeWh),
                new Column("energy_efficiency", "%", energyEfficiency),
                new Column("mean_charge_voltage_V", "V", vCharge),
                new Column("mean_discharge_voltage_V", "V", vDischarge), new Column("retention", "%", retention)));
        result.table("cycles", Table.of(columns));
        result.figure(new FigureSpec("capacity", "Capacity per cycle", FigureSpec.Type.SCATTER, "Cycle",
                "Capacity (" + unit + ")", List.of(new FigureSpec.Series("charge", cycle, charge),
                        new FigureSpec.Series("discharge", cycle, discharge))));
        result.figure(new FigureSpec("coulombic-efficiency", "Coulombic efficiency (" + s.electrode.name()
                .toLowerCase(java.util.Locale.ROOT) + " convention)", FigureSpec.Type.SCATTER, "Cycle",
                "Coulombic efficiency (%)", List.of(new FigureSpec.Series("CE", cycle, ce))));
        return result;
    }

    /** Fade rate (loss per cycle, positive when capacity falls) from the reference cycle on, and a change point. */
    private static void addFade(Result result, double[] cycle, double[] capacity, int ref, int minSegment,
            String unit) {
        double[] x = java.util.Arrays.copyOfRange(cycle, ref, cycle.length);
        double[] y = java.util.Arrays.copyOfRange(capacity, ref, capacity.length);
        String perCycle = unit + "/cycle";
        if (x.length < 3) {
            result.metric("fade.rate", Double.NaN, perCycle);
            result.metric("fade.change_cycle", Double.NaN, "");
            result.metric("fade.rate_after", Double.NaN, perCycle);
            result.note("fewer than 3 cycles from the reference cycle on: no fade rate");
            return;
        }
        ChangePoint cp = ChangePoint.detect(x, y, minSegment);
        LineFit before = cp.before();
        result.metric("fade.rate", new Metric(-before.b(), perCycle, before.seB()));
        if (cp.found()) {
            result.metric("fade.change_cycle", x[cp.split()], "");
            result.metric("fade.rate_after", new Metric(-cp.after().b(), perCycle, cp.after().seB()));
        } else {
            result.metric("fade.change_cycle", Double.NaN, "");
            result.metric("fade.rate_after", Double.NaN, perCycle);
        }
    }

    /** Mean of values[from..] with its standard error (NaN when fewer than two values). */
    static Metric meanWithStandardError(double[] values, int from, String unit) {
        int n = values.length - from;
        if (n < 1) {
            return new Metric(Double.NaN, unit, Double.NaN);
        }
        double mean = 0;
        for (int k = from; k < values.length; k++) {
            mean += values[k];
        }
        mean /= n;
        double ss = 0;
        for (int k = from; k < values.length; k++) {
            ss += (values[k] - mean) * (values[k] - mean);
        }
        return new Metric(mean, unit, n > 1 ? Math.sqrt(ss / (n - 1) / n) : Double.NaN);
    }
}
