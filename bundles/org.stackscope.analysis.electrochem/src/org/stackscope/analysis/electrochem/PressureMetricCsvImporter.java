package org.stackscope.analysis.electrochem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.Table;

/**
 * A small table of metrics against stack pressure — one row per cell or dataset — as CSV, the input of
 * {@code metric-vs-pressure} on the command line: a header with a pressure column ({@code pressure_MPa}, or
 * {@code pressure [MPa]} as Stackscope's own CSV tables write units) and numeric metric columns; {@code Infinity}
 * and {@code NaN} are allowed (a cell that never shorted). A file with a time, voltage, current or force column is a
 * log, not this.
 */
public final class PressureMetricCsvImporter implements Importer<Table> {

    /** Column names that start a log's column (a metric such as short.time_h is fine). */
    private static final Pattern LOG_COLUMN = Pattern.compile("(?i)(test[ _]?)?(time|date|voltage|ewe|current|force)");
    private static final Pattern UNIT = Pattern.compile("^(.*?)\\s*[\\[(]([^\\])]*)[\\])]\\s*$");

    @Override
    public Match matches(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file) || !(name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt"))) {
            return Match.NO;
        }
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            String first = head.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
            List<String[]> headers = parseHeader(first);
            boolean pressure = headers.stream().anyMatch(h -> isPressure(h));
            // Time, voltage, current or force columns make it a log (load cell, cycler), not a table of metrics.
            boolean log = headers.stream().anyMatch(h -> LOG_COLUMN.matcher(h[0]).lookingAt());
            return pressure && !log && headers.size() >= 2 ? Match.YES : Match.NO;
        } catch (IOException e) {
            return Match.NO;
        }
    }

    @Override
    public Table read(Path file, ImportSettings settings, Monitor monitor) throws ImportException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            int lineNo = 1;
            while (line != null && line.isBlank()) {
                line = reader.readLine();
                lineNo++;
            }
            if (line == null) {
                throw new ImportException(file, "line 1", "empty file");
            }
            char delimiter = delimiter(line);
            List<String[]> headers = parseHeader(line);
            int pressureColumn = -1;
            for (int c = 0; c < headers.size(); c++) {
                if (isPressure(headers.get(c))) {
                    pressureColumn = c;
                    break;
                }
            }
            if (pressureColumn < 0) {
                throw new ImportException(file, "line " + lineNo, "no pressure column in MPa (pressure_MPa or "
                        + "pressure [MPa])");
            }
            List<DoubleList> values = new ArrayList<>();
            for (int c = 0; c < headers.size(); c++) {
                values.add(new DoubleList());
            }
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(Pattern.quote(String.valueOf(delimiter)), -1);
                if (cells.length != headers.size()) {
                    throw new ImportException(file, "line " + lineNo, cells.length + " fields, the header has "
                            + headers.size());
                }
                for (int c = 0; c < cells.length; c++) {
                    values.get(c).add(number(file, lineNo, headers.get(c)[0], cells[c].trim()));
                }
            }
            if (values.get(0).size() == 0) {
                throw new ImportException(file, "line " + lineNo, "no data rows after the header");
            }
            List<Column> columns = new ArrayList<>();
            for (int c = 0; c < headers.size(); c++) {
                String colName = c == pressureColumn ? CyclerColumns.PRESSURE : headers.get(c)[0];
                String unit = c == pressureColumn ? "MPa" : headers.get(c)[1];
                columns.add(new Column(colName, unit, values.get(c).toArray()));
            }
            return new Table(DataKind.TABLE, columns, Map.of("source", file.getFileName().toString()));
        } catch (IOException e) {
            throw new ImportException(file, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    private static double number(Path file, int lineNo, String column, String text) throws ImportException {
        String t = text.replace("\"", "").trim();
        switch (t.toLowerCase(Locale.ROOT)) {
            case "inf", "infinity", "+inf", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "nan", "" -> {
                return Double.NaN;
            }
            default -> {
                try {
                    return Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw new ImportException(file, "line " + lineNo + ", column '" + column + "'", "'" + text
                            + "' is not a number");
                }
            }
        }
    }

    private static char delimiter(String header) {
        return header.indexOf('\t') >= 0 ? '\t' : header.indexOf(';') >= 0 ? ';' : ',';
    }

    /** Header cells as {name, unit}; the unit comes from a trailing [unit] or (unit). */
    private static List<String[]> parseHeader(String line) {
        List<String[]> out = new ArrayList<>();
        for (String cell : line.split(Pattern.quote(String.valueOf(delimiter(line))), -1)) {
            String c = cell.replace("\"", "").trim();
            Matcher m = UNIT.matcher(c);
            out.add(m.matches() ? new String[] { m.group(1).trim(), m.group(2).trim() } : new String[] { c, "" });
        }
        return out;
    }

    private static boolean isPressure(String[] header) {
        String name = header[0].toLowerCase(Locale.ROOT);
        return name.equals("pressure_mpa") || name.equals("stack_pressure_mpa")
                || (name.equals("pressure") || name.equals("stack pressure")) && header[1].equals("MPa");
    }
}
