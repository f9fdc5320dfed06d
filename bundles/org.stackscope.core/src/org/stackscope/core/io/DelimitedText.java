package org.stackscope.core.io;

import java.util.ArrayList;
import java.util.List;

/** Delimited text lines as vendors export them (CSV, TSV, semicolons), shared by the text importers. */
public final class DelimitedText {

    private DelimitedText() {
    }

    /** The delimiter of a header line: tab, else semicolon, else comma. */
    public static char delimiter(String header) {
        return header.indexOf('\t') >= 0 ? '\t' : header.indexOf(';') >= 0 ? ';' : ',';
    }

    /** Splits one line at the delimiter, honouring double quotes (which are dropped). */
    public static List<String> split(String line, char delimiter) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == delimiter && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
