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
 * Voltage against capacity for the charge and discharge of selected cycles (by the table's cycle_index), with the
 * capacity of each half-cycle and the voltage hysteresis (mean charge voltage − mean discharge voltage, each being
 * energy / capacity).
 */
public final class VoltageProfiles implements Analysis<VoltageProfilesSettings> {

    @Override
    public OutputSpec configure(InputSpec inputs, VoltageProfilesSettings s) throws InvalidSettingsException {
        CyclingSummary.requireOneCycler(inputs, "voltage-profiles");
        CycleSelection.check(s.cycles);
        return new OutputSpec(List.of("cycle.<n>.charge.capacity", "cycle.<n>.discharge.capacity",
                "cycle.<n>.hysteresis"), List.of("profiles"), List.of("voltage-profiles"));
    }

    @Override
    public Result run(Inputs inputs, VoltageProfilesSettings s, Monitor monitor) throws AnalysisException {
        CyclerRecords r = CyclerRecords.of(inputs);
        HalfCycles h = HalfCycles.of(r);
        int[] cycles = CycleSelection.require(s.cycles, h, r);
        double toUnit = CycleSelection.mahPerAh(s.activeMass_mg);
        String unit = CycleSelection.capacityUnit(s.activeMass_mg);
        Result result = new Result();
        List<FigureSpec.Series> series = new ArrayList<>();
        DoubleList cycleCol = new DoubleList();
        DoubleList halfCol = new DoubleList();
        DoubleList capacityCol = new DoubleList();
        DoubleList voltageCol = new DoubleList();
        for (int c : cycles) {
            monitor.checkCanceled();
            double[] meanVoltage = new double[2];
            for (int side = 0; side < 2; side++) {
                boolean isCharge = side == 0;
                String label = isCharge ? "charge" : "discharge";
                double capacity = 0;
                double energy = 0;
                for (int k : h.ofCycle(c, isCharge)) {
                    HalfCycleCurve curve = HalfCycleCurve.of(r, h, k);
                    double[] q = Series.scaled(curve.capacityAh(), toUnit);
                    double offset = capacity * toUnit; // several half-cycles of one kind in a cycle follow each other
                    for (int i = 0; i < q.length; i++) {
                        q[i] += offset;
                        cycleCol.add(c);
                        halfCol.add(isCharge ? 1 : 2);
                        capacityCol.add(q[i]);
                        voltageCol.add(curve.voltage()[i]);
                    }
                    int[] idx = Series.decimatedIndices(q.length, Series.FIGURE_POINTS);
                    series.add(new FigureSpec.Series("cycle " + c + " " + label, Series.pick(q, idx),
                            Series.pick(curve.voltage(), idx)));
                    capacity += h.capacityAh[k];
                    energy += h.energyWh[k];
                }
                meanVoltage[side] = capacity > 0 ? energy / capacity : Double.NaN;
                result.metric("cycle." + c + "." + label + ".capacity", capacity * toUnit, unit);
            }
            result.metric("cycle." + c + ".hysteresis", meanVoltage[0] - meanVoltage[1], "V");
        }
        result.table("profiles", Table.of(List.of(new Column("cycle_index", "", cycleCol.toArray()),
                new Column("step_type", "", halfCol.toArray()), new Column("capacity", unit, capacityCol.toArray()),
                new Column("voltage_V", "V", voltageCol.toArray()))));
        result.figure(new FigureSpec("voltage-profiles", "Voltage profiles", FigureSpec.Type.LINE,
                "Capacity (" + unit + ")", "Voltage (V)", series));
        return result;
    }
}
