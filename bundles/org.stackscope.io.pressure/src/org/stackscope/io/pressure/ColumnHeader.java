package org.stackscope.io.pressure;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column header split into name and unit: "Force (kN)", "pressure [MPa]", "time/s" and "force_N" all work; a
 * "_suffix" counts as a unit only after a known quantity name, so "test_time" stays a name.
 */
record ColumnHeader(String name, String unit) {

    private static final Pattern BRACKETED = Pattern.compile("^(.*?)\\s*[\\[(]\\s*([^\\])]*?)\\s*[\\])]\\s*$");
    private static final Pattern SLASH = Pattern.compile("^([^/]+?)\\s*/\\s*(\\S+)$");
    private static final Pattern SUFFIX = Pattern.compile("^(.+)_([A-Za-z][A-Za-z/^0-9]*)$");

    static ColumnHeader parse(String header) {
        String h = header.trim();
        for (Pattern p : new Pattern[] { BRACKETED, SLASH }) {
            Matcher m = p.matcher(h);
            if (m.matches()) {
                return new ColumnHeader(normalize(m.group(1)), m.group(2).trim());
            }
        }
        Matcher m = SUFFIX.matcher(h);
        if (m.matches() && Quantity.byName(normalize(m.group(1))) != null) {
            return new ColumnHeader(normalize(m.group(1)), m.group(2));
        }
        return new ColumnHeader(normalize(h), "");
    }

    /** Lower case without spaces, '_', '-' or '.'. */
    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]", "");
    }
}
