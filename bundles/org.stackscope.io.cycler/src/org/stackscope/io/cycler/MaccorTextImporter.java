package org.stackscope.io.cycler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.ImpedanceColumns;
import org.stackscope.core.model.Table;

/**
 * Maccor text exports: tab-separated records after one to three "Today's Date / Date of Test / Filename /
 * Procedure" lines (kept as metadata) and a header starting with "Rec#". Test time comes as seconds ("Test (Sec)")
 * or as "Nd hh:mm:ss.ffff" ("TestTime"). State R/C/D tells rest, charge and discharge: discharge currents are made
 * negative when the export writes them unsigned, and Amp-hr / Watt-hr (which restart every step) become charge or
 * discharge capacity and energy. Maccor FRA exports ("MACCOR, INC. AC Impedance Test") give an impedance table;
 * their Z'' is taken as the imaginary part with its physical sign (negative over the capacitive range).
 */
public final class MaccorTextImporter implements Importer<Table> {

    public static final String ID = "maccor-txt";

    private static final Set<String> TIME_HEADERS = Set.of("Test (Sec)", "TestTime", "Test Time", "Test Time (sec)");
    private static final Set<String> STEP_TIME_HEADERS = Set.of("Step (Sec)", "StepTime", "Step Time",
            "Step Time (sec)");

    @Override
    public Match matches(Path file) {
        String head = Sniff.head(file, 4096);
        if (head.startsWith("Today's Date") || head.startsWith("MACCOR, INC.")) {
            return Match.YES;
        }
        return head.contains("Rec#\tCyc#\tStep") ? Match.YES : Match.NO;
    }

    @Override
    public Table read(Path file, ImportSettings settings, Monitor monitor) throws ImportException {
        TextCursor text = new TextCursor(Sniff.readAll(file, monitor));
        if (!text.nextLine()) {
            throw new ImportException(file, "line 1", "the file is empty");
        }
        if (text.line().startsWith("MACCOR, INC.")) {
            return impedance(file, text);
        }
        TableBuilder b = new TableBuilder(file, ID);
        List<String> preamble = new ArrayList<>();
        while (!text.line().startsWith("Rec#")) {
            preamble.add(text.line().strip());
            if (text.lineNumber() > 50 || !text.nextLine()) {
                throw new ImportException(file, "line " + text.lineNumber(), "no 'Rec#' column header in the first "
                        + "50 lines: not a Maccor text export");
            }
        }
        b.metadata().put("header", String.join(" | ", preamble));
        text.split((byte) '\t');
        List<String> headers = new ArrayList<>();
        for (int c = 0; c < text.cells(); c++) {
            headers.add(text.cell(c));
        }
        b.metadata().put("columns", String.join(", ", headers));
        int timeCol = indexOf(headers, TIME_HEADERS);
        int stepTimeCol = indexOf(headers, STEP_TIME_HEADERS);
        int stateCol = headers.indexOf("State");
        int ampsCol = headers.indexOf("Amps");
        int voltsCol = headers.indexOf("Volts");
        if (timeCol < 0 || stateCol < 0 || ampsCol < 0 || voltsCol < 0) {
            throw new ImportException(file, "line " + text.lineNumber(), "header lacks one of test time, State, Amps, "
                    + "Volts: " + headers);
        }
        // the per-column parse plan is fixed by the first row: numbers, durations, or text (skipped)
        int n = headers.size();
        DoubleSeries[] values = new DoubleSeries[n];
        boolean[] duration = new boolean[n];
        DoubleSeries state = new DoubleSeries();
        String firstStamp = null;
        int dptCol = headers.indexOf("DPt Time");
        while (text.nextLine()) {
            if ((text.lineNumber() & 0xffff) == 0) {
                monitor.checkCanceled();
                monitor.worked(text.position());
            }
            if (text.lineIsBlank()) {
                continue;
            }
            int cells = text.split((byte) '\t');
            if (cells < Math.max(Math.max(timeCol, stateCol), Math.max(ampsCol, voltsCol)) + 1) {
                throw new ImportException(file, "line " + text.lineNumber(), "has " + cells + " cells, the header "
                        + n);
            }
            if (state.size() == 0) {
                for (int c = 0; c < Math.min(n, cells); c++) {
                    if (c == stateCol || c == dptCol) {
                        continue;
                    }
                    try {
                        text.number(c);
                        values[c] = new DoubleSeries();
                    } catch (NumberFormatException e) {
                        if (Durations.parse(text.data(), text.cellStart(c), text.cellEnd(c)) >= 0) {
                            values[c] = new DoubleSeries();
                            duration[c] = true;
                        }
                    }
                }
                if (values[timeCol] == null || values[ampsCol] == null || values[voltsCol] == null) {
                    throw new ImportException(file, "line " + text.lineNumber(), "test time, Amps or Volts is not a "
                            + "number");
                }
                firstStamp = dptCol >= 0 ? text.cell(dptCol) : null;
            }
            for (int c = 0; c < n; c++) {
                if (values[c] == null) {
                    continue;
                }
                double v;
                if (duration[c]) {
                    v = c < cells ? Durations.parse(text.data(), text.cellStart(c), text.cellEnd(c)) : -1;
                    if (v < 0) {
                        throw new ImportException(file, "line " + text.lineNumber() + ", column '" + headers.get(c)
                                + "'", "'" + text.cell(c) + "' is not a duration like 0d 00:00:01.00");
                    }
                } else {
                    try {
                        v = text.number(c);
                    } catch (NumberFormatException e) {
                        throw new ImportException(file, "line " + text.lineNumber() + ", column '" + headers.get(c)
                                + "'", e.getMessage());
                    }
                }
                values[c].add(v);
            }
            state.add(stateCode(text, stateCol));
        }
        if (state.size() == 0) {
            throw new ImportException(file, "line " + text.lineNumber(), "no records after the header");
        }
        if (firstStamp != null) {
            b.metadata().put("firstRecordTime", firstStamp);
        }
        double[] st = state.toArray();
        double[] time = values[timeCol].toArray();
        double[] volts = values[voltsCol].toArray();
        double[] amps = values[ampsCol].toArray();
        for (int i = 0; i < amps.length; i++) {
            if (st[i] == 'D' && amps[i] > 0) {
                amps[i] = -amps[i];
            }
        }
        b.standard(CyclerColumns.TIME, "s", time);
        b.standard(CyclerColumns.VOLTAGE, "V", volts);
        b.standard(CyclerColumns.CURRENT, "A", amps);
        splitByState(b, st, values, headers.indexOf("Amp-hr"), CyclerColumns.CHARGE_CAPACITY,
                CyclerColumns.DISCHARGE_CAPACITY, "Ah");
        splitByState(b, st, values, headers.indexOf("Watt-hr"), CyclerColumns.CHARGE_ENERGY,
                CyclerColumns.DISCHARGE_ENERGY, "Wh");
        int cycCol = headers.indexOf("Cyc#");
        int stepCol = headers.indexOf("Step");
        // Maccor counts cycles from 0
        double[] cycle = cycCol >= 0 && values[cycCol] != null ? TableBuilder.shifted(values[cycCol].toArray(), 1)
                : null;
        if (stepCol >= 0 && values[stepCol] != null) {
            b.standard(CyclerColumns.STEP, "", TableBuilder.runningSteps(values[stepCol].toArray(), cycle));
        }
        if (cycle != null) {
            b.standard(CyclerColumns.CYCLE, "", cycle);
        }
        for (int c = 0; c < n; c++) {
            if (values[c] != null && c != timeCol && c != voltsCol && c != ampsCol) {
                String h = headers.get(c);
                b.vendor(c == stepTimeCol ? "step time (s)" : h, values[c].toArray());
            }
        }
        b.vendor("State code", st);
        b.metadata().put("State code", "ASCII code of the Maccor state letter (R=82 rest, C=67 charge, D=68 "
                + "discharge)");
        monitor.done();
        return b.cycler(null);
    }

