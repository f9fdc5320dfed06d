package org.stackscope.io.cycler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.CyclerColumns.StepType;
import org.stackscope.core.model.ImpedanceColumns;
import org.stackscope.core.model.Steps;
import org.stackscope.core.model.Table;

/**
 * Collects the columns of one import: standard columns (CyclerColumns / ImpedanceColumns names, SI) first, then
 * vendor columns under sanitised names with SI units, plus metadata and warnings; builds the final table once all
 * rows are read, so a failed import never yields a partial table.
 */
final class TableBuilder {

    private final Path file;
    private final List<Column> columns = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    TableBuilder(Path file, String format) {
        this.file = file;
        metadata.put("format", format);
    }

    Map<String, String> metadata() {
        return metadata;
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    boolean has(String name) {
        return names.contains(name);
    }

    /** A standard column, values already in SI. */
    void standard(String name, String unit, double[] values) {
        if (names.add(name)) {
            columns.add(new Column(name, unit, values));
        }
    }

    /** A vendor column under its sanitised name; values are scaled to SI in place. */
    void vendor(String header, double[] values) {
        String[] split = VendorUnits.split(header);
        VendorUnits.Scale scale = VendorUnits.si(split[1]);
        if (scale.factor() != 1) {
            for (int i = 0; i < values.length; i++) {
                values[i] *= scale.factor();
            }
        }
        String base = VendorUnits.name(split[0], scale.unit());
        String name = base;
        for (int k = 2; !names.add(name); k++) {
            name = base + "_" + k;
        }
        columns.add(new Column(name, scale.unit(), values));
    }

    /**
     * The cycler table with step, step type and cycle (derived by {@link Steps} where the vendor gives none); steps
     * holding rows with a frequency are impedance steps.
     */
    Table cycler(double[] frequency) throws ImportException {
        require(CyclerColumns.TIME);
        require(CyclerColumns.VOLTAGE);
        if (!has(CyclerColumns.CURRENT)) {
            // open-circuit techniques (OCV, OCP) record no current: it is zero by construction
            standard(CyclerColumns.CURRENT, "A", new double[rows()]);
            warn("no current column: current set to 0 (open circuit)");
        }
        Table t = Steps.withSteps(build(DataKind.CYCLER));
        return frequency == null ? t : markImpedanceSteps(t, frequency);
    }

    Table impedance() throws ImportException {
        require(ImpedanceColumns.FREQUENCY);
        require(ImpedanceColumns.Z_REAL);
        require(ImpedanceColumns.Z_IMAG);
        return build(DataKind.IMPEDANCE);
    }

    private int rows() {
        return columns.isEmpty() ? 0 : columns.get(0).size();
    }

    private void require(String name) throws ImportException {
        if (!has(name)) {
            throw new ImportException(file, "header", "no column for " + name + " (columns: "
                    + metadata.getOrDefault("columns", "none") + ")");
        }
    }

    private Table build(DataKind kind) {
        if (!warnings.isEmpty()) {
            metadata.put("warnings", String.join("; ", warnings));
        }
        return new Table(kind, columns, metadata);
    }

    private static Table markImpedanceSteps(Table t, double[] frequency) {
        double[] type = t.column(CyclerColumns.STEP_TYPE).values().clone();
        for (int[] range : Steps.ranges(t.column(CyclerColumns.STEP).values())) {
            boolean impedance = false;
            for (int i = range[0]; i < range[1] && !impedance; i++) {
                impedance = frequency[i] > 0;
            }
            if (impedance) {
                java.util.Arrays.fill(type, range[0], range[1], StepType.IMPEDANCE.code());
            }
        }
        List<Column> columns = new ArrayList<>(t.columns());
        columns.replaceAll(c -> c.name().equals(CyclerColumns.STEP_TYPE) ? new Column(c.name(), c.unit(), type) : c);
        return new Table(t.kind(), columns, t.metadata());
    }

    /** A running 1-based step number that increases whenever the vendor's step (or cycle) changes. */
    static double[] runningSteps(double[] vendorStep, double[] cycle) {
        double[] step = new double[vendorStep.length];
        int s = 0;
        for (int i = 0; i < step.length; i++) {
            if (i == 0 || !same(vendorStep[i], vendorStep[i - 1]) || (cycle != null && !same(cycle[i], cycle[i - 1]))) {
                s++;
            }
            step[i] = s;
        }
        return step;
    }

    /** A 1-based cycle index from a vendor count that starts at 0 or 1 (EC-Lab: 0 in GCPL, 1 in PEIS). */
    static double[] oneBased(double[] cycle) {
        double min = Double.POSITIVE_INFINITY;
        for (double c : cycle) {
            min = Math.min(min, c);
        }
        return shifted(cycle, min < 1 ? 1 - min : 0);
    }

    static double[] shifted(double[] values, double shift) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i] + shift;
        }
        return out;
    }

    /**
     * 1-based spectrum numbers: a new spectrum starts where the frequency sweep turns back (or where {@code cycle},
     * when given, changes).
     */
    static double[] spectra(double[] frequency, double[] cycle) {
        double[] spectrum = new double[frequency.length];
        int s = 1;
        int direction = 0;
        for (int i = 0; i < frequency.length; i++) {
            if (i > 0) {
                int d = Double.compare(frequency[i], frequency[i - 1]);
                boolean newCycle = cycle != null && !same(cycle[i], cycle[i - 1]);
                if (newCycle || (direction != 0 && d != 0 && d != direction)) {
                    s++;
                    direction = 0;
                } else if (direction == 0) {
                    direction = d;
                }
            }
            spectrum[i] = s;
        }
        return spectrum;
    }

    private static boolean same(double a, double b) {
        return a == b || (Double.isNaN(a) && Double.isNaN(b));
    }
}
