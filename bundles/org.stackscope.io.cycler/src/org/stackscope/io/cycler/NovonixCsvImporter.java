package org.stackscope.io.cycler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.Table;

/**
 * Novonix HPC CSV: a [Summary] block (kept as metadata: cell, protocol, mass, capacity, start time), a [Protocol]
 * block, then [Data] with a header and one comma-separated line per record, each line quoted as a whole. Run time
 * is in hours; capacity (Ah) and energy (Wh)
 * restart each step and are split into charge and discharge by the sign of the current.
 */
public final class NovonixCsvImporter implements Importer<Table> {

    public static final String ID = "novonix-csv";

    @Override
    public Match matches(Path file) {
        String head = Sniff.head(file, 256);
        return head.startsWith("[Summary]") && head.contains("Novonix") ? Match.YES : Match.NO;
    }

    @Override
    public Table read(Path file, ImportSettings settings, Monitor monitor) throws ImportException {
        TextCursor text = new TextCursor(Sniff.readAll(file, monitor));
        TableBuilder b = new TableBuilder(file, ID);
        boolean summary = false;
        while (true) {
            if (!text.nextLine()) {
                throw new ImportException(file, "line " + text.lineNumber(), "no [Data] section");
            }
            String line = text.line().strip();
            if (line.equals("[Data]")) {
                break;
            }
            if (line.equals("[Summary]") || line.equals("[End Summary]")) {
                summary = line.equals("[Summary]");
            } else if (summary && line.indexOf(": ") > 0) {
                b.metadata().put(line.substring(0, line.indexOf(": ")).strip(), line.substring(line.indexOf(": ") + 2)
                        .strip());
            }
        }
        if (!text.nextLine()) {
            throw new ImportException(file, "line " + text.lineNumber(), "no header after [Data]");
        }
        text.unquoteLine();
        text.split((byte) ',');
        List<String> headers = new ArrayList<>();
        for (int c = 0; c < text.cells(); c++) {
            headers.add(text.cell(c));
        }
        b.metadata().put("columns", String.join(", ", headers));
        int dateCol = headers.indexOf("Date and Time");
        DoubleSeries[] values = new DoubleSeries[headers.size()];
        for (int c = 0; c < values.length; c++) {
            values[c] = c == dateCol ? null : new DoubleSeries();
        }
        int rows = 0;
        while (text.nextLine()) {
            if ((text.lineNumber() & 0xffff) == 0) {
                monitor.checkCanceled();
            }
            if (text.lineIsBlank()) {
                continue;
            }
            text.unquoteLine();
            if (text.split((byte) ',') != headers.size()) {
                throw new ImportException(file, "line " + text.lineNumber(), "has " + text.cells() + " cells, the "
                        + "header " + headers.size());
            }
            if (rows == 0 && dateCol >= 0) {
                b.metadata().put("firstRecordTime", text.cell(dateCol));
            }
            for (int c = 0; c < values.length; c++) {
                if (values[c] != null) {
                    try {
                        values[c].add(text.number(c));
                    } catch (NumberFormatException e) {
                        throw new ImportException(file, "line " + text.lineNumber() + ", column '" + headers.get(c)
                                + "'", e.getMessage());
                    }
                }
            }
            rows++;
        }
        double[] runTime = take(values, headers, "Run Time (h)");
        double[] current = take(values, headers, "Current (A)");
        double[] potential = take(values, headers, "Potential (V)");
        if (runTime == null || current == null || potential == null) {
            throw new ImportException(file, "header", "needs Run Time (h), Current (A) and Potential (V): " + headers);
        }
        for (int i = 0; i < runTime.length; i++) {
            runTime[i] *= 3600;
        }
        b.standard(CyclerColumns.TIME, "s", runTime);
        b.standard(CyclerColumns.VOLTAGE, "V", potential);
        b.standard(CyclerColumns.CURRENT, "A", current);
        double[] cycle = take(values, headers, "Cycle Number");
        int stepCol = headers.indexOf("Step Number");
        double[] step = stepCol < 0 || values[stepCol] == null ? null
                : TableBuilder.runningSteps(values[stepCol].toArray(), cycle);
        splitBySign(b, current, step, take(values, headers, "Capacity (Ah)"), CyclerColumns.CHARGE_CAPACITY,
                CyclerColumns.DISCHARGE_CAPACITY, "Ah");
        splitBySign(b, current, step, take(values, headers, "Energy (Wh)"), CyclerColumns.CHARGE_ENERGY,
                CyclerColumns.DISCHARGE_ENERGY, "Wh");
        if (step != null) {
            b.standard(CyclerColumns.STEP, "", step);
        }
        if (cycle != null) {
            b.standard(CyclerColumns.CYCLE, "", TableBuilder.oneBased(cycle));
        }
        double[] temperature = take(values, headers, "Temperature (°C)");
        if (temperature != null) {
            b.standard(CyclerColumns.TEMPERATURE, "degC", temperature);
        }
        for (int c = 0; c < values.length; c++) {
            if (values[c] != null) {
                b.vendor(headers.get(c), values[c].toArray());
            }
        }
        monitor.done();
        return b.cycler(null);
    }

    private static double[] take(DoubleSeries[] values, List<String> headers, String name) {
        int c = headers.indexOf(name);
        if (c < 0 || values[c] == null) {
            return null;
        }
        double[] v = values[c].toArray();
        values[c] = null;
        return v;
    }

    /** Splits a counter by the current's sign; a zero-current row keeps the sign of its step's previous row. */
    private static void splitBySign(TableBuilder b, double[] current, double[] step, double[] v, String charge,
            String discharge, String unit) {
        if (v == null) {
            return;
        }
        double[] c = new double[v.length];
        double[] d = new double[v.length];
        int sign = 0;
        for (int i = 0; i < v.length; i++) {
            boolean sameStep = i > 0 && step != null && step[i] == step[i - 1];
            sign = current[i] > 0 ? 1 : current[i] < 0 ? -1 : sameStep ? sign : 0;
            if (sign > 0) {
                c[i] = Math.abs(v[i]);
            } else if (sign < 0) {
                d[i] = Math.abs(v[i]);
            }
        }
        b.standard(charge, unit, c);
        b.standard(discharge, unit, d);
    }
}