    private static double stateCode(TextCursor text, int stateCol) {
        String s = text.cell(stateCol);
        return s.isEmpty() ? 0 : s.charAt(0);
    }

    private static void splitByState(TableBuilder b, double[] state, DoubleSeries[] values, int col, String charge,
            String discharge, String unit) {
        if (col < 0 || values[col] == null) {
            return;
        }
        double[] v = values[col].toArray();
        double[] c = new double[v.length];
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            if (state[i] == 'C') {
                c[i] = Math.abs(v[i]);
            } else if (state[i] == 'D') {
                d[i] = Math.abs(v[i]);
            }
        }
        b.standard(charge, unit, c);
        b.standard(discharge, unit, d);
        values[col] = null;
    }

    private static int indexOf(List<String> headers, Set<String> names) {
        for (int c = 0; c < headers.size(); c++) {
            if (names.contains(headers.get(c))) {
                return c;
            }
        }
        return -1;
    }

    /** The FRA export: a title block, a "Freq(Hz)" header, then one tab-separated row per frequency. */
    private static Table impedance(Path file, TextCursor text) throws ImportException {
        TableBuilder b = new TableBuilder(file, ID);
        List<String> preamble = new ArrayList<>();
        while (!text.line().startsWith("Freq(Hz)")) {
            if (!text.lineIsBlank()) {
                preamble.add(text.line().strip());
            }
            if (text.lineNumber() > 50 || !text.nextLine()) {
                throw new ImportException(file, "line " + text.lineNumber(), "no 'Freq(Hz)' header in the first 50 "
                        + "lines of a Maccor impedance export");
            }
        }
        b.metadata().put("header", String.join(" | ", preamble));
        text.split((byte) '\t');
        List<String> headers = new ArrayList<>();
        for (int c = 0; c < text.cells(); c++) {
            headers.add(text.cell(c));
        }
        b.metadata().put("columns", String.join(", ", headers));
        TextTable table = new TextTable(file, headers);
        while (text.nextLine()) {
            if (text.lineIsBlank()) {
                continue;
            }
            text.split((byte) '\t');
            table.add(text, 0);
        }
        double[] f = table.column("Freq(Hz)");
        double[] re = table.column("Z'(a)");
        double[] im = table.column("Z''(b)");
        if (f == null || re == null || im == null || table.rows() == 0) {
            throw new ImportException(file, "line " + text.lineNumber(), "needs numeric Freq(Hz), Z'(a) and Z''(b) "
                    + "rows");
        }
        b.standard(ImpedanceColumns.FREQUENCY, "Hz", f);
        b.standard(ImpedanceColumns.Z_REAL, "ohm", re);
        b.standard(ImpedanceColumns.Z_IMAG, "ohm", im);
        b.standard(ImpedanceColumns.SPECTRUM, "", TableBuilder.spectra(f, null));
        double[] t = table.column("time(sec)");
        if (t != null) {
            b.standard(ImpedanceColumns.TIME, "s", t);
        }
        double[] v = table.column("V-DC");
        if (v != null) {
            b.standard(ImpedanceColumns.VOLTAGE, "V", v);
        }
        for (String h : table.numericHeaders()) {
            if (!Set.of("Freq(Hz)", "Z'(a)", "Z''(b)", "time(sec)", "V-DC").contains(h)) {
                b.vendor(h, table.column(h));
            }
        }
        return b.impedance();
    }
}
