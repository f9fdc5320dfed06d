package org.stackscope.analysis.electrochem;

import java.util.Arrays;
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
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.CyclerColumns.StepType;
import org.stackscope.core.model.Steps;
import org.stackscope.core.model.Table;

/**
 * Stack pressure against time and, given the cycler table of the same cell, per cycle: time-weighted mean, minimum,
 * maximum, breathing (pressure change over each charge and each discharge half-cycle, the signature of electrode
 * volume change), drift of the cycle means, and relaxation during rests (pressure change over the rest and the time
 * to reach half of it). Pressure at any cycler time is linearly interpolated in the load-cell log; cycles or rests
 * outside the log are left out.
 */
public final class PressureEvolution implements Analysis<PressureEvolutionSettings> {

    @Override
    public OutputSpec configure(InputSpec inputs, PressureEvolutionSettings s) throws InvalidSettingsException {
        long pressure = inputs.kinds().stream().filter(k -> k == DataKind.PRESSURE).count();
        long cycler = inputs.kinds().stream().filter(k -> k == DataKind.CYCLER).count();
        if (pressure != 1 || cycler > 1 || pressure + cycler != inputs.kinds().size()) {
            throw new InvalidSettingsException("pressure-evolution takes one pressure log and optionally one cycler "
                    + "table, not " + inputs.kinds());
        }
        if (s.alignment == PressureEvolutionSettings.Alignment.TIMESTAMPS && cycler == 0) {
            throw new InvalidSettingsException("pressure-evolution: alignment=TIMESTAMPS needs a cycler table");
        }
        return new OutputSpec(List.of("pressure.mean", "pressure.min", "pressure.max", "pressure.drift", "cycles",
                "breathing.charge", "breathing.discharge", "breathing.amplitude", "drift.per_cycle",
                "relaxation.delta", "relaxation.half_time"), List.of("cycles", "rests"),
                List.of("pressure", "pressure-per-cycle"));
    }

    @Override
    public Result run(Inputs inputs, PressureEvolutionSettings s, Monitor monitor) throws AnalysisException {
        Inputs.Input log = inputs.all().stream().filter(i -> i.data().kind() == DataKind.PRESSURE).findFirst()
                .orElseThrow(() -> new AnalysisException("no pressure log among the inputs"));
        Table pressureTable = (Table) log.data();
        for (String name : new String[] { CyclerColumns.TIME, CyclerColumns.PRESSURE }) {
            if (!pressureTable.hasColumn(name)) {
                throw new AnalysisException(log.path() + ": the pressure log has no column " + name
                        + (name.equals(CyclerColumns.PRESSURE) ? " (import it with the cell area)" : ""));
            }
        }
        double[] tp = pressureTable.column(CyclerColumns.TIME).values();
        double[] p = pressureTable.column(CyclerColumns.PRESSURE).values();
        if (tp.length < 2) {
            throw new AnalysisException(log.path() + ": the pressure log has " + tp.length + " rows, needs 2");
        }
        for (int i = 0; i < tp.length; i++) {
            if (!Double.isFinite(tp[i]) || !Double.isFinite(p[i])) {
                throw new AnalysisException(log.path() + ": row " + (i + 1) + ": time or pressure is not a number");
            }
            if (i > 0 && tp[i] < tp[i - 1]) {
                throw new AnalysisException(log.path() + ": row " + (i + 1) + ": time goes back");
            }
        }
        CyclerRecords records = inputs.all().stream().anyMatch(i -> i.data().kind() == DataKind.CYCLER)
                ? CyclerRecords.of(inputs) : null;
        double offset = s.offset_s;
        if (s.alignment == PressureEvolutionSettings.Alignment.TIMESTAMPS) {
            offset += timestampOffset(log, pressureTable, records);
        }
        double[] t = tp.clone(); // moved onto the cycler's clock below
        for (int i = 0; i < t.length; i++) {
            t[i] += offset;
        }
        PressureLog plog = new PressureLog(t, p);
        Result result = new Result();
        result.metric("pressure.mean", plog.mean(t[0], t[t.length - 1]), "MPa");
        result.metric("pressure.min", Arrays.stream(p).min().getAsDouble(), "MPa");
        result.metric("pressure.max", Arrays.stream(p).max().getAsDouble(), "MPa");
        LineFit drift = LineFit.of(Series.scaled(t, 1 / 3600.0), p);
        result.metric("pressure.drift", new Metric(drift.b(), "MPa/h", drift.seB()));
        int[] idx = Series.decimatedIndices(t.length, Series.FIGURE_POINTS * 4);
        result.figure(new FigureSpec("pressure", "Stack pressure", FigureSpec.Type.LINE, "Time (h)",
                "Stack pressure (MPa)", List.of(new FigureSpec.Series("pressure",
                        Series.scaled(Series.pick(t, idx), 1 / 3600.0), Series.pick(p, idx)))));
        if (records == null) {
            result.note("no cycler table: per-cycle breathing, drift and relaxation need one");
            return result;
        }
        monitor.checkCanceled();
        perCycle(result, records, plog);
        monitor.checkCanceled();
        rests(result, records, plog, s.minRest_s);
        return result;
    }

