package org.stackscope.analysis.electrochem;

import java.util.ArrayList;
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
 * Differential capacity dQ/dV of selected cycles. Each half-cycle's voltage is resampled on a uniform charge grid
 * (charge grows monotonically within a half-cycle, voltage need not), smoothed and differentiated with one
 * Savitzky–Golay filter, and dQ/dV = 1 / (dV/dQ). Differentiating V(Q) rather than Q(V) avoids dividing by noisy voltage
 * steps on plateaus, and the symmetric filter keeps peak positions. Discharge dQ/dV is negative (voltage falls as the
 * discharge capacity grows), as usually plotted. Peaks are local maxima of |dQ/dV| with a minimum prominence, placed by a parabola
 * through the three highest samples.
 */
public final class Dqdv implements Analysis<DqdvSettings> {

    @Override
    public OutputSpec configure(InputSpec inputs, DqdvSettings s) throws InvalidSettingsException {
        CyclingSummary.requireOneCycler(inputs, "dqdv");
        CycleSelection.check(s.cycles);
        if (s.window % 2 == 0 || s.window < s.order + 2) {
            throw new InvalidSettingsException("dqdv: window=" + s.window + " must be odd and at least order + 2");
        }
        if (s.window >= s.points) {
            throw new InvalidSettingsException("dqdv: window=" + s.window + " must be smaller than points=" + s.points);
        }
        return new OutputSpec(List.of("peaks", "cycle.<n>.charge.peak.<k>.voltage",
                "cycle.<n>.discharge.peak.<k>.voltage"), List.of("dqdv", "peaks"), List.of("dqdv"));
    }

    /** dQ/dV of one half-cycle on the smoothed voltage; NaN where the filter has no full window. */
    record Curve(double[] voltage, double[] dqdv) {
    }

    static Curve curve(double[] capacity, double[] voltage, int points, SavitzkyGolay filter) {
        double qMax = capacity[capacity.length - 1];
        double dq = qMax / (points - 1);
        double[] v = new double[points];
        for (int j = 0; j < points; j++) {
            v[j] = Series.interpolate(capacity, voltage, Math.min(j * dq, qMax));
        }
        double[] smooth = filter.smooth(v);
        double[] slope = filter.derivative(v, dq);
        double[] dqdv = new double[points];
        for (int j = 0; j < points; j++) {
            dqdv[j] = 1 / slope[j]; // negative on discharge: V falls while the discharge capacity grows
        }
        return new Curve(smooth, dqdv);
    }

    /** Peak voltages and heights of |dQ/dV| with prominence at least minProminence × max |dQ/dV|. */
    static List<double[]> peaks(Curve c, double minProminence) {
        int n = c.dqdv().length;
        double[] a = new double[n];
        double max = 0;
        for (int i = 0; i < n; i++) {
            a[i] = Double.isFinite(c.dqdv()[i]) ? Math.abs(c.dqdv()[i]) : Double.NaN;
            if (a[i] > max) {
                max = a[i];
            }
        }
        List<double[]> out = new ArrayList<>();
        for (int i = 1; i < n - 1; i++) {
            if (!(a[i] > a[i - 1] && a[i] >= a[i + 1]) || Double.isNaN(a[i - 1]) || Double.isNaN(a[i + 1])) {
                continue;
            }
            // Prominence: height above the higher of the two minima reached before a higher sample or the end.
            double leftMin = a[i];
            for (int j = i - 1; j >= 0 && !Double.isNaN(a[j]) && a[j] <= a[i]; j--) {
                leftMin = Math.min(leftMin, a[j]);
            }
            double rightMin = a[i];
            for (int j = i + 1; j < n && !Double.isNaN(a[j]) && a[j] <= a[i]; j++) {
                rightMin = Math.min(rightMin, a[j]);
            }
            if (a[i] - Math.max(leftMin, rightMin) < minProminence * max) {
                continue;
            }
            double[] v = c.voltage();
            double denominator = a[i - 1] - 2 * a[i] + a[i + 1];
            double shift = denominator != 0 ? 0.5 * (a[i - 1] - a[i + 1]) / denominator : 0;
            double voltage = shift >= 0 ? v[i] + shift * (v[i + 1] - v[i]) : v[i] + shift * (v[i] - v[i - 1]);
            out.add(new double[] { voltage, c.dqdv()[i] });
        }
        return out;
    }

