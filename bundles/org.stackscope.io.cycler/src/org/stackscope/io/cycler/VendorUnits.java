package org.stackscope.io.cycler;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Vendor column headers ("Q charge/mA.h", "Current (A)", "Temperature [°C]") split into quantity and unit, units
 * scaled to SI (A, V, Ah, Wh, s, F, ohm; °C kept as degC), and quantity plus unit sanitised into a column name such
 * as {@code Q_Qo_Ah}: vendor columns without a standard name keep their meaning and their unit.
 */
final class VendorUnits {

    /** A unit after conversion: values are multiplied by {@code factor} to be in {@code unit}. */
    record Scale(String unit, double factor) {
    }

    /** Units that may follow a '/' in EC-Lab headers (some contain '/' themselves, e.g. mS/cm, V/mA). */
    private static final List<String> SLASH_UNITS = List.of("V/mA", "mS/cm", "µF-2", "uF-2", "Ohm-1", "Ohm.cm",
            "mA.h", "A.h", "µA.h", "W.h", "mW.h", "Ohm", "deg", "Hz", "kHz", "mHz", "s", "min", "h", "V", "mV", "A",
            "mA", "µA", "uA", "nA", "W", "mW", "F", "mF", "µF", "uF", "nF", "pF", "C", "mC", "%", "°C", "K", "bar",
            "MPa", "kPa", "Pa", "N", "kN",
            // Stackscope's own SI units, as BdfCsvExporter writes them
            "Ah", "Wh", "degC", "ohm", "S", "S/m", "F-2", "ohm_m");

    private static final Map<String, Scale> SI = Map.ofEntries(
            Map.entry("ma", new Scale("A", 1e-3)), Map.entry("µa", new Scale("A", 1e-6)),
            Map.entry("ua", new Scale("A", 1e-6)), Map.entry("na", new Scale("A", 1e-9)),
            Map.entry("a", new Scale("A", 1)), Map.entry("amps", new Scale("A", 1)),
            Map.entry("v", new Scale("V", 1)), Map.entry("mv", new Scale("V", 1e-3)),
            Map.entry("volts", new Scale("V", 1)),
            Map.entry("ah", new Scale("Ah", 1)), Map.entry("s/m", new Scale("S/m", 1)),
            Map.entry("f-2", new Scale("F-2", 1)), Map.entry("ohm_m", new Scale("ohm_m", 1)), Map.entry("a.h", new Scale("Ah", 1)),
            Map.entry("mah", new Scale("Ah", 1e-3)), Map.entry("ma.h", new Scale("Ah", 1e-3)),
            Map.entry("µa.h", new Scale("Ah", 1e-6)), Map.entry("amp-hr", new Scale("Ah", 1)),
            Map.entry("wh", new Scale("Wh", 1)), Map.entry("w.h", new Scale("Wh", 1)),
            Map.entry("mwh", new Scale("Wh", 1e-3)), Map.entry("mw.h", new Scale("Wh", 1e-3)),
            Map.entry("watt-hr", new Scale("Wh", 1)),
            Map.entry("w", new Scale("W", 1)), Map.entry("mw", new Scale("W", 1e-3)),
            Map.entry("s", new Scale("s", 1)), Map.entry("sec", new Scale("s", 1)),
            Map.entry("ms", new Scale("s", 1e-3)), Map.entry("min", new Scale("s", 60)),
            Map.entry("h", new Scale("s", 3600)), Map.entry("hr", new Scale("s", 3600)),
            Map.entry("f", new Scale("F", 1)), Map.entry("mf", new Scale("F", 1e-3)),
            Map.entry("µf", new Scale("F", 1e-6)), Map.entry("uf", new Scale("F", 1e-6)),
            Map.entry("nf", new Scale("F", 1e-9)), Map.entry("pf", new Scale("F", 1e-12)),
            Map.entry("µf-2", new Scale("F-2", 1e12)), Map.entry("uf-2", new Scale("F-2", 1e12)),
            Map.entry("c", new Scale("C", 1)), Map.entry("mc", new Scale("C", 1e-3)),
            Map.entry("ohm", new Scale("ohm", 1)), Map.entry("ohms", new Scale("ohm", 1)),
            Map.entry("ω", new Scale("ohm", 1)), Map.entry("mohm", new Scale("ohm", 1e-3)),
            Map.entry("ohm-1", new Scale("S", 1)), Map.entry("ohm.cm", new Scale("ohm_m", 1e-2)),
            Map.entry("ms/cm", new Scale("S/m", 0.1)),
            Map.entry("hz", new Scale("Hz", 1)), Map.entry("khz", new Scale("Hz", 1e3)),
            Map.entry("mhz", new Scale("Hz", 1e-3)),
            Map.entry("°c", new Scale("degC", 1)), Map.entry("degc", new Scale("degC", 1)),
            Map.entry("c°", new Scale("degC", 1)), Map.entry("deg", new Scale("deg", 1)),
            Map.entry("°", new Scale("deg", 1)), Map.entry("%", new Scale("%", 1)),
            Map.entry("mpa", new Scale("MPa", 1)), Map.entry("kpa", new Scale("MPa", 1e-3)),
            Map.entry("bar", new Scale("MPa", 0.1)));

    private VendorUnits() {
    }

    /** {quantity, unit}: "name/unit" (EC-Lab), "name (unit)", "name [unit]"; unit "" when none is recognisable. */
    static String[] split(String header) {
        String h = header.trim();
        int open = Math.max(h.lastIndexOf('('), h.lastIndexOf('['));
        if (h.endsWith(")") || h.endsWith("]")) {
            if (open > 0) {
                return new String[] { h.substring(0, open).trim(), h.substring(open + 1, h.length() - 1).trim() };
            }
        }
        for (int slash = h.indexOf('/'); slash > 0; slash = h.indexOf('/', slash + 1)) {
            String unit = h.substring(slash + 1).trim();
            if (SLASH_UNITS.contains(unit)) {
                return new String[] { h.substring(0, slash).trim(), unit };
            }
        }
        return new String[] { h, "" };
    }

    /** The SI scale of a vendor unit; unknown units are kept as they are (factor 1). */
    static Scale si(String unit) {
        if (unit.isEmpty()) {
            return new Scale("", 1);
        }
        Scale s = SI.get(unit.trim().toLowerCase(Locale.ROOT).replace("\u00b5", "µ").replace("\u03bc", "µ"));
        return s != null ? s : new Scale(unit.trim(), 1);
    }

    /** A column name of letters, digits and '_': the quantity, then the (SI) unit. */
    static String name(String quantity, String unit) {
        String q = quantity.trim();
        String prefix = q.startsWith("-") ? "neg_" : "";
        String n = prefix + sanitize(q);
        String u = sanitize(unit.replace("%", "percent").replace("/", "_per_"));
        if (n.isEmpty()) {
            n = "column";
        }
        return u.isEmpty() || n.endsWith("_" + u) ? n : n + "_" + u;
    }

    private static String sanitize(String s) {
        String t = s.replace("µ", "u").replace("\u03bc", "u").replace("°", "deg").replace("²", "2")
                .replace("Ω", "ohm").replace("|", "abs_");
        StringBuilder sb = new StringBuilder(t.length());
        boolean underscore = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                sb.append(c);
                underscore = false;
            } else if (!underscore && sb.length() > 0) {
                sb.append('_');
                underscore = true;
            }
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == '_') {
            end--;
        }
        return sb.substring(0, end);
    }
}
