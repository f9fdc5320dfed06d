package org.stackscope.io.cycler.neware;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
import org.stackscope.core.io.ColumnBuffer;
import org.stackscope.core.io.DelimitedText;
import org.stackscope.core.io.SafeZip;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.CyclerColumns.StepType;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.Steps;
import org.stackscope.core.model.Table;

/**
 * Record-layer CSV exports of Neware BTSDA ("DataPoint, Cycle Index, Step Index, Step Type, Time, Cumulative Time,
 * Current(A), Voltage(V), ..., Chg. Cap.(Ah), DChg. Cap.(Ah), ..., Date"). Units come from the headers (A/mA,
 * V/mV, Ah/mAh, Wh/mWh); durations may be seconds or [d-]h:mm:ss[.fff]; the Date column, a wall clock, is read in
 * the zone of the setting {@code timeZone} (default UTC). Numeric columns without a standard name are kept under
 * sanitised names; text columns other than the step type are left out (listed in the metadata).
 */
public final class NewareCsvImporter implements Importer<Table> {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(
            "yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS][.SS][.S]");
    private static final DateTimeFormatter DATE_SLASH = DateTimeFormatter.ofPattern("yyyy/M/d H:mm:ss[.SSS]");

    /** Header names only BTSDA writes; other vendors' exports with a status column do not match. */
    private static final List<String> NEWARE_HEADERS = List.of("step type", "chg. cap", "cumulative time",
            "record id", "realtime");

    /** The role of a header: a standard quantity, a Neware bookkeeping column, or "keep as is". */
    private enum Role {
        TIME, TIMESTAMP, VOLTAGE, CURRENT, CHARGE_CAPACITY, DISCHARGE_CAPACITY, CHARGE_ENERGY, DISCHARGE_ENERGY,
        TEMPERATURE, CYCLE, STEP, STATUS, RECORD, STEP_TIME, OTHER
    }

