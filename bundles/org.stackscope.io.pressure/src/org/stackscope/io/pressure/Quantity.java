package org.stackscope.io.pressure;

import java.util.Locale;
import java.util.Map;

/** The quantities a load-cell log may hold, recognised by column name, with their units and SI factors. */
enum Quantity {
    TIME("s", Map.of("s", 1.0, "sec", 1.0, "ms", 1e-3, "min", 60.0, "h", 3600.0, "hr", 3600.0),
            "time", "t", "elapsed", "elapsedtime", "testtime", "timestamp", "datetime", "date"),
    FORCE("N", Map.of("n", 1.0, "kn", 1e3, "mn", 1e-3, "lbf", 4.4482216152605, "kgf", 9.80665),
            "force", "load", "stackforce"),
    PRESSURE("MPa", Map.of("mpa", 1.0, "kpa", 1e-3, "pa", 1e-6, "gpa", 1e3, "bar", 0.1, "psi", 0.00689475729,
            "n/mm2", 1.0, "n/mm^2", 1.0), "pressure", "stackpressure", "stress"),
    // not plain "voltage": that is the cell voltage in cycler exports
    VOLTAGE("V", Map.of("v", 1.0, "mv", 1e-3), "signal", "output", "transducer", "transducervoltage",
            "loadcellvoltage", "loadcellsignal");

    /** The unit values are converted to (s, N, MPa, V). */
    final String unit;
    private final Map<String, Double> factors;
    private final String[] names;

    Quantity(String unit, Map<String, Double> factors, String... names) {
        this.unit = unit;
        this.factors = factors;
        this.names = names;
    }

    /** The quantity with this normalized name, or null. */
    static Quantity byName(String name) {
        for (Quantity q : values()) {
            for (String n : q.names) {
                if (name.equals(n)) {
                    return q;
                }
            }
        }
        return null;
    }

    /** Factor from a column's unit to {@link #unit}; 1 when the column states no unit. */
    double factor(String columnUnit) {
        if (columnUnit.isEmpty()) {
            return 1;
        }
        Double f = factors.get(columnUnit.toLowerCase(Locale.ROOT).replace(" ", ""));
        if (f == null) {
            throw new IllegalArgumentException("unit '" + columnUnit + "' is not one of " + factors.keySet());
        }
        return f;
    }
}
