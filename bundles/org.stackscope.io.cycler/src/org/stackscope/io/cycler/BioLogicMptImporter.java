package org.stackscope.io.cycler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Table;

/**
 * BioLogic EC-Lab / BT-Lab text exports (.mpt): "EC-Lab ASCII FILE", "Nb header lines : N", N-3 lines of settings
 * (kept as metadata), a tab-separated header line and tab-separated numbers, with '.' or ',' decimals in every
 * export locale. Column names and mapping are shared with the .mpr reader ({@link EcLabColumns}).
 */
public final class BioLogicMptImporter implements Importer<Table> {

    public static final String ID = "biologic-mpt";

    @Override
    public Match matches(Path file) {
        String head = Sniff.head(file, 64);
        if (head.startsWith("EC-Lab ASCII FILE") || head.startsWith("BT-Lab ASCII FILE")) {
            return Match.YES;
        }
        return Sniff.extension(file).equals("mpt") && !head.isEmpty() ? Match.MAYBE : Match.NO;
    }

    @Override
    public Table read(Path file, ImportSettings settings, Monitor monitor) throws ImportException {
        TextCursor text = new TextCursor(Sniff.readAll(file, monitor));
        if (!text.nextLine() || !(text.line().startsWith("EC-Lab ASCII FILE")
                || text.line().startsWith("BT-Lab ASCII FILE"))) {
            throw new ImportException(file, "line 1", "not an EC-Lab text export (no 'EC-Lab ASCII FILE' line)");
        }
        if (!text.nextLine()) {
            throw new ImportException(file, "line 2", "ends before the 'Nb header lines' line");
        }
        String countLine = text.line();
        int headerLines;
        try {
            headerLines = Integer.parseInt(countLine.substring(countLine.indexOf(':') + 1).trim());
        } catch (RuntimeException e) {
            throw new ImportException(file, "line 2", "expected 'Nb header lines : N', found '" + countLine + "'");
        }
        if (headerLines < 3) {
            throw new ImportException(file, "line 2", "header line count " + headerLines + " is below 3");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        List<String> settingsLines = new ArrayList<>();
        while (text.lineNumber() < headerLines - 1) {
            if (!text.nextLine()) {
                throw new ImportException(file, "line " + text.lineNumber(), "ends inside the " + headerLines
                        + "-line header");
            }
            settingsLines.add(text.line());
        }
        metadata(settingsLines, metadata);
        if (!text.nextLine()) {
            throw new ImportException(file, "line " + headerLines, "ends before the column header line");
        }
        text.split((byte) '\t');
        List<String> headers = new ArrayList<>();
        for (int c = 0; c < text.cells(); c++) {
            headers.add(text.cell(c).isEmpty() ? "column " + (c + 1) : text.cell(c));
        }
        // EC-Lab ends the header and every row with a tab
        while (!headers.isEmpty() && headers.get(headers.size() - 1).equals("column " + headers.size())) {
            headers.remove(headers.size() - 1);
        }
        if (headers.isEmpty()) {
            throw new ImportException(file, "line " + headerLines, "the column header line is empty");
        }
        List<String> warnings = new ArrayList<>();
        int n = -1;
        DoubleSeries[] values = null;
        TabbedNumbers fast = null;
        double[] row = null;
        while (true) {
            if (fast != null) {
                // plain rows in one pass; anything else (blank, malformed, NaN text) goes through the general path
                int line = text.lineNumber();
                while (fast.row(row, n)) {
                    for (int c = 0; c < n; c++) {
                        values[c].add(row[c]);
                    }
                    if ((++line & 0xffff) == 0) {
                        monitor.checkCanceled();
                        monitor.worked(fast.pos);
                    }
                }
                text.seek(fast.pos, line);
            }
            if (!text.nextLine()) {
                break;
            }
            if (fast != null) {
                fast.pos = text.position(); // this line is handled here, the fast path resumes after it
            }
            if (text.lineIsBlank()) {
                continue;
            }
            int cells = text.split((byte) '\t');
            if (cells > 0 && text.cellStart(cells - 1) == text.cellEnd(cells - 1)) {
                cells--;
            }
            if (n < 0) {
                // some EC-Lab versions name more columns than they write (issue 225 of yadg): trust the data
                n = Math.min(cells, headers.size());
                if (n == 0) {
                    throw new ImportException(file, "line " + text.lineNumber(), "the first data row holds no values");
                }
                if (n < headers.size()) {
                    warnings.add("header names " + headers.size() + " columns, rows hold " + n + ": "
                            + headers.subList(n, headers.size()) + " have no data");
                    headers = headers.subList(0, n);
                }
                values = new DoubleSeries[n];
                // rows estimated from the first row's length, capped so a short first row cannot over-allocate
                int estimate = (int) Math.min(1 << 22, text.data().length / Math.max(1,
                        text.lineEnd() - text.lineStart() + 1) + 16);
                for (int c = 0; c < n; c++) {
                    values[c] = new DoubleSeries(estimate);
                }
                fast = new TabbedNumbers(text.data(), text.position());
                row = new double[n];
            }
            if (cells != n) {
                throw new ImportException(file, "line " + text.lineNumber(), "has " + cells + " cells, the first row "
                        + n + " (header: " + headers.size() + " columns)");
            }
            for (int c = 0; c < n; c++) {
                try {
                    values[c].add(text.number(c));
                } catch (NumberFormatException e) {
                    throw new ImportException(file, "line " + text.lineNumber() + ", column '" + headers.get(c) + "'",
                            e.getMessage());
                }
            }
        }
        if (n < 0) {
            n = headers.size();
            values = new DoubleSeries[n];
            for (int c = 0; c < n; c++) {
                values[c] = new DoubleSeries(16);
            }
        }
        LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
        for (int c = 0; c < n; c++) {
            String name = headers.get(c);
            for (int k = 2; columns.containsKey(name); k++) {
                name = headers.get(c) + " " + k;
            }
            columns.put(name, values[c].toArray());
        }
        monitor.done();
        return EcLabColumns.table(file, ID, columns, metadata, warnings);
    }

    /** "key : value" lines and the two-column parameter table ("Mode   Single sine") become metadata. */
    private static void metadata(List<String> lines, Map<String, String> metadata) {
        for (String line : lines) {
            String t = line.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (!metadata.containsKey("technique")) {
                metadata.put("technique", t);
                continue;
            }
            int colon = t.indexOf(" : ");
            if (colon > 0) {
                metadata.putIfAbsent(t.substring(0, colon).strip(), t.substring(colon + 3).strip());
                continue;
            }
            // parameter table: the name is padded to column 20, values of each sequence follow in 20-char columns
            if (line.length() > 20 && line.charAt(19) == ' ') {
                String key = line.substring(0, 20).strip();
                if (!key.isEmpty()) {
                    metadata.putIfAbsent("param." + key, line.substring(20).strip().replaceAll(" {2,}", "; "));
                    continue;
                }
            }
            metadata.merge("notes", t, (a, b) -> a + " | " + b);
        }
    }
}