    @Override
    public Match matches(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (!name.endsWith(".csv") && !name.endsWith(".txt")) {
            return Match.NO;
        }
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1);
            String first = head.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
            List<Role> roles = first.isEmpty() ? List.of()
                    : DelimitedText.split(first, DelimitedText.delimiter(first)).stream()
                    .map(NewareCsvImporter::role).toList();
            String lower = first.toLowerCase(Locale.ROOT);
            boolean newareNames = NEWARE_HEADERS.stream().anyMatch(lower::contains);
            return newareNames && roles.contains(Role.STATUS) && roles.contains(Role.VOLTAGE)
                    && roles.contains(Role.CURRENT) ? Match.YES : Match.NO;
        } catch (IOException e) {
            return Match.NO;
        }
    }

    @Override
    public Table read(Path file, ImportSettings settings, Monitor monitor) throws ImportException {
        ZoneId zone = NewareNdaImporter.zone(file, settings);
        try (BufferedReader reader = DelimitedText.open(file)) {
            monitor.begin("Reading " + file.getFileName(), Files.size(file));
            String header = reader.readLine();
            int lineNo = 1;
            while (header != null && header.isBlank()) {
                header = reader.readLine();
                lineNo++;
            }
            if (header == null) {
                throw new ImportException(file, "", "the file is empty");
            }
            char delimiter = DelimitedText.delimiter(header);
            List<String> headers = DelimitedText.split(header.replace("\uFEFF", ""), delimiter);
            int n = headers.size();
            if (n > 4096) {
                throw new ImportException(file, "line " + lineNo, n + " columns: not a cycler export");
            }
            Role[] roles = new Role[n];
            double[] factors = new double[n];
            for (int c = 0; c < n; c++) {
                roles[c] = role(headers.get(c));
                factors[c] = factor(roles[c], unit(headers.get(c)));
            }
            if (indexOf(roles, Role.VOLTAGE) < 0 || indexOf(roles, Role.CURRENT) < 0
                    || indexOf(roles, Role.TIME) < 0 && indexOf(roles, Role.TIMESTAMP) < 0
                            && indexOf(roles, Role.STEP_TIME) < 0) {
                throw new ImportException(file, "line " + lineNo, "the header " + headers
                        + " lacks voltage, current or a time column");
            }
            ColumnBuffer[] values = new ColumnBuffer[n];
            boolean[] text = new boolean[n];
            for (int c = 0; c < n; c++) {
                values[c] = new ColumnBuffer(256);
            }
            int lastLine = DelimitedText.forEachRow(reader, delimiter, n, lineNo, file, monitor, (row, cells) -> {
                for (int c = 0; c < n; c++) {
                    if (text[c]) {
                        values[c].add(Double.NaN); // a text column: no number parsing (and exception) per row
                        continue;
                    }
                    String cell = cells.get(c).trim();
                    double v = switch (roles[c]) {
                        case STATUS -> statusCode(cell);
                        case TIME, STEP_TIME -> duration(cell) * factors[c];
                        case TIMESTAMP -> timestamp(cell, zone);
                        default -> number(cell) * factors[c];
                    };
                    if (Double.isNaN(v) && !cell.isEmpty()) {
                        if (roles[c] != Role.OTHER) {
                            throw new ImportException(file, "line " + row + ", column '" + headers.get(c) + "'",
                                    "'" + cell + "' cannot be read as " + roles[c].name().toLowerCase(Locale.ROOT));
                        }
                        text[c] = true;
                    }
                    values[c].add(v);
                }
            });
            if (values[0].size() == 0) {
                throw new ImportException(file, "line " + lastLine, "no data rows after the header");
            }
            monitor.done();
            return table(headers, roles, values, text, zone);
        } catch (IOException e) {
            throw new ImportException(file, "", "cannot be read: " + SafeZip.oneLine(e.getMessage()), e);
        }
    }

    private static Table table(List<String> headers, Role[] roles, ColumnBuffer[] values, boolean[] text,
            ZoneId zone) {
        List<Column> columns = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "Neware BTSDA CSV");
        List<String> dropped = new ArrayList<>();
        int timeColumn = indexOf(roles, Role.TIME);
        int stampColumn = indexOf(roles, Role.TIMESTAMP);
        double[] stamps = stampColumn >= 0 ? values[stampColumn].toArray() : null;
        int stepTimeColumn = indexOf(roles, Role.STEP_TIME);
        double[] time;
        if (timeColumn >= 0) {
            time = values[timeColumn].toArray();
        } else if (stepTimeColumn >= 0) {
            time = NewareRecords.testTime(values[stepTimeColumn].toArray());
        } else {
            time = stamps.clone();
            for (int i = 0; i < time.length; i++) {
                time[i] -= stamps[0];
            }
        }
        columns.add(new Column(CyclerColumns.TIME, "s", time));
        if (stamps != null && java.util.Arrays.stream(stamps).allMatch(Double::isFinite)) {
            columns.add(new Column(CyclerColumns.TIMESTAMP, "s", stamps));
            metadata.put("timestamp_zone", zone.getId() + " (wall-clock Date column; setting timeZone)");
        }
        addStandard(columns, roles, values, Role.VOLTAGE, CyclerColumns.VOLTAGE, "V");
        addStandard(columns, roles, values, Role.CURRENT, CyclerColumns.CURRENT, "A");
        addStandard(columns, roles, values, Role.CHARGE_CAPACITY, CyclerColumns.CHARGE_CAPACITY, "Ah");
        addStandard(columns, roles, values, Role.DISCHARGE_CAPACITY, CyclerColumns.DISCHARGE_CAPACITY, "Ah");
        addStandard(columns, roles, values, Role.CHARGE_ENERGY, CyclerColumns.CHARGE_ENERGY, "Wh");
        addStandard(columns, roles, values, Role.DISCHARGE_ENERGY, CyclerColumns.DISCHARGE_ENERGY, "Wh");
        addStandard(columns, roles, values, Role.TEMPERATURE, CyclerColumns.TEMPERATURE, "degC");
        int stepColumn = indexOf(roles, Role.STEP);
        int statusColumn = indexOf(roles, Role.STATUS);
        int rows = time.length;
        if (stepColumn >= 0 || statusColumn >= 0) {
            double[] step = new double[rows];
            double[] type = new double[rows];
            for (int i = 0, s = 0; i < rows; i++) {
                boolean changed = i == 0
                        || stepColumn >= 0 && values[stepColumn].get(i) != values[stepColumn].get(i - 1)
                        || statusColumn >= 0 && values[statusColumn].get(i) != values[statusColumn].get(i - 1);
                s += changed ? 1 : 0;
                step[i] = s;
                NewareStatus status = statusColumn >= 0 ? NewareStatus.of((int) values[statusColumn].get(i)) : null;
                type[i] = (status == null ? StepType.OTHER : status.stepType()).code();
            }
            columns.add(new Column(CyclerColumns.STEP, "", step));
            if (statusColumn >= 0) {
                columns.add(new Column(CyclerColumns.STEP_TYPE, "", type));
            }
        }
        for (int c = 0; c < headers.size(); c++) {
            String name = switch (roles[c]) {
                case RECORD -> "neware_record_index";
                case CYCLE -> "neware_cycle";
                case STEP -> "neware_step_number";
                case STATUS -> "neware_status";
                case STEP_TIME -> "step_time_s";
                case OTHER -> sanitize(headers.get(c));
                default -> null;
            };
            if (name == null || columns.stream().anyMatch(col -> col.name().equals(name))) {
                continue;
            }
            if (text[c]) {
                dropped.add(headers.get(c));
                continue;
            }
            String unit = roles[c] == Role.STEP_TIME ? "s" : roles[c] == Role.OTHER ? unit(headers.get(c)) : "";
            columns.add(new Column(name, unit, values[c].toArray()));
        }
        if (!dropped.isEmpty()) {
            metadata.put("text_columns_left_out", String.join(", ", dropped));
        }
        metadata.put("columns", String.join(", ", headers));
        return Steps.withSteps(new Table(DataKind.CYCLER, columns, metadata));
    }

    private static void addStandard(List<Column> columns, Role[] roles, ColumnBuffer[] values, Role role,
            String name, String unit) {
        int c = indexOf(roles, role);
        if (c >= 0) {
            columns.add(new Column(name, unit, values[c].toArray()));
        }
    }

    private static int indexOf(Role[] roles, Role role) {
        for (int c = 0; c < roles.length; c++) {
            if (roles[c] == role) {
                return c;
            }
        }
        return -1;
    }

    private static Role role(String header) {
        String h = baseName(header);
        return switch (h) {
            case "cumulative time", "total time", "test time" -> Role.TIME;
            case "time", "relative time", "step time" -> Role.STEP_TIME;
            case "date", "realtime", "real time", "absolute time", "system time" -> Role.TIMESTAMP;
            case "voltage" -> Role.VOLTAGE;
            case "current" -> Role.CURRENT;
            case "chg. cap.", "chg. capacity", "charge capacity" -> Role.CHARGE_CAPACITY;
            case "dchg. cap.", "dchg. capacity", "discharge capacity" -> Role.DISCHARGE_CAPACITY;
            case "chg. energy", "charge energy" -> Role.CHARGE_ENERGY;
            case "dchg. energy", "discharge energy" -> Role.DISCHARGE_ENERGY;
            case "cycle index", "cycle id", "cycle" -> Role.CYCLE;
            case "step index", "step id", "step number" -> Role.STEP;
            case "step type", "step name", "status" -> Role.STATUS;
            case "datapoint", "data point", "record id", "record index", "record number" -> Role.RECORD;
            case "t1", "temperature", "aux temperature" -> Role.TEMPERATURE;
            default -> Role.OTHER;
        };
    }

    private static String baseName(String header) {
        String h = header.trim().replace("\"", "");
        int paren = h.indexOf('(');
        return (paren > 0 ? h.substring(0, paren) : h).trim().toLowerCase(Locale.ROOT);
    }

    private static String unit(String header) {
        int open = header.indexOf('(');
        int close = header.lastIndexOf(')');
        return open >= 0 && close > open ? header.substring(open + 1, close).trim() : "";
    }

    /** Conversion of a header unit to SI (our storage units); 1 when the unit is already ours or absent. */
    private static double factor(Role role, String unit) {
        String u = unit.replace("µ", "u").replace("μ", "u");
        return switch (role) {
            case CURRENT -> u.equals("mA") ? 1e-3 : u.equals("uA") ? 1e-6 : 1;
            case VOLTAGE -> u.equals("mV") ? 1e-3 : 1;
            case CHARGE_CAPACITY, DISCHARGE_CAPACITY -> u.equals("mAh") ? 1e-3 : u.equals("uAh") ? 1e-6
                    : u.equalsIgnoreCase("As") ? 1 / 3600.0 : 1;
            case CHARGE_ENERGY, DISCHARGE_ENERGY -> u.equals("mWh") ? 1e-3 : u.equals("uWh") ? 1e-6 : 1;
            case TIME, STEP_TIME -> u.equals("h") ? 3600 : u.equals("min") ? 60 : u.equals("ms") ? 1e-3 : 1;
            default -> 1;
        };
    }

    /** A sanitised column name: lower case letters, digits and '_', with the unit appended ("spec_cap_mAh_per_g"). */
    static String sanitize(String header) {
        String base = baseName(header).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        String unit = unit(header).replace("/", "_per_").replace("%", "percent").replace("℃", "degC")
                .replaceAll("[^A-Za-z0-9_]+", "");
        String name = base.isEmpty() ? "column" : base;
        return unit.isEmpty() ? name : name + "_" + unit;
    }

    private static double statusCode(String cell) {
        NewareStatus s = NewareStatus.named(cell);
        return s == null ? (cell.isEmpty() ? Double.NaN : 0) : s.code;
    }

    private static double number(String cell) {
        if (cell.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Seconds from "12.5", "01:26:00", "144:01:18", "1-02:03:04.5" (days-hours); NaN when unreadable. */
    static double duration(String cell) {
        if (cell.indexOf(':') < 0) {
            return number(cell);
        }
        double days = 0;
        String rest = cell;
        int dash = cell.indexOf('-');
        if (dash > 0) {
            days = number(cell.substring(0, dash));
            rest = cell.substring(dash + 1);
        }
        String[] parts = rest.split(":");
        double seconds = 0;
        for (String p : parts) {
            double v = number(p);
            if (Double.isNaN(v) || v < 0) {
                return Double.NaN;
            }
            seconds = seconds * 60 + v;
        }
        return parts.length > 3 ? Double.NaN : days * 86400 + seconds;
    }

    private static double timestamp(String cell, ZoneId zone) {
        LocalDateTime fast = isoLike(cell);
        if (fast != null) {
            return fast.atZone(zone).toEpochSecond() + fast.getNano() / 1e9;
        }
        for (DateTimeFormatter f : List.of(DATE, DATE_SLASH)) {
            try {
                LocalDateTime t = LocalDateTime.parse(cell, f);
                return t.atZone(zone).toEpochSecond() + t.getNano() / 1e9;
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return Double.NaN;
    }

    /**
     * "yyyy-MM-dd HH:mm:ss[.fff]" read by position, the form BTSDA writes on every row (a formatter with optional
     * sections costs microseconds per call); null for anything else.
     */
    static LocalDateTime isoLike(String cell) {
        int n = cell.length();
        if (n < 19 || cell.charAt(4) != '-' || cell.charAt(7) != '-' || cell.charAt(10) != ' '
                || cell.charAt(13) != ':' || cell.charAt(16) != ':' || n > 19 && (cell.charAt(19) != '.' || n > 29)) {
            return null;
        }
        int[] at = { 0, 5, 8, 11, 14, 17 };
        int[] len = { 4, 2, 2, 2, 2, 2 };
        int[] v = new int[6];
        for (int k = 0; k < 6; k++) {
            for (int i = at[k]; i < at[k] + len[k]; i++) {
                char ch = cell.charAt(i);
                if (ch < '0' || ch > '9') {
                    return null;
                }
                v[k] = v[k] * 10 + ch - '0';
            }
        }
        int nanos = 0;
        for (int i = 20, scale = 100_000_000; i < n; i++, scale /= 10) {
            char ch = cell.charAt(i);
            if (ch < '0' || ch > '9') {
                return null;
            }
            nanos += (ch - '0') * scale;
        }
        try {
            return LocalDateTime.of(v[0], v[1], v[2], v[3], v[4], v[5], nanos);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
