package org.stackscope.io.cycler;

/**
 * The hot loop of large tab-separated numeric exports: parses a row of {@code n} numbers in a single pass over the
 * bytes (no line scan, no cell offsets, no String). Returns false, without consuming the row, for anything that is not
 * a plain row of n finite decimal numbers (blank line, wrong cell count, NaN text, garbage), so that the caller can
 * handle or report that row with the general {@link TextCursor} path.
 */
final class TabbedNumbers {

    private static final double[] POWERS = new double[23];
    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private final byte[] b;
    /** Start of the next row. */
    int pos;

    TabbedNumbers(byte[] data, int pos) {
        this.b = data;
        this.pos = pos;
    }

    boolean atEnd() {
        return pos >= b.length;
    }

    /** Parses one row into {@code out[0, n)}; true when it was a plain row (then {@code pos} moves past it). */
    boolean row(double[] out, int n) {
        if (pos >= b.length || n == 0) {
            return false;
        }
        int i = pos;
        int end = b.length;
        for (int c = 0; c < n; c++) {
            int start = i;
            boolean negative = false;
            if (i < end && (b[i] == '-' || b[i] == '+')) {
                negative = b[i] == '-';
                i++;
            }
            long mantissa = 0;
            int digits = 0;
            int exponent = 0;
            int digitStart = i;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                mantissa = mantissa * 10 + (b[i] - '0');
                i++;
            }
            digits = i - digitStart;
            if (i < end && (b[i] == '.' || b[i] == ',')) {
                i++;
                int fractionStart = i;
                while (i < end && b[i] >= '0' && b[i] <= '9') {
                    mantissa = mantissa * 10 + (b[i] - '0');
                    i++;
                }
                exponent = fractionStart - i;
                digits += i - fractionStart;
            }
            if (digits == 0 || digits > 18) {
                return false; // empty, text, or too long for a long: the general path decides
            }
            if (i < end && (b[i] == 'E' || b[i] == 'e')) {
                i++;
                boolean negativeExponent = false;
                if (i < end && (b[i] == '-' || b[i] == '+')) {
                    negativeExponent = b[i] == '-';
                    i++;
                }
                int e = 0;
                int expStart = i;
                while (i < end && b[i] >= '0' && b[i] <= '9' && i - expStart < 4) {
                    e = e * 10 + (b[i] - '0');
                    i++;
                }
                if (i == expStart) {
                    return false;
                }
                exponent += negativeExponent ? -e : e;
            }
            // the cell must end here: a tab between cells, a tab or the line end after the last one
            boolean last = c == n - 1;
            if (i < end && b[i] == '\t') {
                i++;
            } else if (!last || (i < end && b[i] != '\r' && b[i] != '\n')) {
                return false;
            }
            double v;
            if (mantissa == 0) {
                v = 0;
            } else if (mantissa < (1L << 53) && exponent >= -22 && exponent <= 22) {
                v = exponent >= 0 ? mantissa * POWERS[exponent] : mantissa / POWERS[-exponent];
            } else {
                v = Decimals.parse(b, start, i - (i > start && b[i - 1] == '\t' ? 1 : 0));
                negative = false;
            }
            out[c] = negative ? -v : v;
        }
        // the line end (EC-Lab writes CRLF), nothing else
        if (i < end && b[i] == '\r') {
            i++;
        }
        if (i < end) {
            if (b[i] != '\n') {
                return false;
            }
            i++;
        }
        pos = i;
        return true;
    }
}
