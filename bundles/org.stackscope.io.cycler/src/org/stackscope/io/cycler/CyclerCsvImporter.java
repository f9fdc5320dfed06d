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
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.Table;
import org.stackscope.core.results.BdfCsvExporter;

/**
 * Any delimited cycler log, with the columns named in settings:
 * <ul>
 * <li>{@code columns} - {@code standard=header} pairs, e.g. {@code time_s=Time (s),voltage_V=Ewe/V,current_A=I/mA};
 * without it, columns already named as Stackscope ({@code time_s}) or Battery Data Format ({@code Test Time / s})
 * names are found, so this importer reads {@link BdfCsvExporter}'s files back;</li>
 * <li>{@code timeUnit} (s, min, h) and {@code currentUnit} (A, mA, uA) when headers carry no unit;</li>
 * <li>{@code delimiter} ({@code tab}, {@code ;}, {@code ,}; default: guessed from the header line) and
 * {@code decimal} ({@code .} or {@code ,}; a comma decimal makes ';' the default delimiter);</li>
 * <li>{@code headerLine} (1-based; default: the first line that is not empty or a '#' comment).</li>
 * </ul>
 * Unmapped numeric columns are kept under sanitised names; text columns are listed in the metadata.
 */
public final class CyclerCsvImporter implements Importer<Table> {

    public static final String ID = "cycler-csv";

    /** Standard columns the mapping may name, with the unit they are stored in. */
    private static final Map<String, String> STANDARD = new LinkedHashMap<>();
    static {
        STANDARD.put(CyclerColumns.TIME, "s");
        STANDARD.put(CyclerColumns.VOLTAGE, "V");
        STANDARD.put(CyclerColumns.CURRENT, "A");
        STANDARD.put(CyclerColumns.CHARGE_CAPACITY, "Ah");
        STANDARD.put(CyclerColumns.DISCHARGE_CAPACITY, "Ah");
        STANDARD.put(CyclerColumns.CHARGE_ENERGY, "Wh");
        STANDARD.put(CyclerColumns.DISCHARGE_ENERGY, "Wh");
        STANDARD.put(CyclerColumns.CYCLE, "");
        STANDARD.put(CyclerColumns.STEP, "");
        STANDARD.put(CyclerColumns.STEP_TYPE, "");
        STANDARD.put(CyclerColumns.TEMPERATURE, "degC");
        STANDARD.put(CyclerColumns.TIMESTAMP, "s");
        STANDARD.put(CyclerColumns.PRESSURE, "MPa");
    }

    @Override
    public Match matches(Path file) {
        String ext = Sniff.extension(file);
        if (!(ext.equals("csv") || ext.equals("tsv") || ext.equals("txt"))) {
            return Match.NO;
        }
        String head = Sniff.head(file, 4096);
        boolean named = true;
        for (String standard : List.of(CyclerColumns.TIME, CyclerColumns.VOLTAGE, CyclerColumns.CURRENT)) {
            named &= head.contains(standard) || head.contains(CyclerColumns.BATTERY_DATA_FORMAT.get(standard));
        }
        return named ? Match.YES : Match.MAYBE;
    }

