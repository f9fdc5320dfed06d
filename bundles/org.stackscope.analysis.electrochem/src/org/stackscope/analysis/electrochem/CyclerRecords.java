package org.stackscope.analysis.electrochem;

import java.nio.file.Path;

import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.Steps;
import org.stackscope.core.model.Table;

/**
 * The columns of one cycler table that the analyses read, checked once: time, voltage and current present, finite and
 * time never decreasing; step, step type and cycle derived by {@link Steps} when the importer gave none.
 */
final class CyclerRecords {

    final Path source;
    final Table table;
    final double[] time;
    final double[] voltage;
    final double[] current;
    final double[] step;
    final double[] type;
    final double[] cycle;

    private CyclerRecords(Path source, Table table) {
        this.source = source;
        this.table = table;
        this.time = table.column(CyclerColumns.TIME).values();
        this.voltage = table.column(CyclerColumns.VOLTAGE).values();
        this.current = table.column(CyclerColumns.CURRENT).values();
        this.step = table.column(CyclerColumns.STEP).values();
        this.type = table.column(CyclerColumns.STEP_TYPE).values();
        this.cycle = table.column(CyclerColumns.CYCLE).values();
    }

    int rows() {
        return time.length;
    }

    /** The first input of kind {@code cycler}, validated. */
    static CyclerRecords of(Inputs inputs) throws AnalysisException {
        for (Inputs.Input in : inputs.all()) {
            if (in.data().kind() == DataKind.CYCLER && in.data() instanceof Table t) {
                return of(in.path(), t);
            }
        }
        throw new AnalysisException("no cycler table among the inputs");
    }

    static CyclerRecords of(Path source, Table records) throws AnalysisException {
        for (String name : new String[] { CyclerColumns.TIME, CyclerColumns.VOLTAGE, CyclerColumns.CURRENT }) {
            if (!records.hasColumn(name)) {
                throw new AnalysisException(source + ": the cycler table has no column " + name);
            }
        }
        if (records.rowCount() < 2) {
            throw new AnalysisException(source + ": the cycler table has " + records.rowCount() + " rows, needs 2");
        }
        double[] t = records.column(CyclerColumns.TIME).values();
        double[] v = records.column(CyclerColumns.VOLTAGE).values();
        double[] i = records.column(CyclerColumns.CURRENT).values();
        for (int r = 0; r < t.length; r++) {
            if (!Double.isFinite(t[r]) || !Double.isFinite(v[r]) || !Double.isFinite(i[r])) {
                throw new AnalysisException(source + ": row " + (r + 1) + ": time, voltage or current is not a number");
            }
            if (r > 0 && t[r] < t[r - 1]) {
                throw new AnalysisException(source + ": row " + (r + 1) + ": time goes back from " + t[r - 1] + " s to "
                        + t[r] + " s");
            }
        }
        return new CyclerRecords(source, Steps.withSteps(records));
    }
}
