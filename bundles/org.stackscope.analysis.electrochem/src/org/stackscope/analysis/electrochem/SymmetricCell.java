package org.stackscope.analysis.electrochem;

import java.util.List;

import org.stackscope.core.api.Analysis;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.FigureSpec;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.OutputSpec;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.Table;

/**
 * Plating/stripping in a symmetric cell (Li|SE|Li): the overpotential of every half-cycle (median |V| over its
 * current-carrying rows, robust to spikes) and short-circuit detection. A short is the first half-cycle k whose
 * overpotential falls below {@code collapseFraction} × the median of the {@code referenceHalfCycles} before it and
 * stays there for {@code confirmHalfCycles} half-cycles (or to the end of the test). Its time is the start of the
 * first run of {@code runSamples} samples with median |V| below the threshold, searched from the half-cycle before k
 * (a short in the middle of a half-cycle may leave that half-cycle's median above the threshold). A soft short that
 * lowers the overpotential gradually is not a collapse and is not reported.
 */
public final class SymmetricCell implements Analysis<SymmetricCellSettings> {

    @Override
    public OutputSpec configure(InputSpec inputs, SymmetricCellSettings s) throws InvalidSettingsException {
        CyclingSummary.requireOneCycler(inputs, "symmetric-cell");
        return new OutputSpec(List.of("halfcycles", "overpotential.initial", "overpotential.before_short",
                "short.detected", "short.time_h", "short.halfcycle", "short.capacity", "test.duration_h"),
                List.of("halfcycles"), List.of("voltage", "overpotential"));
    }