    @Override
    public Table read(Path file, ImportSettings settings, Monitor monitor) throws ImportException {
        Map<String, String> mapping = mapping(file, settings.get("columns", ""));
        TextCursor text = new TextCursor(Sniff.readAll(file, monitor));
        int headerLine;
        try {
            headerLine = Integer.parseInt(settings.get("headerLine", "0").trim());
        } catch (NumberFormatException e) {
            throw new ImportException(file, "setting headerLine", "'" + settings.get("headerLine", "")
                    + "' is not a line number");
        }
        while (true) {
            if (!text.nextLine()) {
                throw new ImportException(file, "line " + text.lineNumber(), "no header line");
            }
            if (headerLine > 0 ? text.lineNumber() == headerLine : !text.lineIsBlank() && !text.line().startsWith("#")) {
                break;
            }
        }
        byte delimiter = delimiter(file, settings, text.line());
        text.split(delimiter);
        List<String> headers = new ArrayList<>();
        for (int c = 0; c < text.cells(); c++) {
            headers.add(text.cell(c));
        }
        int headerAt = text.lineNumber();
        // standard name -> header index
        Map<String, Integer> mapped = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : mapping.entrySet()) {
            int c = headers.indexOf(e.getValue());
            if (c < 0) {
                throw new ImportException(file, "line " + headerAt, "column '" + e.getValue() + "' mapped to "
                        + e.getKey() + " is not in the header " + headers);
            }
            mapped.put(e.getKey(), c);
        }
        if (mapping.isEmpty()) {
            for (String standard : STANDARD.keySet()) {
                String bdf = CyclerColumns.BATTERY_DATA_FORMAT.get(standard);
                for (int c = 0; c < headers.size(); c++) {
                    String h = headers.get(c);
                    if (h.equals(standard) || h.equals(bdf) || h.startsWith(standard + " [")) {
                        mapped.put(standard, c);
                        break;
                    }
                }
            }
        }
        for (String required : List.of(CyclerColumns.TIME, CyclerColumns.VOLTAGE, CyclerColumns.CURRENT)) {
            if (!mapped.containsKey(required)) {
                throw new ImportException(file, "line " + headerAt, "no column maps to " + required + ": set "
                        + "columns=time_s=<header>,voltage_V=<header>,current_A=<header> (header: " + headers + ")");
            }
        }
        TextTable table = new TextTable(file, headers);
        while (text.nextLine()) {
            if ((text.lineNumber() & 0xffff) == 0) {
                monitor.checkCanceled();
            }
            if (text.lineIsBlank()) {
                continue;
            }
            if (text.split(delimiter) < headers.size()) {
                throw new ImportException(file, "line " + text.lineNumber(), "has " + text.cells() + " cells, the "
                        + "header " + headers.size());
            }
            table.add(text, 0);
        }
        if (table.rows() == 0) {
            throw new ImportException(file, "line " + text.lineNumber(), "no data rows after the header");
        }
        TableBuilder b = new TableBuilder(file, ID);
        b.metadata().put("columns", String.join(", ", headers));
        if (!table.skipped().isEmpty()) {
            b.metadata().put("textColumns", String.join(", ", table.skipped()));
        }
        for (Map.Entry<String, Integer> e : mapped.entrySet()) {
            String header = headers.get(e.getValue());
            double[] v = table.column(header);
            if (v == null) {
                throw new ImportException(file, "line " + (headerAt + 1) + ", column '" + header + "'", "mapped to "
                        + e.getKey() + " but not numeric");
            }
            double factor = factor(file, e.getKey(), header, settings);
            for (int i = 0; i < v.length; i++) {
                v[i] *= factor;
            }
            b.standard(e.getKey(), STANDARD.getOrDefault(e.getKey(), ""), v);
        }
        for (String h : table.numericHeaders()) {
            if (!mapped.containsValue(headers.indexOf(h))) {
                b.vendor(h, table.column(h));
            }
        }
        monitor.done();
        return b.cycler(null);
    }

    private static Map<String, String> mapping(Path file, String text) throws ImportException {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (text.isBlank()) {
            return mapping;
        }
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            String key = eq > 0 ? pair.substring(0, eq).trim() : "";
            if (!STANDARD.containsKey(key) || pair.substring(eq + 1).isBlank()) {
                throw new ImportException(file, "setting columns", "'" + pair.trim() + "' is not standard=header with "
                        + "standard one of " + STANDARD.keySet());
            }
            mapping.put(key, pair.substring(eq + 1).trim());
        }
        return mapping;
    }

    private static byte delimiter(Path file, ImportSettings settings, String header) throws ImportException {
        String d = settings.get("delimiter", "auto");
        boolean commaDecimal = settings.get("decimal", ".").equals(",");
        return switch (d) {
            case "tab", "\t" -> (byte) '\t';
            case ";" -> (byte) ';';
            case "," -> {
                if (commaDecimal) {
                    throw new ImportException(file, "settings", "delimiter ',' and decimal ',' cannot both hold");
                }
                yield (byte) ',';
            }
            case "auto" -> header.indexOf('\t') >= 0 ? (byte) '\t'
                    : header.indexOf(';') >= 0 || commaDecimal ? (byte) ';' : (byte) ',';
            default -> throw new ImportException(file, "settings", "delimiter '" + d + "' is not tab, ';' or ','");
        };
    }

    /** The factor to the stored unit: from the header's unit, else from timeUnit / currentUnit, else 1. */
    private static double factor(Path file, String standard, String header, ImportSettings settings)
            throws ImportException {
        String target = STANDARD.getOrDefault(standard, "");
        String unit = VendorUnits.split(header)[1];
        if (unit.isEmpty() && header.startsWith(standard)) {
            unit = target;
        }
        if (unit.isEmpty() && standard.equals(CyclerColumns.TIME)) {
            unit = settings.get("timeUnit", "s");
        }
        if (unit.isEmpty() && standard.equals(CyclerColumns.CURRENT)) {
            unit = settings.get("currentUnit", "A");
        }
        if (unit.isEmpty() || target.isEmpty()) {
            return 1;
        }
        VendorUnits.Scale s = VendorUnits.si(unit);
        if (!s.unit().equals(target)) {
            throw new ImportException(file, "column '" + header + "'", "unit '" + unit + "' cannot be converted to "
                    + target + " for " + standard);
        }
        return s.factor();
    }
}
