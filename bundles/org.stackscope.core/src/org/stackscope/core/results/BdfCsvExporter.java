package org.stackscope.core.results;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.stackscope.core.io.AtomicFiles;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.Table;

/**
 * Writes a cycler table as CSV with Battery Data Format column names ({@code Test Time / s}, {@code Voltage / V},
 * ...); columns without a BDF name are written as {@code name / unit}. The file appears atomically (written to a
 * temporary file in the same folder, then moved), so readers never see half a file.
 */
public final class BdfCsvExporter {

    private BdfCsvExporter() {
    }

    public static void write(Table table, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        AtomicFiles.write(target, file -> {
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
                write(table, out);
            }
        });
    }

    public static void write(Table table, Writer out) throws IOException {
        List<Column> cols = table.columns();
        for (int c = 0; c < cols.size(); c++) {
            out.write(c == 0 ? "" : ",");
            out.write(quote(header(cols.get(c))));
        }
        out.write('\n');
        StringBuilder line = new StringBuilder(256);
        int rows = table.rowCount();
        for (int r = 0; r < rows; r++) {
            line.setLength(0);
            for (int c = 0; c < cols.size(); c++) {
                if (c > 0) {
                    line.append(',');
                }
                double v = cols.get(c).get(r);
                if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                    line.append((long) v);
                } else if (!Double.isNaN(v)) {
                    line.append(v);
                }
            }
            line.append('\n');
            out.append(line);
        }
    }

    /** The BDF name of a column, or "name / unit" for columns BDF does not define. */
    public static String header(Column c) {
        String bdf = CyclerColumns.BATTERY_DATA_FORMAT.get(c.name());
        if (bdf != null) {
            return bdf;
        }
        return c.unit().isEmpty() ? c.name() : c.name() + " / " + c.unit();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
