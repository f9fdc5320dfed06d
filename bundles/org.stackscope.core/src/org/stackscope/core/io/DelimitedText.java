package org.stackscope.core.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.Monitor;

/** Delimited text lines as vendors export them (CSV, TSV, semicolons), shared by the text importers. */
public final class DelimitedText {

    private DelimitedText() {
    }

    /** The delimiter of a header line: tab, else semicolon, else comma. */
    public static char delimiter(String header) {
        return header.indexOf('\t') >= 0 ? '\t' : header.indexOf(';') >= 0 ? ';' : ',';
    }

    /** A text export read as UTF-8 (read-only); bytes that are not UTF-8 become U+FFFD instead of failing the read. */
    public static BufferedReader open(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8
                .newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)));
    }

    /** One data row of a delimited file. */
    @FunctionalInterface
    public interface Row {
        /** @param cells at least as many cells as the header has columns */
        void accept(int lineNo, List<String> cells) throws ImportException;
    }

    /**
     * Reads the data rows that follow the header (line {@code headerLine}): blank lines are skipped, cancellation is
     * checked every 16384 lines, and a row with fewer cells than the header's {@code width} is an error naming its
     * line. Returns the number of the last line read.
     */
    public static int forEachRow(BufferedReader reader, char delimiter, int width, int headerLine, Path file,
            Monitor monitor, Row row) throws IOException, ImportException {
        int lineNo = headerLine;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            if ((lineNo & 0x3fff) == 0) {
                monitor.checkCanceled();
            }
            List<String> cells = split(line, delimiter);
            if (cells.size() < width) {
                throw new ImportException(file, "line " + lineNo, "has " + cells.size() + " columns, the header "
                        + width);
            }
            row.accept(lineNo, cells);
        }
        return lineNo;
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
