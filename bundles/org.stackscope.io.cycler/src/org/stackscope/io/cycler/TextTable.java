package org.stackscope.io.cycler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.stackscope.core.api.ImportException;

/**
 * The numeric part of a delimited text table: a column is numeric when its first row parses as a number (text
 * columns such as Gamry's overload bits or Maccor's unit cells are skipped and listed); a later non-number in a numeric
 * column is an error naming line and column.
 */
final class TextTable {

    final List<String> headers;
    private final Path file;
    private int[] numeric;
    private DoubleSeries[] values;
    private final List<String> skipped = new ArrayList<>();

    TextTable(Path file, List<String> headers) {
        this.file = file;
        this.headers = headers;
    }

    /** Adds the current line of {@code text}, already split; {@code first} is the first cell of the header. */
    void add(TextCursor text, int first) throws ImportException {
        if (values == null) {
            List<Integer> cols = new ArrayList<>();
            for (int c = 0; c < headers.size(); c++) {
                try {
                    text.number(first + c);
                    cols.add(c);
                } catch (NumberFormatException e) {
                    skipped.add(headers.get(c));
                }
            }
            numeric = cols.stream().mapToInt(Integer::intValue).toArray();
            values = new DoubleSeries[numeric.length];
            for (int k = 0; k < numeric.length; k++) {
                values[k] = new DoubleSeries();
            }
        }
        for (int k = 0; k < numeric.length; k++) {
            try {
                values[k].add(text.number(first + numeric[k]));
            } catch (NumberFormatException e) {
                throw new ImportException(file, "line " + text.lineNumber() + ", column '" + headers.get(numeric[k])
                        + "'", e.getMessage());
            }
        }
    }

    int rows() {
        return values == null || values.length == 0 ? 0 : values[0].size();
    }

    /** The values of header {@code name}, or null when absent or not numeric. */
    double[] column(String name) {
        int c = headers.indexOf(name);
        if (c < 0 || numeric == null) {
            return null;
        }
        for (int k = 0; k < numeric.length; k++) {
            if (numeric[k] == c) {
                return values[k].toArray();
            }
        }
        return null;
    }

    /** Numeric headers in file order. */
    List<String> numericHeaders() {
        List<String> out = new ArrayList<>();
        if (numeric != null) {
            for (int c : numeric) {
                out.add(headers.get(c));
            }
        }
        return out;
    }

    List<String> skipped() {
        return skipped;
    }
}
