package org.stackscope.io.pressure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.io.DelimitedText;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.Table;

/**
 * Load-cell logs as delimited text: a time column (seconds, minutes, hours or timestamps) and a force, pressure or
 * transducer-voltage column, recognised by header name and unit ("Force (kN)", "pressure_MPa", "Time [s]").
 * Stack pressure = force / cell area; the area comes from the settings {@code cellDiameter_mm} or
 * {@code cellArea_mm2} (a study passes its cell's diameter). Voltages need {@code newtonsPerVolt} or
 * {@code mpaPerVolt} (with {@code voltageOffset_V}); {@code timeOffset_s} shifts the clock onto the cycler's.
 * Output columns: {@code time_s}, {@code force_N} and {@code pressure_MPa} where they can be known, and
 * {@code timestamp_s} (seconds since 1970 UTC) when the log has date-times, read in {@code timeZone} (default UTC),
 * so that pressure-evolution can align it with a cycler file by timestamps.
 */
public final class LoadCellCsvImporter implements Importer<Table> {

    private static final int SNIFF_BYTES = 8192;
    private static final List<String> EXTENSIONS = List.of(".csv", ".tsv", ".txt", ".dat");
    private static final List<DateTimeFormatter> TIMESTAMPS = List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS][.SS][.S]"),
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss[.SSS]"),
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss[.SSS]"),
            DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss[.SSS]"));

    /** Where the needed columns are and how to convert them. */
    private record Layout(char delimiter, List<String> headers, int time, int force, int pressure, int voltage) {
        boolean usable() {
            return time >= 0 && (force >= 0 || pressure >= 0 || voltage >= 0);
        }
    }

    @Override
    public Match matches(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file) || EXTENSIONS.stream().noneMatch(name::endsWith)) {
            return Match.NO;
        }
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(SNIFF_BYTES), StandardCharsets.ISO_8859_1);
            for (String line : head.split("\r?\n")) {
                if (isContent(line)) {
                    return layout(line).usable() ? Match.YES : Match.NO;
                }
            }
        } catch (IOException e) {
            return Match.NO;
        }
        return Match.NO;
    }

    @Override
    public Table read(Path file, ImportSettings settings, Monitor monitor) throws ImportException {
        try (BufferedReader reader = DelimitedText.open(file)) {
            return read(file, reader, settings, monitor, Files.size(file));
        } catch (IOException e) {
            throw new ImportException(file, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    private Table read(Path file, BufferedReader reader, ImportSettings settings, Monitor monitor, long size)
            throws IOException, ImportException {
        monitor.begin("Reading " + file.getFileName(), size);
        int lineNo = 0;
        String line;
        Layout layout = null;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (isContent(line)) {
                layout = layout(line);
                break;
            }
        }
        if (layout == null) {
            throw new ImportException(file, "", "the file is empty");
        }
        if (!layout.usable()) {
            throw new ImportException(file, "line " + lineNo, "the header " + layout.headers()
                    + " has no time column together with a force, pressure or voltage column");
        }
        double[] factors = new double[layout.headers().size()];
        for (Quantity q : Quantity.values()) {
            int c = column(layout, q);
            if (c >= 0) {
                try {
                    factors[c] = q.factor(ColumnHeader.parse(layout.headers().get(c)).unit());
                } catch (IllegalArgumentException e) {
                    throw new ImportException(file, "line " + lineNo + ", column '" + layout.headers().get(c) + "'",
                            e.getMessage());
                }
            }
        }
        Series time = new Series();
        Series force = new Series();
        Series pressure = new Series();
        Series voltage = new Series();
        DateTimeFormatter timestampFormat = null;
        LocalDateTime start = null;
        long bytes = 0;
        int needed = Math.max(Math.max(layout.time(), layout.force()), Math.max(layout.pressure(), layout.voltage()));
        while ((line = reader.readLine()) != null) {
            lineNo++;
            bytes += line.length() + 1;
            if ((lineNo & 0x3fff) == 0) {
                monitor.checkCanceled();
                monitor.worked(bytes);
                bytes = 0;
            }
            if (!isContent(line)) {
                continue;
            }
            String[] cells = split(line, layout.delimiter());
            if (cells.length <= needed) {
                throw new ImportException(file, "line " + lineNo, "has " + cells.length + " columns, the header "
                        + layout.headers().size());
            }
            String timeText = cells[layout.time()].trim();
            double t;
            if (timestampFormat == null && time.size == 0 && !looksNumeric(timeText)) {
                timestampFormat = timestampFormat(timeText);
                if (timestampFormat == null) {
                    throw new ImportException(file, "line " + lineNo + ", column '" + layout.headers().get(layout.time())
                            + "'", "'" + timeText + "' is neither a number nor a date-time such as 2026-11-22 06:00:00");
                }
            }
            if (timestampFormat != null) {
                try {
                    LocalDateTime stamp = LocalDateTime.parse(timeText, timestampFormat);
                    start = start == null ? stamp : start;
                    t = java.time.Duration.between(start, stamp).toNanos() / 1e9;
                } catch (DateTimeParseException e) {
                    throw new ImportException(file, "line " + lineNo + ", column '" + layout.headers().get(layout.time())
                            + "'", "'" + timeText + "' does not match the date-time format of the first row");
                }
            } else {
                t = number(file, layout, cells, layout.time(), lineNo) * factors[layout.time()];
            }
            time.add(t);
            addIfPresent(force, file, layout, cells, layout.force(), lineNo, factors);
            addIfPresent(pressure, file, layout, cells, layout.pressure(), lineNo, factors);
            addIfPresent(voltage, file, layout, cells, layout.voltage(), lineNo, factors);
        }
        if (time.size == 0) {
            throw new ImportException(file, "line " + lineNo, "no data rows after the header");
        }
        monitor.done();
        return table(file, layout, settings, time, force, pressure, voltage, start);
    }

    private static Table table(Path file, Layout layout, ImportSettings settings, Series time, Series force,
            Series pressure, Series voltage, LocalDateTime start) throws ImportException {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("columns", String.join(", ", layout.headers()));
        if (start != null) {
            metadata.put("startTime", start.toString());
        }
        double area;
        try {
            area = cellAreaMm2(settings);
        } catch (IllegalArgumentException e) {
            throw new ImportException(file, "", e.getMessage());
        }
        double[] forceN = force.size > 0 ? force.values() : null;
        double[] pressureMPa = pressure.size > 0 ? pressure.values() : null;
        if (voltage.size > 0 && forceN == null && pressureMPa == null) {
            double offset = parse(settings, "voltageOffset_V", 0);
            if (settings.has("newtonsPerVolt")) {
                forceN = scaled(voltage.values(), offset, settings.getPositive("newtonsPerVolt", 1));
            } else if (settings.has("mpaPerVolt")) {
                pressureMPa = scaled(voltage.values(), offset, settings.getPositive("mpaPerVolt", 1));
            } else {
                throw new ImportException(file, "column '" + layout.headers().get(layout.voltage()) + "'",
                        "holds a transducer voltage: set newtonsPerVolt or mpaPerVolt (and voltageOffset_V)");
            }
            metadata.put("calibration", settings.has("newtonsPerVolt") ? "newtonsPerVolt=" + settings.get(
                    "newtonsPerVolt", "") : "mpaPerVolt=" + settings.get("mpaPerVolt", ""));
        }
        // 1 N / 1 mm² = 1 MPa
        if (pressureMPa == null && forceN != null && !Double.isNaN(area)) {
            pressureMPa = Arrays.stream(forceN).map(f -> f / area).toArray();
        } else if (forceN == null && pressureMPa != null && !Double.isNaN(area)) {
            forceN = Arrays.stream(pressureMPa).map(p -> p * area).toArray();
        }
        if (!Double.isNaN(area)) {
            metadata.put("cellArea_mm2", Double.toString(area));
        } else if (pressureMPa == null) {
            metadata.put("note", "stack pressure needs the cell area: set cellDiameter_mm or cellArea_mm2");
        }
        double offset = parse(settings, "timeOffset_s", 0);
        double[] t = Arrays.stream(time.values()).map(v -> v + offset).toArray();
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("time_s", "s", t));
        if (start != null) {
            // wall-clock time for aligning with a cycler file's own timestamps (CyclerColumns.TIMESTAMP)
            java.time.ZoneId zone;
            try {
                zone = java.time.ZoneId.of(settings.get("timeZone", "UTC"));
            } catch (java.time.DateTimeException e) {
                throw new ImportException(file, "setting timeZone", "'" + settings.get("timeZone", "")
                        + "' is not a time zone (e.g. UTC, Europe/Berlin, +01:00)");
            }
            double epochStart = start.atZone(zone).toInstant().toEpochMilli() / 1e3;
            columns.add(new Column("timestamp_s", "s", Arrays.stream(t).map(v -> v + epochStart).toArray()));
            metadata.put("timeZone", zone.getId());
        }
        if (forceN != null) {
            columns.add(new Column("force_N", "N", forceN));
        }
        if (pressureMPa != null) {
            columns.add(new Column("pressure_MPa", "MPa", pressureMPa));
        }
        return new Table(DataKind.PRESSURE, columns, metadata);
    }

    /** The cell area in mm² from cellArea_mm2 or cellDiameter_mm, NaN when neither is set. */
    static double cellAreaMm2(ImportSettings settings) {
        if (settings.has("cellArea_mm2")) {
            return settings.getPositive("cellArea_mm2", Double.NaN);
        }
        if (settings.has("cellDiameter_mm")) {
            double d = settings.getPositive("cellDiameter_mm", Double.NaN);
            return Math.PI * d * d / 4;
        }
        return Double.NaN;
    }

    private static double parse(ImportSettings settings, String key, double fallback) {
        String text = settings.get(key, null);
        if (text == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + "=" + text + " is not a number");
        }
    }

    private static double[] scaled(double[] volts, double offset, double factor) {
        return Arrays.stream(volts).map(v -> (v - offset) * factor).toArray();
    }

    private static void addIfPresent(Series into, Path file, Layout layout, String[] cells, int column, int lineNo,
            double[] factors) throws ImportException {
        if (column >= 0) {
            into.add(number(file, layout, cells, column, lineNo) * factors[column]);
        }
    }

    private static double number(Path file, Layout layout, String[] cells, int column, int lineNo)
            throws ImportException {
        String text = cells[column].trim().replaceAll("^\"|\"$", "");
        try {
            // decimal commas occur with ';' and tab delimiters (European locales)
            String normalized = layout.delimiter() != ',' && text.indexOf(',') >= 0 && text.indexOf('.') < 0
                    ? text.replace(',', '.')
                    : text;
            double v = Double.parseDouble(normalized);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ImportException(file, "line " + lineNo + ", column '" + layout.headers().get(column) + "'",
                "'" + text + "' is not a finite number");
    }

    private static boolean looksNumeric(String text) {
        return text.matches("[-+]?[0-9]*[.,]?[0-9]+([eE][-+]?[0-9]+)?");
    }

    private static DateTimeFormatter timestampFormat(String text) {
        for (DateTimeFormatter f : TIMESTAMPS) {
            try {
                LocalDateTime.parse(text, f);
                return f;
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    private static boolean isContent(String line) {
        String t = line.trim();
        return !t.isEmpty() && !t.startsWith("#");
    }

    private static Layout layout(String header) {
        char delimiter = header.indexOf('\t') >= 0 ? '\t' : header.indexOf(';') >= 0 ? ';' : ',';
        List<String> headers = List.of(split(header, delimiter)).stream().map(String::trim)
                .map(h -> h.replaceAll("^\"|\"$", "")).toList();
        int[] found = { -1, -1, -1, -1 };
        for (int c = 0; c < headers.size(); c++) {
            Quantity q = Quantity.byName(ColumnHeader.parse(headers.get(c)).name());
            if (q != null && found[q.ordinal()] < 0) {
                found[q.ordinal()] = c;
            }
        }
        return new Layout(delimiter, headers, found[Quantity.TIME.ordinal()], found[Quantity.FORCE.ordinal()],
                found[Quantity.PRESSURE.ordinal()], found[Quantity.VOLTAGE.ordinal()]);
    }

    private static int column(Layout layout, Quantity q) {
        return switch (q) {
            case TIME -> layout.time();
            case FORCE -> layout.force();
            case PRESSURE -> layout.pressure();
            case VOLTAGE -> layout.voltage();
        };
    }

    private static String[] split(String line, char delimiter) {
        return line.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1);
    }

    /** A growable primitive column: no boxing for logs of millions of rows. */
    private static final class Series {
        private double[] data = new double[1024];
        private int size;

        void add(double v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        double[] values() {
            return Arrays.copyOf(data, size);
        }
    }
}
