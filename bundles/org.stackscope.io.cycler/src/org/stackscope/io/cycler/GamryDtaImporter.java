package org.stackscope.io.cycler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Gamry Framework data files (.DTA): "EXPLAIN", tab-separated parameter lines (NAME, TYPE, VALUE, label) kept as
 * metadata, and tables ("ZCURVE TABLE", "CURVE1 TABLE", "OCVCURVE TABLE n") of a header line, a unit line and
 * indented rows. An EIS file (ZCURVE) gives an impedance table (Gamry's Zimag has the physical sign); CV, CA and OCP
 * files give a cycler table from their CURVE tables (all CURVEn of a CV in order, the curve number as cycle), or
 * from OCVCURVE when nothing else was recorded. Aborted runs simply end early. Decimal commas are accepted.
 */
public final class GamryDtaImporter implements Importer<Table> {

    public static final String ID = "gamry-dta";

    private static final Set<String> VALUE_TYPES = Set.of("LABEL", "QUANT", "IQUANT", "POTEN", "SELECTOR", "TOGGLE",
            "PSTAT", "ONEPARAM", "TWOPARAM", "IONEPARAM", "SIMPLE");

    private record Curve(String name, TextTable table) {
    }

    @Override
    public Match matches(Path file) {
        String head = Sniff.head(file, 32);
        if (head.startsWith("EXPLAIN")) {
            return Match.YES;
        }
        return Sniff.extension(file).equals("dta") && !head.isEmpty() ? Match.MAYBE : Match.NO;
    }

    @Override
    public Table read(Path file, ImportSettings settings, Monitor monitor) throws ImportException {
        TextCursor text = new TextCursor(Sniff.readAll(file, monitor));
        if (!text.nextLine() || !text.line().strip().equals("EXPLAIN")) {
            throw new ImportException(file, "line 1", "not a Gamry data file (first line is not 'EXPLAIN')");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Curve> curves = new ArrayList<>();
        boolean pending = text.nextLine();
        while (pending) {
            int cells = text.split((byte) '\t');
            if (cells >= 2 && text.cell(1).equals("TABLE")) {
                String name = text.cell(0);
                int tableLine = text.lineNumber();
                if (!text.nextLine()) {
                    throw new ImportException(file, "line " + tableLine, "table " + name + " has no header line");
                }
                text.splitBlanks();
                List<String> headers = new ArrayList<>();
                for (int c = 0; c < text.cells(); c++) {
                    headers.add(text.cell(c));
                }
                if (!text.nextLine()) {
                    throw new ImportException(file, "line " + text.lineNumber(), "table " + name + " has no unit line");
                }
                text.split((byte) '\t');
                List<String> named = new ArrayList<>();
                for (int c = 0; c < headers.size(); c++) {
                    String unit = text.cell(c + 1);
                    named.add(unit.isEmpty() || unit.equals("#") ? headers.get(c) : headers.get(c) + " (" + unit + ")");
                }
                TextTable table = new TextTable(file, named);
                pending = false;
                while (text.nextLine()) {
                    if (text.lineIsBlank()) {
                        continue;
                    }
                    byte b = text.data()[text.lineStart()];
                    if (b != '\t' && b != ' ') {
                        pending = true; // the next section starts on this line
                        break;
                    }
                    if (text.splitBlanks() != headers.size()) {
                        throw new ImportException(file, "line " + text.lineNumber(), "has " + text.cells()
                                + " values, table " + name + " " + headers.size() + " columns");
                    }
                    table.add(text, 0);
                }
                curves.add(new Curve(name, table));
                continue;
            }
            if (cells >= 3 && VALUE_TYPES.contains(text.cell(1))) {
                metadata.putIfAbsent(text.cell(0), text.cell(2));
            } else if (cells >= 2 && text.cell(0).equals("TAG")) {
                metadata.put("TAG", text.cell(1));
            }
            pending = text.nextLine();
        }
        if ("T".equals(metadata.get("EXPERIMENTABORTED"))) {
            metadata.put("aborted", "true");
        }
        monitor.done();
        return table(file, metadata, curves);
    }

    private static Table table(Path file, Map<String, String> metadata, List<Curve> curves) throws ImportException {
        TableBuilder b = new TableBuilder(file, ID);
        b.metadata().putAll(metadata);
        Curve z = curves.stream().filter(c -> c.name().equals("ZCURVE")).findFirst().orElse(null);
        if (z != null) {
            TextTable t = z.table();
            b.metadata().put("columns", String.join(", ", t.headers));
            put(b, t, "Freq (Hz)", ImpedanceColumns.FREQUENCY, "Hz");
            put(b, t, "Zreal (ohm)", ImpedanceColumns.Z_REAL, "ohm");
            put(b, t, "Zimag (ohm)", ImpedanceColumns.Z_IMAG, "ohm");
            b.standard(ImpedanceColumns.SPECTRUM, "", ones(t.rows()));
            put(b, t, "Time (s)", ImpedanceColumns.TIME, "s");
            put(b, t, "Vdc (V)", ImpedanceColumns.VOLTAGE, "V");
            put(b, t, "Idc (A)", CyclerColumns.CURRENT, "A");
            vendor(b, t);
            return b.impedance();
        }
        List<Curve> main = curves.stream().filter(c -> c.name().matches("CURVE\\d*")).toList();
        if (main.isEmpty()) {
            main = curves.stream().filter(c -> c.name().equals("OCVCURVE")).toList();
        }
        if (main.isEmpty()) {
            throw new ImportException(file, "", "holds no ZCURVE, CURVE or OCVCURVE table (tables: "
                    + curves.stream().map(Curve::name).toList() + ")");
        }
        List<String> headers = main.get(0).table().numericHeaders();
        for (Curve c : main) {
            if (!c.table().numericHeaders().equals(headers)) {
                throw new ImportException(file, c.name(), "columns " + c.table().numericHeaders()
                        + " differ from those of " + main.get(0).name() + " " + headers);
            }
        }
        b.metadata().put("columns", String.join(", ", headers));
        b.metadata().put("curves", main.stream().map(c -> c.name() + " (" + c.table().rows() + " rows)").toList()
                .toString());
        LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
        int rows = main.stream().mapToInt(c -> c.table().rows()).sum();
        for (String h : headers) {
            double[] all = new double[rows];
            int at = 0;
            for (Curve c : main) {
                double[] v = c.table().column(h);
                System.arraycopy(v, 0, all, at, v.length);
                at += v.length;
            }
            columns.put(h, all);
        }
        double[] curve = new double[rows];
        int at = 0;
        for (int k = 0; k < main.size(); k++) {
            int n = main.get(k).table().rows();
            java.util.Arrays.fill(curve, at, at + n, k + 1);
            at += n;
        }
        take(b, columns, List.of("T (s)", "Time (s)"), CyclerColumns.TIME, "s");
        take(b, columns, List.of("Vf (V vs. Ref.)", "Vf (V)", "V (V)"), CyclerColumns.VOLTAGE, "V");
        take(b, columns, List.of("Im (A)", "I (A)"), CyclerColumns.CURRENT, "A");
        if (main.size() > 1) {
            b.standard(CyclerColumns.CYCLE, "", curve);
        }
        columns.forEach(b::vendor);
        return b.cycler(null);
    }

    private static void put(TableBuilder b, TextTable t, String header, String name, String unit) {
        double[] v = t.column(header);
        if (v != null) {
            b.standard(name, unit, v);
        }
    }

    private static void take(TableBuilder b, Map<String, double[]> columns, List<String> headers, String name,
            String unit) {
        for (String h : headers) {
            double[] v = columns.remove(h);
            if (v != null) {
                b.standard(name, unit, v);
                return;
            }
        }
    }

    private static void vendor(TableBuilder b, TextTable t) {
        for (String h : t.numericHeaders()) {
            if (!Set.of("Freq (Hz)", "Zreal (ohm)", "Zimag (ohm)", "Time (s)", "Vdc (V)", "Idc (A)").contains(h)) {
                b.vendor(h, t.column(h));
            }
        }
    }

    private static double[] ones(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1);
        return v;
    }
}
