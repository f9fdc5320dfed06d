package org.stackscope.analysis.electrochem.tests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.DataObject;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.Table;

/**
 * Synthetic cycler records in the shared column vocabulary: piecewise-constant current, a sample every {@code dt}
 * and one exactly at the end of every segment, so the capacity of each step is exactly current × duration.
 */
final class CyclerBuilder {

    private double[] t = new double[1024];
    private double[] v = new double[1024];
    private double[] i = new double[1024];
    private int n;
    private double now;

    /** Constant current for {@code duration} s; voltage as a function of the fraction of the segment elapsed. */
    CyclerBuilder segment(double currentA, double duration, double dt, DoubleUnaryOperator voltageOfFraction) {
        int samples = (int) Math.ceil(duration / dt - 1e-9);
        for (int j = 0; j <= samples; j++) {
            double tau = Math.min(j * dt, duration);
            add(now + tau, voltageOfFraction.applyAsDouble(tau / duration), currentA);
        }
        now += duration;
        return this;
    }

    CyclerBuilder rest(double duration, double dt, double voltage) {
        return segment(0, duration, dt, f -> voltage);
    }

    double now() {
        return now;
    }

    private void add(double time, double voltage, double current) {
        if (n == t.length) {
            t = Arrays.copyOf(t, 2 * n);
            v = Arrays.copyOf(v, 2 * n);
            i = Arrays.copyOf(i, 2 * n);
        }
        t[n] = time;
        v[n] = voltage;
        i[n] = current;
        n++;
    }

    Table table() {
        return table(List.of());
    }

    Table table(List<Column> extra) {
        List<Column> columns = new ArrayList<>(List.of(new Column(CyclerColumns.TIME, "s", Arrays.copyOf(t, n)),
                new Column(CyclerColumns.VOLTAGE, "V", Arrays.copyOf(v, n)),
                new Column(CyclerColumns.CURRENT, "A", Arrays.copyOf(i, n))));
        columns.addAll(extra);
        return new Table(DataKind.CYCLER, columns, Map.of());
    }

    double[] times() {
        return Arrays.copyOf(t, n);
    }

    static Inputs inputs(DataObject... data) {
        List<Inputs.Input> list = new ArrayList<>();
        for (int k = 0; k < data.length; k++) {
            list.add(new Inputs.Input(Path.of("synthetic" + k + ".csv"), "", "test", data[k]));
        }
        return new Inputs(list);
    }
}
