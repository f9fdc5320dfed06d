package org.stackscope.io.cycler;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stackscope.core.api.ImportException;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.ImpedanceColumns;
import org.stackscope.core.model.Table;

/**
 * Turns EC-Lab columns (named as in the .mpt header; the .mpr reader uses the same names) into a Stackscope table, so
 * that a run read from .mpr and from its .mpt export maps identically. Impedance techniques (every row with a
 * frequency) give an impedance table; everything else a cycler table in which EIS steps of a Modulo Bat are typed
 * as impedance steps. EC-Lab's current is positive for oxidation at the working electrode, i.e. charge when the
 * working electrode is the positive electrode, the battery convention.
 */
final class EcLabColumns {

    private static final List<String> VOLTAGES = List.of("Ecell/V", "Ewe/V", "<Ecell>/V", "<Ewe>/V");
    private static final List<String> CURRENTS = List.of("I/mA", "<I>/mA");
    private static final String FREQUENCY = "freq/Hz";
    private static final String RE_Z = "Re(Z)/Ohm";
    private static final String MINUS_IM_Z = "-Im(Z)/Ohm";
    private static final String CYCLE = "cycle number";
    private static final String NS = "Ns";

    /** Names that changed between EC-Lab versions for the same quantity (power and resistance at the WE). */
    private static final Map<String, String> ALIASES = Map.of("Pwe/W", "P/W", "Rwe/Ohm", "R/Ohm");

    private EcLabColumns() {
    }

    /** @param columns EC-Lab header name -> values, in file order (arrays are taken over) */
    static Table table(Path file, String format, LinkedHashMap<String, double[]> columns, Map<String, String> metadata,
            List<String> warnings) throws ImportException {
        TableBuilder b = new TableBuilder(file, format);
        b.metadata().putAll(metadata);
        b.metadata().put("columns", String.join(", ", columns.keySet()));
        warnings.forEach(b::warn);
        int rows = columns.isEmpty() ? 0 : columns.values().iterator().next().length;
        double[] frequency = columns.get(FREQUENCY);
        boolean impedance = frequency != null && columns.containsKey(RE_Z) && columns.containsKey(MINUS_IM_Z)
                && rows > 0 && allPositive(frequency);
        LinkedHashMap<String, double[]> rest = new LinkedHashMap<>();
        columns.forEach((name, values) -> rest.putIfAbsent(ALIASES.getOrDefault(name, name), values));
        double[] time = rest.remove("time/s");
        String voltageName = first(rest, VOLTAGES);
        String currentName = first(rest, CURRENTS);
        double[] voltage = voltageName == null ? null : rest.remove(voltageName);
        double[] current = currentName == null ? null : scaled(rest.remove(currentName), 1e-3);
        double[] cycle = rest.containsKey(CYCLE) ? TableBuilder.oneBased(rest.get(CYCLE)) : null;
        if (impedance) {
            b.standard(ImpedanceColumns.FREQUENCY, "Hz", rest.remove(FREQUENCY));
            b.standard(ImpedanceColumns.Z_REAL, "ohm", rest.remove(RE_Z));
            b.standard(ImpedanceColumns.Z_IMAG, "ohm", scaled(rest.remove(MINUS_IM_Z), -1));
            b.standard(ImpedanceColumns.SPECTRUM, "", TableBuilder.spectra(frequency, rest.get(CYCLE)));
        }
        if (time != null) {
            b.standard(CyclerColumns.TIME, "s", time);
        }
        if (voltage != null) {
            b.standard(CyclerColumns.VOLTAGE, "V", voltage);
        }
        if (current != null) {
            b.standard(CyclerColumns.CURRENT, "A", current);
        }
        if (!impedance) {
            // Q charge / Q discharge restart at every half cycle, energies likewise
            standard(b, rest, "Q charge/mA.h", CyclerColumns.CHARGE_CAPACITY, "Ah", 1e-3);
            standard(b, rest, "Q discharge/mA.h", CyclerColumns.DISCHARGE_CAPACITY, "Ah", 1e-3);
            standard(b, rest, "Energy charge/W.h", CyclerColumns.CHARGE_ENERGY, "Wh", 1);
            standard(b, rest, "Energy discharge/W.h", CyclerColumns.DISCHARGE_ENERGY, "Wh", 1);
            if (rest.containsKey(NS)) {
                b.standard(CyclerColumns.STEP, "", TableBuilder.runningSteps(rest.get(NS), cycle));
            }
        }
        if (cycle != null) {
            rest.remove(CYCLE);
            b.standard(CyclerColumns.CYCLE, "", cycle);
        }
        standard(b, rest, "Temperature/°C", CyclerColumns.TEMPERATURE, "degC", 1);
        if (!impedance && frequency != null) {
            b.standard(ImpedanceColumns.FREQUENCY, "Hz", rest.remove(FREQUENCY));
            if (rest.containsKey(RE_Z) && rest.containsKey(MINUS_IM_Z)) {
                b.standard(ImpedanceColumns.Z_REAL, "ohm", rest.remove(RE_Z));
                b.standard(ImpedanceColumns.Z_IMAG, "ohm", scaled(rest.remove(MINUS_IM_Z), -1));
            }
        }
        rest.forEach(b::vendor);
        return impedance ? b.impedance() : b.cycler(frequency);
    }

    private static void standard(TableBuilder b, Map<String, double[]> rest, String header, String name, String unit,
            double factor) {
        double[] v = rest.remove(header);
        if (v != null) {
            b.standard(name, unit, scaled(v, factor));
        }
    }

    private static String first(Map<String, double[]> columns, List<String> candidates) {
        return candidates.stream().filter(columns::containsKey).findFirst().orElse(null);
    }

    private static double[] scaled(double[] values, double factor) {
        if (factor != 1) {
            for (int i = 0; i < values.length; i++) {
                values[i] *= factor;
            }
        }
        return values;
    }

    private static boolean allPositive(double[] values) {
        for (double v : values) {
            if (!(v > 0)) {
                return false;
            }
        }
        return true;
    }
}
