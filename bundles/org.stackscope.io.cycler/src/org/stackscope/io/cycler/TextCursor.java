package org.stackscope.io.cycler;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Walks the lines of a whole text file held as bytes and splits the current line into cells by offsets, so that
 * parsing creates no String per line or cell. Lines end at LF, CRLF or CR; 1-based line numbers name positions in
 * error messages.
 */
final class TextCursor {

    private final byte[] data;
    private int next;
    private int lineStart;
    private int lineEnd;
    private int lineNumber;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int cells;

    TextCursor(byte[] data) {
        this.data = data;
        // a UTF-8 byte-order mark is not part of the first line
        if (data.length >= 3 && (data[0] & 0xff) == 0xEF && (data[1] & 0xff) == 0xBB && (data[2] & 0xff) == 0xBF) {
            next = 3;
        }
    }

    byte[] data() {
        return data;
    }

    /** Advances to the next line; false at the end of the data. */
    boolean nextLine() {
        if (next >= data.length) {
            return false;
        }
        int i = next;
        while (i < data.length && data[i] != '\n' && data[i] != '\r') {
            i++;
        }
        lineStart = next;
        lineEnd = i;
        if (i < data.length && data[i] == '\r' && i + 1 < data.length && data[i + 1] == '\n') {
            i++;
        }
        next = i + 1;
        lineNumber++;
        return true;
    }

    /** Continues at byte {@code position}, the start of line {@code lineNumber + 1}. */
    void seek(int position, int lineNumber) {
        this.next = position;
        this.lineNumber = lineNumber;
    }

    int lineNumber() {
        return lineNumber;
    }

    /** Byte offset just after the current line: progress for monitors. */
    int position() {
        return next;
    }

    int lineStart() {
        return lineStart;
    }

    int lineEnd() {
        return lineEnd;
    }

    boolean lineIsBlank() {
        return Decimals.isBlank(data, lineStart, lineEnd);
    }

    /** The current line as text (UTF-8 when valid, else Windows-1252 as EC-Lab and Maccor write). */
    String line() {
        return text(lineStart, lineEnd);
    }

    /** Drops one pair of double quotes around the whole line (Novonix quotes every data line). */
    void unquoteLine() {
        if (lineEnd - lineStart >= 2 && data[lineStart] == '"' && data[lineEnd - 1] == '"') {
            lineStart++;
            lineEnd--;
        }
    }

    /** Splits the current line at {@code delimiter}; cells in double quotes may hold the delimiter. */
    int split(byte delimiter) {
        cells = 0;
        int i = lineStart;
        while (true) {
            int start = i;
            int end;
            if (i < lineEnd && data[i] == '"') {
                int close = i + 1;
                while (close < lineEnd && !(data[close] == '"' && (close + 1 == lineEnd || data[close + 1] == delimiter))) {
                    close++;
                }
                start = i + 1;
                end = Math.min(close, lineEnd);
                i = Math.min(close + 1, lineEnd);
            } else {
                while (i < lineEnd && data[i] != delimiter) {
                    i++;
                }
                end = i;
            }
            add(start, end);
            if (i >= lineEnd) {
                break;
            }
            i++; // the delimiter
            if (i == lineEnd) {
                add(i, i);
                break;
            }
        }
        return cells;
    }

    /** Splits the current line at runs of blanks (tabs and spaces), ignoring leading and trailing blanks. */
    int splitBlanks() {
        cells = 0;
        int i = lineStart;
        while (true) {
            while (i < lineEnd && (data[i] == ' ' || data[i] == '\t')) {
                i++;
            }
            if (i >= lineEnd) {
                return cells;
            }
            int start = i;
            while (i < lineEnd && data[i] != ' ' && data[i] != '\t') {
                i++;
            }
            add(start, i);
        }
    }

    private void add(int start, int end) {
        if (cells == starts.length) {
            starts = Arrays.copyOf(starts, cells * 2);
            ends = Arrays.copyOf(ends, cells * 2);
        }
        starts[cells] = start;
        ends[cells] = end;
        cells++;
    }

    int cells() {
        return cells;
    }

    /** The number in cell {@code c}; NaN for blank cells or cells beyond the line. */
    double number(int c) {
        return c < cells ? Decimals.parse(data, starts[c], ends[c]) : Double.NaN;
    }

    String cell(int c) {
        return c < cells ? text(starts[c], ends[c]).trim() : "";
    }

    int cellStart(int c) {
        return starts[c];
    }

    int cellEnd(int c) {
        return ends[c];
    }

    String text(int from, int to) {
        return decode(data, from, to);
    }

    static String decode(byte[] bytes, int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, from, to - from))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, from, to - from, java.nio.charset.Charset.forName("windows-1252"));
        }
    }
}
