package org.stackscope.io.cycler.arbin;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.stackscope.core.api.DataKind;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.Steps;
import org.stackscope.core.model.Table;

/**
 * Turns Arbin's channel columns (the same names in .res tables, CSV and Excel exports, with or without a unit
 * suffix such as "Voltage(V)") into one cycler table. Arbin counts charge and discharge capacity and energy over a
 * whole cycle; the table holds them per step, as {@link CyclerColumns} defines, and keeps the cycle totals as
 * arbin_charge_capacity_Ah and arbin_discharge_capacity_Ah. Arbin's Step_Index is the schedule step (it repeats
 * every cycle); the running step number counts changes of schedule step and cycle.
 */
final class ArbinTable {

    private ArbinTable() {
    }

    /** Columns that keep their values under a standard name (all Arbin units are already SI). */
    private static final Map<String, String> STANDARD = Map.ofEntries(Map.entry("test_time", CyclerColumns.TIME),
            Map.entry("voltage", CyclerColumns.VOLTAGE), Map.entry("current", CyclerColumns.CURRENT),
            Map.entry("cycle_index", CyclerColumns.CYCLE), Map.entry("temperature", CyclerColumns.TEMPERATURE),
            Map.entry("step_time", "step_time_s"), Map.entry("data_point", "arbin_data_point"),
            Map.entry("step_index", "arbin_step_index"), Map.entry("test_id", "arbin_test_id"));
    /** Units of Arbin columns that .res tables and unit-less CSV exports name without one. */
    private static final Map<String, String> KNOWN_UNITS = Map.of("internal_resistance", "Ohm", "dv_dt", "V/s",
            "ac_impedance", "Ohm", "aci_phase_angle", "deg");
    private static final Map<String, String> COUNTERS = Map.of("charge_capacity", CyclerColumns.CHARGE_CAPACITY,
            "discharge_capacity", CyclerColumns.DISCHARGE_CAPACITY, "charge_energy", CyclerColumns.CHARGE_ENERGY,
            "discharge_energy", CyclerColumns.DISCHARGE_ENERGY);
    private static final Map<String, String> UNITS = Map.ofEntries(Map.entry(CyclerColumns.TIME, "s"),
            Map.entry(CyclerColumns.VOLTAGE, "V"), Map.entry(CyclerColumns.CURRENT, "A"),
            Map.entry(CyclerColumns.CYCLE, ""), Map.entry(CyclerColumns.TEMPERATURE, "degC"),
            Map.entry("step_time_s", "s"), Map.entry("arbin_data_point", ""), Map.entry("arbin_step_index", ""),
            Map.entry("arbin_test_id", ""),
            Map.entry(CyclerColumns.CHARGE_CAPACITY, "Ah"), Map.entry(CyclerColumns.DISCHARGE_CAPACITY, "Ah"),
            Map.entry(CyclerColumns.CHARGE_ENERGY, "Wh"), Map.entry(CyclerColumns.DISCHARGE_ENERGY, "Wh"));
    /** Arbin's dates ("DateTime", "Date_Time"), converted to Unix seconds by the caller. */
    static final List<String> DATE_NAMES = List.of("datetime", "date_time");

    /** "Charge_Capacity(Ah)" -> "charge_capacity"; "Internal Resistance(Ohm)" -> "internal_resistance". */
    static String key(String header) {
        String h = header.trim();
        int paren = h.indexOf('(');
        String base = paren > 0 ? h.substring(0, paren) : h;
        return base.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }

    static String unit(String header) {
        int open = header.indexOf('(');
        int close = header.lastIndexOf(')');
        return open >= 0 && close > open ? header.substring(open + 1, close).trim() : "";
    }