    @Override
    public Result run(Inputs inputs, DqdvSettings s, Monitor monitor) throws AnalysisException {
        CyclerRecords r = CyclerRecords.of(inputs);
        HalfCycles h = HalfCycles.of(r);
        int[] cycles;
        try {
            cycles = CycleSelection.resolve(s.cycles, h.lastCycleIndex());
        } catch (InvalidSettingsException e) {
            throw new AnalysisException(e.getMessage());
        }
        if (cycles.length == 0) {
            throw new AnalysisException(r.source + ": none of the cycles " + s.cycles + " is in the file (cycles 1-"
                    + h.lastCycleIndex() + ")");
        }
        double toUnit = s.activeMass_mg > 0 ? 1e6 / s.activeMass_mg : 1000;
        String unit = s.activeMass_mg > 0 ? "mAh/(g·V)" : "mAh/V";
        SavitzkyGolay filter = new SavitzkyGolay(s.window, s.order);
        Result result = new Result();
        List<FigureSpec.Series> series = new ArrayList<>();
        DoubleList cCycle = new DoubleList(), cType = new DoubleList(), cV = new DoubleList(), cD = new DoubleList();
        DoubleList pCycle = new DoubleList(), pType = new DoubleList(), pV = new DoubleList(), pD = new DoubleList();
        int peakCount = 0;
        for (int c : cycles) {
            for (boolean isCharge : new boolean[] { true, false }) {
                monitor.checkCanceled();
                String label = isCharge ? "charge" : "discharge";
                int[] halves = h.ofCycle(c, isCharge);
                if (halves.length == 0) {
                    continue;
                }
                // The longest half-cycle of this kind in the cycle (a CC-CV charge is one; pulses would be several).
                int k = halves[0];
                for (int j : halves) {
                    k = h.capacityAh[j] > h.capacityAh[k] ? j : k;
                }
                HalfCycleCurve hc = HalfCycleCurve.of(r, h, k);
                if (hc.size() < 2 || hc.capacityAh()[hc.size() - 1] <= 0) {
                    result.note("cycle " + c + " " + label + ": no charge passed, no dQ/dV");
                    continue;
                }
                Curve curve = curve(Series.scaled(hc.capacityAh(), toUnit), hc.voltage(), s.points, filter);
                DoubleList fx = new DoubleList(), fy = new DoubleList();
                for (int j = 0; j < s.points; j++) {
                    if (Double.isFinite(curve.dqdv()[j])) {
                        cCycle.add(c);
                        cType.add(isCharge ? 1 : 2);
                        cV.add(curve.voltage()[j]);
                        cD.add(curve.dqdv()[j]);
                        fx.add(curve.voltage()[j]);
                        fy.add(curve.dqdv()[j]);
                    }
                }
                series.add(new FigureSpec.Series("cycle " + c + " " + label, fx.toArray(), fy.toArray()));
                List<double[]> peaks = peaks(curve, s.minProminence);
                for (int p = 0; p < peaks.size(); p++) {
                    pCycle.add(c);
                    pType.add(isCharge ? 1 : 2);
                    pV.add(peaks.get(p)[0]);
                    pD.add(peaks.get(p)[1]);
                    result.metric("cycle." + c + "." + label + ".peak." + (p + 1) + ".voltage", peaks.get(p)[0], "V");
                }
                peakCount += peaks.size();
            }
        }
        result.metric("peaks", peakCount, "");
        result.table("dqdv", Table.of(List.of(new Column("cycle_index", "", cCycle.toArray()),
                new Column("step_type", "", cType.toArray()), new Column("voltage_V", "V", cV.toArray()),
                new Column("dqdv", unit, cD.toArray()))));
        result.table("peaks", Table.of(List.of(new Column("cycle_index", "", pCycle.toArray()),
                new Column("step_type", "", pType.toArray()), new Column("voltage_V", "V", pV.toArray()),
                new Column("dqdv", unit, pD.toArray()))));
        result.figure(new FigureSpec("dqdv", "Differential capacity", FigureSpec.Type.LINE, "Voltage (V)",
                "dQ/dV (" + unit + ")", series));
        return result;
    }
}