    @Override
    public Result run(Inputs inputs, SymmetricCellSettings s, Monitor monitor) throws AnalysisException {
        CyclerRecords r = CyclerRecords.of(inputs);
        HalfCycles h = HalfCycles.of(r);
        int n = h.count;
        if (n < 2) {
            throw new AnalysisException(r.source + ": " + n + " current-carrying half-cycle(s); plating/stripping "
                    + "needs at least 2");
        }
        double[] overpotential = new double[n];
        double[] midTimeH = new double[n];
        double[] current = new double[n];
        for (int k = 0; k < n; k++) {
            monitor.checkCanceled();
            HalfCycleCurve c = HalfCycleCurve.of(r, h, k);
            double[] abs = new double[c.size()];
            for (int i = 0; i < abs.length; i++) {
                abs[i] = Math.abs(c.voltage()[i]);
            }
            overpotential[k] = 1000 * Series.median(abs, 0, abs.length);
            midTimeH[k] = 0.5 * (h.startS[k] + h.endS[k]) / 3600;
            current[k] = h.capacityAh[k] * 3600 / Math.max(h.endS[k] - h.startS[k], Double.MIN_NORMAL)
                    * (h.charge[k] ? 1 : -1);
        }
        Result result = new Result();
        double durationH = (r.time[r.rows() - 1] - r.time[0]) / 3600;
        int initialCount = Math.min(s.referenceHalfCycles, n);
        result.metric("halfcycles", n, "");
        result.metric("overpotential.initial", Series.median(overpotential, 0, initialCount), "mV");

        int shortK = -1;
        double reference = Double.NaN;
        for (int k = 1; k < n && shortK < 0; k++) {
            double ref = Series.median(overpotential, Math.max(0, k - s.referenceHalfCycles), k);
            boolean collapsed = true;
            for (int j = k; j < Math.min(n, k + s.confirmHalfCycles); j++) {
                collapsed &= overpotential[j] < s.collapseFraction * ref;
            }
            if (collapsed) {
                shortK = k;
                reference = ref;
            }
        }
        double shortTimeS = Double.POSITIVE_INFINITY;
        int shortHalfCycle = -1; // the half-cycle in which the short begins (k or the one before)
        if (shortK >= 0) {
            shortTimeS = shortStart(r, h, shortK, s.collapseFraction * reference / 1000, s.runSamples);
            shortHalfCycle = shortTimeS < h.startS[shortK] ? shortK - 1 : shortK;
        }
        boolean found = shortK >= 0;
        double passedAh = 0;
        for (int k = 0; k < n; k++) {
            if (h.endS[k] <= shortTimeS) {
                passedAh += h.capacityAh[k];
            } else if (h.startS[k] < shortTimeS) {
                passedAh += h.capacityAh[k] * (shortTimeS - h.startS[k]) / (h.endS[k] - h.startS[k]);
            }
        }
        result.metric("overpotential.before_short", found ? reference : Double.NaN, "mV");
        result.metric("short.detected", found ? 1 : 0, "");
        result.metric("short.time_h", found ? (shortTimeS - r.time[0]) / 3600 : Double.POSITIVE_INFINITY, "h");
        result.metric("short.halfcycle", found ? shortHalfCycle + 1 : Double.NaN, "");
        boolean areal = s.area_cm2 > 0;
        result.metric("short.capacity", 1000 * passedAh / (areal ? s.area_cm2 : 1), areal ? "mAh/cm²" : "mAh");
        result.metric("test.duration_h", durationH, "h");
        if (!found) {
            result.note(String.format(java.util.Locale.ROOT, "no short within the %.1f h of the test: short.time_h is "
                    + "infinite (a lower bound of %.1f h); short.capacity is the charge passed in the whole test",
                    durationH, durationH));
        }

        double[] index = new double[n];
        for (int k = 0; k < n; k++) {
            index[k] = k + 1;
        }
        result.table("halfcycles", Table.of(List.of(new Column("halfcycle", "", index),
                new Column("cycle_index", "", java.util.Arrays.stream(h.cycleIndex).asDoubleStream().toArray()),
                new Column("start_h", "h", Series.scaled(h.startS, 1 / 3600.0)),
                new Column("end_h", "h", Series.scaled(h.endS, 1 / 3600.0)),
                new Column("current_A", "A", current), new Column("capacity_Ah", "Ah", h.capacityAh.clone()),
                new Column("overpotential_mV", "mV", overpotential))));
        int[] idx = Series.decimatedIndices(r.rows(), Series.FIGURE_POINTS * 4);
        result.figure(new FigureSpec("voltage", "Cell voltage", FigureSpec.Type.LINE, "Time (h)", "Voltage (V)",
                List.of(new FigureSpec.Series("voltage", Series.scaled(Series.pick(r.time, idx), 1 / 3600.0),
                        Series.pick(r.voltage, idx)))));
        result.figure(new FigureSpec("overpotential", "Overpotential per half-cycle", FigureSpec.Type.SCATTER,
                "Time (h)", "Overpotential (mV)", List.of(new FigureSpec.Series("median |V|", midTimeH,
                        overpotential))));
        return result;
    }

    /**
     * The time at which the first run of {@code run} samples with median |V| below {@code thresholdV} starts, searched
     * through the half-cycle before {@code k} and k as one sequence (a run may straddle their boundary); the start of
     * half-cycle k when none is found.
     */
    private static double shortStart(CyclerRecords r, HalfCycles h, int k, double thresholdV, int run) {
        DoubleList abs = new DoubleList();
        DoubleList time = new DoubleList();
        for (int j = Math.max(0, k - 1); j <= k; j++) {
            HalfCycleCurve c = HalfCycleCurve.of(r, h, j);
            for (int i = 0; i < c.size(); i++) {
                abs.add(Math.abs(c.voltage()[i]));
                time.add(c.timeS()[i]);
            }
        }
        double[] a = abs.toArray();
        int width = Math.min(run, a.length);
        for (int i = 0; i + width <= a.length; i++) {
            if (a[i] < thresholdV && Series.median(a, i, i + width) < thresholdV) {
                return time.get(i);
            }
        }
        return h.startS[k];
    }
}
