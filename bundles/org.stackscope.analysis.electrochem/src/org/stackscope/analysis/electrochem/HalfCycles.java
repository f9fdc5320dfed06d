package org.stackscope.analysis.electrochem;

import java.util.Arrays;

import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.CyclerColumns.StepType;
import org.stackscope.core.model.Steps;
import org.stackscope.core.model.Table;

/**
 * The charge and discharge half-cycles of a cycler table: maximal runs of charge (or discharge) steps, with rest and
 * other steps in between ignored, so that CC and CV steps, or pulses separated by rests, form one half-cycle.
 * Capacity and energy are sums of the per-step integrals of {@link Steps#summarize} (|I| and |I·V| over time,
 * trapezoidal, hence exact for piecewise-constant current).
 */
final class HalfCycles {

    final int count;
    final boolean[] charge;
    final double[] capacityAh;
    final double[] energyWh;
    final double[] startS;
    final double[] endS;
    /** First and last row of the half-cycle in the records (rest rows inside are included). */
    final int[] firstRow;
    final int[] lastRow;
    /** The table's cycle index at the start of the half-cycle. */
    final int[] cycleIndex;

    private HalfCycles(int n) {
        count = n;
        charge = new boolean[n];
        capacityAh = new double[n];
        energyWh = new double[n];
        startS = new double[n];
        endS = new double[n];
        firstRow = new int[n];
        lastRow = new int[n];
        cycleIndex = new int[n];
    }

    static HalfCycles of(CyclerRecords records) {
        Table steps = Steps.summarize(records.table);
        double[] type = steps.column(CyclerColumns.STEP_TYPE).values();
        double[] cycle = steps.column(CyclerColumns.CYCLE).values();
        double[] capacity = steps.column("capacity_Ah").values();
        double[] energy = steps.column("energy_Wh").values();
        double[] start = steps.column("start_s").values();
        double[] end = steps.column("end_s").values();
        double[] first = steps.column("first_row").values();
        double[] last = steps.column("last_row").values();
        HalfCycles h = new HalfCycles(type.length);
        int k = -1;
        for (int s = 0; s < type.length; s++) {
            StepType t = StepType.of(type[s]);
            if (t != StepType.CHARGE && t != StepType.DISCHARGE) {
                continue;
            }
            boolean isCharge = t == StepType.CHARGE;
            if (k < 0 || h.charge[k] != isCharge) {
                k++;
                h.charge[k] = isCharge;
                h.startS[k] = start[s];
                h.firstRow[k] = (int) first[s];
                h.cycleIndex[k] = (int) cycle[s];
            }
            h.capacityAh[k] += capacity[s];
            h.energyWh[k] += energy[s];
            h.endS[k] = end[s];
            h.lastRow[k] = (int) last[s];
        }
        return h.truncate(k + 1);
    }

    private HalfCycles truncate(int n) {
        HalfCycles h = new HalfCycles(n);
        System.arraycopy(charge, 0, h.charge, 0, n);
        System.arraycopy(capacityAh, 0, h.capacityAh, 0, n);
        System.arraycopy(energyWh, 0, h.energyWh, 0, n);
        System.arraycopy(startS, 0, h.startS, 0, n);
        System.arraycopy(endS, 0, h.endS, 0, n);
        System.arraycopy(firstRow, 0, h.firstRow, 0, n);
        System.arraycopy(lastRow, 0, h.lastRow, 0, n);
        System.arraycopy(cycleIndex, 0, h.cycleIndex, 0, n);
        return h;
    }

    /** Indices of the half-cycles of one table cycle (charge or discharge), in time order. */
    int[] ofCycle(int cycle, boolean isCharge) {
        return java.util.stream.IntStream.range(0, count).filter(i -> cycleIndex[i] == cycle && charge[i] == isCharge)
                .toArray();
    }

    int lastCycleIndex() {
        return Arrays.stream(cycleIndex).max().orElse(0);
    }
}
