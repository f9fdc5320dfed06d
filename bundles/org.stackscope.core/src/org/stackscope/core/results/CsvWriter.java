package org.stackscope.core.results;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.stackscope.core.model.Column;
import org.stackscope.core.model.Table;

/** Writes a {@link Table} as RFC 4180 CSV; the header carries units as {@code name [unit]}. */
public final class CsvWriter {

    private CsvWriter() {
    }

    public static void write(Table table, Writer out) throws IOException {
        List<Column> cols = table.columns();
        for (int c = 0; c < cols.size(); c++) {
            Column col = cols.get(c);
            String header = col.unit().isEmpty() ? col.name() : col.name() + " [" + col.unit() + "]";
            out.write(c == 0 ? "" : ",");
            out.write(quote(header));
        }
        out.write("\n");
        StringBuilder line = new StringBuilder();
        for (int r = 0; r < table.rowCount(); r++) {
            line.setLength(0);
            for (int c = 0; c < cols.size(); c++) {
                if (c > 0) {
                    line.append(',');
                }
                line.append(format(cols.get(c).get(r)));
            }
            line.append('\n');
            out.write(line.toString());
        }
    }

    /** Integers without a decimal point, other values with full double precision. */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
