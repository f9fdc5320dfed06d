package org.stackscope.analysis.electrochem;

import org.stackscope.core.model.CyclerColumns.StepType;

/**
 * Voltage against charge passed within one half-cycle: the rows of its charge (or discharge) steps, with the charge
 * integrated as in {@link org.stackscope.core.model.Steps#summarize} (trapezoidal |I| over time within each step, so
 * the end point equals the half-cycle capacity).
 */
record HalfCycleCurve(double[] capacityAh, double[] voltage, double[] timeS) {

    static HalfCycleCurve of(CyclerRecords r, HalfCycles h, int k) {
        double code = (h.charge[k] ? StepType.CHARGE : StepType.DISCHARGE).code();
        int first = h.firstRow[k];
        int last = h.lastRow[k];
        int n = 0;
        for (int i = first; i <= last; i++) {
            if (r.type[i] == code) {
                n++;
            }
        }
        double[] q = new double[n];
        double[] v = new double[n];
        double[] t = new double[n];
        int j = 0;
        double charge = 0;
        int previous = -1;
        for (int i = first; i <= last; i++) {
            if (r.type[i] != code) {
                continue;
            }
            if (previous >= 0 && r.step[previous] == r.step[i]) {
                double dt = r.time[i] - r.time[previous];
                charge += 0.5 * (Math.abs(r.current[previous]) + Math.abs(r.current[i])) * dt;
            }
            q[j] = charge / 3600;
            v[j] = r.voltage[i];
            t[j] = r.time[i];
            j++;
            previous = i;
        }
        return new HalfCycleCurve(q, v, t);
    }

    int size() {
        return voltage.length;
    }
}