    /**
     * @param headers vendor column names in file order
     * @param values one array per header (NaN for empty cells); dates already in Unix seconds
     */
    static Table build(List<String> headers, List<double[]> values, Map<String, String> metadata) {
        List<Column> columns = new ArrayList<>();
        Map<String, double[]> counters = new LinkedHashMap<>();
        int rows = values.isEmpty() ? 0 : values.get(0).length;
        boolean hasStamp = false;
        for (int c = 0; c < headers.size(); c++) {
            String key = key(headers.get(c));
            double[] v = values.get(c);
            String standard = STANDARD.get(key);
            if (DATE_NAMES.contains(key) && !hasStamp) {
                if (allFinite(v)) {
                    columns.add(new Column(CyclerColumns.TIMESTAMP, "s", v));
                    hasStamp = true;
                }
            } else if (COUNTERS.containsKey(key)) {
                counters.put(COUNTERS.get(key), v);
            } else if (standard != null) {
                if (!has(columns, standard) && (allFinite(v) || !mustBeComplete(standard))) {
                    columns.add(new Column(standard, UNITS.get(standard), v));
                }
            } else if (!key.isEmpty()) {
                String header = unit(headers.get(c)).isEmpty() && KNOWN_UNITS.containsKey(key)
                        ? headers.get(c) + "(" + KNOWN_UNITS.get(key) + ")"
                        : headers.get(c);
                if (!has(columns, sanitize(header))) {
                    columns.add(new Column(sanitize(header), unit(header), v));
                }
            }
        }
        if (!has(columns, CyclerColumns.TIME)) {
            // some exports carry only the clock
            double[] stamp = columnValues(columns, CyclerColumns.TIMESTAMP);
            double[] t = new double[rows];
            for (int i = 0; i < rows; i++) {
                t[i] = stamp == null ? Double.NaN : stamp[i] - stamp[0];
            }
            columns.add(0, new Column(CyclerColumns.TIME, "s", t));
        }
        double[] schedule = columnValues(columns, "arbin_step_index");
        double[] cycle = columnValues(columns, CyclerColumns.CYCLE);
        if (schedule != null && allFinite(schedule)) {
            double[] step = new double[rows];
            for (int i = 0, s = 0; i < rows; i++) {
                boolean changed = i == 0 || schedule[i] != schedule[i - 1]
                        || cycle != null && cycle[i] != cycle[i - 1];
                s += changed ? 1 : 0;
                step[i] = s;
            }
            columns.add(new Column(CyclerColumns.STEP, "", step));
        }
        Table withSteps = Steps.withSteps(new Table(DataKind.CYCLER, columns, metadata));
        double[] step = withSteps.column(CyclerColumns.STEP).values();
        List<Column> out = new ArrayList<>(withSteps.columns());
        counters.forEach((name, total) -> {
            out.add(new Column(name, UNITS.get(name), perStep(total, step)));
            if (name.endsWith("capacity_Ah")) {
                out.add(new Column("arbin_" + name, "Ah", total));
            }
        });
        Map<String, String> meta = new LinkedHashMap<>(metadata);
        if (!meta.containsKey("start_time") && withSteps.hasColumn(CyclerColumns.TIMESTAMP) && rows > 0) {
            meta.put("start_time", instant(withSteps.column(CyclerColumns.TIMESTAMP).get(0)));
        }
        meta.put("capacities", "per step (Arbin's cycle totals kept as arbin_charge_capacity_Ah and "
                + "arbin_discharge_capacity_Ah)");
        return new Table(DataKind.CYCLER, out, meta);
    }

    /** Only the mandatory quantities make a file unreadable when cells are empty; others keep NaN. */
    private static boolean mustBeComplete(String standard) {
        return standard.equals(CyclerColumns.CYCLE) || standard.equals("arbin_step_index");
    }

    /**
     * A cycle counter made per step: each step starts from the counter's value before it, or from zero where
     * Arbin reset the counter (a new cycle).
     */
    static double[] perStep(double[] total, double[] step) {
        double[] out = new double[total.length];
        double base = 0;
        for (int i = 0; i < total.length; i++) {
            if (i > 0 && step[i] != step[i - 1]) {
                base = total[i] >= total[i - 1] ? total[i - 1] : 0;
            }
            out[i] = total[i] - base;
        }
        return out;
    }

    static String sanitize(String header) {
        String unit = unit(header).replace("/", "_per_").replace("%", "percent").replaceAll("[^A-Za-z0-9_]+", "");
        String key = key(header);
        return unit.isEmpty() ? key : key + "_" + unit;
    }

    /** ISO-8601 UTC instant of Unix seconds, the form of every start_time in the metadata. */
    static String instant(double unixSeconds) {
        return java.time.Instant.ofEpochMilli(Math.round(unixSeconds * 1000)).toString();
    }

    /** Unix seconds of an OLE Automation / Excel serial date (days since 1899-12-30) read in {@code zone}. */
    static double oleDateToUnix(double days, ZoneId zone) {
        if (!Double.isFinite(days)) {
            return Double.NaN;
        }
        double utc = (days - 25569) * 86400;
        long whole = (long) Math.floor(utc);
        int offset = zone.getRules().getOffset(java.time.LocalDateTime.ofEpochSecond(whole, 0,
                java.time.ZoneOffset.UTC).atZone(java.time.ZoneOffset.UTC).toInstant()).getTotalSeconds();
        return utc - offset;
    }

    private static boolean has(List<Column> columns, String name) {
        return columns.stream().anyMatch(c -> c.name().equals(name));
    }

    private static double[] columnValues(List<Column> columns, String name) {
        return columns.stream().filter(c -> c.name().equals(name)).map(Column::values).findFirst().orElse(null);
    }

    static boolean allFinite(double[] v) {
        return Arrays.stream(v).allMatch(Double::isFinite);
    }
}
