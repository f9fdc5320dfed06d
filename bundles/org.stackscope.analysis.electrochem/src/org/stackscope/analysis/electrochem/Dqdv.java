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
 * Differential capacity dQ/dV of selected cycles. For each half-cycle: (1) uniform-charge resampling — the voltage
 * is averaged in equal charge bins, which reduces noise without moving plateaus; (2) the binned voltage is made
 * monotonic in charge (rising on charge, falling on discharge) by weighted isotonic regression (pool adjacent
 * violators), the least-squares monotonic curve, so that charge is a single-valued function of voltage; (3) charge is
 * interpolated on a uniform voltage grid and differentiated with a Savitzky–Golay filter, whose symmetric kernel keeps
 * the positions of symmetric peaks. Differentiating Q(V) on a voltage grid resolves peaks (plateaus) with many points
 * and steep voltage jumps with few, where differentiating V(Q) would ring across the jumps and give spurious peaks.
 * Discharge dQ/dV is negative (voltage falls while the discharge capacity grows), as usually plotted. Peaks are local
 * maxima of |dQ/dV| with a minimum prominence, placed by a parabola through the three highest samples.
 */
public final class Dqdv implements Analysis<DqdvSettings> {

    @Override
    public OutputSpec configure(InputSpec inputs, DqdvSettings s) throws InvalidSettingsException {
        CyclingSummary.requireOneCycler(inputs, "dqdv");
        CycleSelection.check(s.cycles);
        if (s.window % 2 == 0 || s.window < s.order + 2) {
            throw new InvalidSettingsException("dqdv: window=" + s.window + " must be odd and at least order + 2");
        }
        return new OutputSpec(List.of("peaks", "cycle.<n>.charge.peak.<k>.voltage",
                "cycle.<n>.discharge.peak.<k>.voltage"), List.of("dqdv", "peaks"), List.of("dqdv"));
    }

    /** dQ/dV of one half-cycle on a uniform voltage grid; NaN where the filter has no full window. */
    record Curve(double[] voltage, double[] dqdv) {
    }

    static Curve curve(double[] capacity, double[] voltage, int bins, double step, SavitzkyGolay filter,
            boolean discharge) {
        // (1) Uniform-charge bins: mean charge and voltage of the samples in each.
        double qMax = capacity[capacity.length - 1];
        double[] qSum = new double[bins];
        double[] vSum = new double[bins];
        double[] count = new double[bins];
        double sign = discharge ? -1 : 1; // work with a rising voltage
        for (int i = 0; i < capacity.length; i++) {
            int b = Math.min(bins - 1, (int) (capacity[i] / qMax * bins));
            qSum[b] += capacity[i];
            vSum[b] += sign * voltage[i];
            count[b]++;
        }
        DoubleList q = new DoubleList();
        DoubleList v = new DoubleList();
        DoubleList w = new DoubleList();
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                q.add(qSum[b] / count[b]);
                v.add(vSum[b] / count[b]);
                w.add(count[b]);
            }
        }
        // (2) Monotonic voltage, (3) charge on a uniform voltage grid.
        double[] vMono = isotonic(v.toArray(), w.toArray());
        double[] qBinned = q.toArray();
        double lo = vMono[0];
        double hi = vMono[vMono.length - 1];
        int n = (int) Math.floor((hi - lo) / step) + 1;
        if (n < filter.half() * 2 + 1) {
            return new Curve(new double[0], new double[0]);
        }
        double[] grid = new double[n];
        double[] qGrid = new double[n];
        for (int j = 0; j < n; j++) {
            grid[j] = lo + j * step;
            qGrid[j] = Series.interpolate(vMono, qBinned, grid[j]);
        }
        double[] slope = filter.derivative(qGrid, step);
        double[] volts = new double[n];
        double[] dqdv = new double[n];
        for (int j = 0; j < n; j++) {
            volts[j] = sign * grid[j];
            dqdv[j] = sign * slope[j];
        }
        return new Curve(volts, dqdv);
    }

    /** Weighted least-squares non-decreasing fit (pool adjacent violators). */
    static double[] isotonic(double[] y, double[] weight) {
        int n = y.length;
        double[] value = new double[n];
        double[] w = new double[n];
        int[] size = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            value[blocks] = y[i];
            w[blocks] = weight[i];
            size[blocks] = 1;
            blocks++;
            while (blocks > 1 && value[blocks - 2] > value[blocks - 1]) {
                double total = w[blocks - 2] + w[blocks - 1];
                value[blocks - 2] = (value[blocks - 2] * w[blocks - 2] + value[blocks - 1] * w[blocks - 1]) / total;
                w[blocks - 2] = total;
                size[blocks - 2] += size[blocks - 1];
                blocks--;
            }
        }
        double[] out = new double[n];
        int i = 0;
        for (int b = 0; b < blocks; b++) {
            for (int k = 0; k < size[b]; k++) {
                out[i++] = value[b];
            }
        }
        return out;
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
        int[] cycles = CycleSelection.require(s.cycles, h, r);
        double toUnit = CycleSelection.mahPerAh(s.activeMass_mg);
        String unit = CycleSelection.capacityUnit(s.activeMass_mg) + "/V"; // mAh/V or mAh/g/V
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
                Curve curve = curve(Series.scaled(hc.capacityAh(), toUnit), hc.voltage(), s.points,
                        s.voltageStep_mV / 1000, filter, !isCharge);
                if (curve.voltage().length == 0) {
                    result.note("cycle " + c + " " + label + ": its voltage range is narrower than the smoothing "
                            + "window, no dQ/dV");
                    continue;
                }
                DoubleList fx = new DoubleList(), fy = new DoubleList();
                for (int j = 0; j < curve.voltage().length; j++) {
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