    /** Offset that puts load-cell time onto cycler time through both tables' absolute timestamps. */
    private static double timestampOffset(Inputs.Input log, Table pressure, CyclerRecords records)
            throws AnalysisException {
        if (!pressure.hasColumn(CyclerColumns.TIMESTAMP)) {
            throw new AnalysisException(log.path() + ": alignment=TIMESTAMPS but the pressure log has no "
                    + CyclerColumns.TIMESTAMP + " column; give offset_s with alignment=OFFSET");
        }
        if (!records.table.hasColumn(CyclerColumns.TIMESTAMP)) {
            throw new AnalysisException(records.source + ": alignment=TIMESTAMPS but the cycler table has no "
                    + CyclerColumns.TIMESTAMP + " column; give offset_s with alignment=OFFSET");
        }
        double pressureEpoch = pressure.column(CyclerColumns.TIMESTAMP).get(0) - pressure.column(CyclerColumns.TIME)
                .get(0);
        double cyclerEpoch = records.table.column(CyclerColumns.TIMESTAMP).get(0) - records.time[0];
        return pressureEpoch - cyclerEpoch;
    }

    private static void perCycle(Result result, CyclerRecords r, PressureLog plog) {
        HalfCycles h = HalfCycles.of(r);
        int last = h.lastCycleIndex();
        DoubleList cyc = new DoubleList(), mean = new DoubleList(), min = new DoubleList(), max = new DoubleList();
        DoubleList dCharge = new DoubleList(), dDischarge = new DoubleList();
        for (int c = 1; c <= last; c++) {
            double start = Double.POSITIVE_INFINITY;
            double end = Double.NEGATIVE_INFINITY;
            double charge = 0;
            double discharge = 0;
            boolean covered = true;
            for (int k = 0; k < h.count; k++) {
                if (h.cycleIndex[k] != c) {
                    continue;
                }
                start = Math.min(start, h.startS[k]);
                end = Math.max(end, h.endS[k]);
                double delta = plog.at(h.endS[k]) - plog.at(h.startS[k]);
                covered &= !Double.isNaN(delta);
                if (h.charge[k]) {
                    charge += delta;
                } else {
                    discharge += delta;
                }
            }
            if (!covered || start >= end) {
                continue;
            }
            double[] range = plog.minMax(start, end);
            cyc.add(c);
            mean.add(plog.mean(start, end));
            min.add(range[0]);
            max.add(range[1]);
            dCharge.add(charge);
            dDischarge.add(discharge);
        }
        int n = cyc.size();
        result.metric("cycles", n, "");
        double[] amplitude = new double[n];
        for (int k = 0; k < n; k++) {
            amplitude[k] = max.get(k) - min.get(k);
        }
        result.metric("breathing.charge", CyclingSummary.meanWithStandardError(dCharge.toArray(), 0, "MPa"));
        result.metric("breathing.discharge", CyclingSummary.meanWithStandardError(dDischarge.toArray(), 0, "MPa"));
        result.metric("breathing.amplitude", CyclingSummary.meanWithStandardError(amplitude, 0, "MPa"));
        if (n >= 3) {
            LineFit drift = LineFit.of(cyc.toArray(), mean.toArray());
            result.metric("drift.per_cycle", new Metric(drift.b(), "MPa/cycle", drift.seB()));
        } else {
            result.metric("drift.per_cycle", Double.NaN, "MPa/cycle");
        }
        if (n == 0) {
            result.note("no cycle lies within the pressure log: check the clock alignment");
        }
        result.table("cycles", Table.of(List.of(new Column("cycle_index", "", cyc.toArray()),
                new Column("mean_MPa", "MPa", mean.toArray()), new Column("min_MPa", "MPa", min.toArray()),
                new Column("max_MPa", "MPa", max.toArray()), new Column("amplitude_MPa", "MPa", amplitude),
                new Column("charge_change_MPa", "MPa", dCharge.toArray()),
                new Column("discharge_change_MPa", "MPa", dDischarge.toArray()))));
        result.figure(new FigureSpec("pressure-per-cycle", "Stack pressure per cycle", FigureSpec.Type.SCATTER,
                "Cycle", "Stack pressure (MPa)", List.of(new FigureSpec.Series("mean", cyc.toArray(), mean.toArray()),
                        new FigureSpec.Series("min", cyc.toArray(), min.toArray()),
                        new FigureSpec.Series("max", cyc.toArray(), max.toArray()))));
    }

    private static void rests(Result result, CyclerRecords r, PressureLog plog, double minRest) {
        Table steps = Steps.summarize(r.table);
        double[] type = steps.column(CyclerColumns.STEP_TYPE).values();
        double[] start = steps.column("start_s").values();
        double[] end = steps.column("end_s").values();
        double[] cycle = steps.column(CyclerColumns.CYCLE).values();
        DoubleList cyc = new DoubleList(), st = new DoubleList(), dur = new DoubleList(), delta = new DoubleList(),
                half = new DoubleList();
        for (int k = 0; k < type.length; k++) {
            if (StepType.of(type[k]) != StepType.REST || end[k] - start[k] < minRest) {
                continue;
            }
            double p0 = plog.at(start[k]);
            double p1 = plog.at(end[k]);
            if (Double.isNaN(p0) || Double.isNaN(p1)) {
                continue;
            }
            cyc.add(cycle[k]);
            st.add(start[k] / 3600);
            dur.add((end[k] - start[k]) / 3600);
            delta.add(p1 - p0);
            half.add(plog.halfChangeTime(start[k], end[k]) / 3600);
        }
        result.metric("relaxation.delta", CyclingSummary.meanWithStandardError(delta.toArray(), 0, "MPa"));
        double[] halves = Arrays.stream(half.toArray()).filter(Double::isFinite).toArray();
        result.metric("relaxation.half_time", Series.median(halves, 0, halves.length), "h");
        result.table("rests", Table.of(List.of(new Column("cycle_index", "", cyc.toArray()),
                new Column("start_h", "h", st.toArray()), new Column("duration_h", "h", dur.toArray()),
                new Column("change_MPa", "MPa", delta.toArray()), new Column("half_change_h", "h", half.toArray()))));
    }

    /** A pressure log on the cycler clock with prefix integrals for time-weighted means. */
    static final class PressureLog {
        private final double[] t;
        private final double[] p;
        private final double[] integral;

        PressureLog(double[] t, double[] p) {
            this.t = t;
            this.p = p;
            integral = new double[t.length];
            for (int i = 1; i < t.length; i++) {
                integral[i] = integral[i - 1] + 0.5 * (p[i] + p[i - 1]) * (t[i] - t[i - 1]);
            }
        }

        /** Interpolated pressure, NaN outside the log. */
        double at(double time) {
            return Series.interpolate(t, p, time);
        }

        /** ∫ p dt from the start of the log to {@code time} (inside the log). */
        private double integralTo(double time) {
            int hi = Math.min(Math.max(Series.upperBound(t, time), 1), t.length - 1);
            int lo = hi - 1;
            double pt = at(time);
            return integral[lo] + 0.5 * (p[lo] + pt) * (time - t[lo]);
        }

        /** Time-weighted mean over [a, b], NaN when not inside the log. */
        double mean(double a, double b) {
            if (a < t[0] || b > t[t.length - 1] || b <= a) {
                return Double.NaN;
            }
            return (integralTo(b) - integralTo(a)) / (b - a);
        }

        /** Minimum and maximum over [a, b], the interpolated end values included. */
        double[] minMax(double a, double b) {
            double lo = Math.min(at(a), at(b));
            double hi = Math.max(at(a), at(b));
            for (int i = Series.lowerBound(t, a); i < t.length && t[i] <= b; i++) {
                lo = Math.min(lo, p[i]);
                hi = Math.max(hi, p[i]);
            }
            return new double[] { lo, hi };
        }

        /** Seconds from a until the pressure first covers half of its change over [a, b]; NaN when there is none. */
        double halfChangeTime(double a, double b) {
            double p0 = at(a);
            double target = 0.5 * (p0 + at(b));
            double sign = Math.signum(at(b) - p0);
            if (sign == 0) {
                return Double.NaN;
            }
            for (int i = Series.upperBound(t, a); i < t.length && t[i] <= b; i++) {
                if ((p[i] - target) * sign >= 0) {
                    // Interpolate between the previous sample (or a) and this one.
                    double tPrev = i > 0 && t[i - 1] > a ? t[i - 1] : a;
                    double pPrev = at(tPrev);
                    double f = p[i] != pPrev ? (target - pPrev) / (p[i] - pPrev) : 0;
                    return tPrev + f * (t[i] - tPrev) - a;
                }
            }
            return b - a;
        }
    }
}
