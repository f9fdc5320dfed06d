package org.stackscope.io.cycler;

import java.nio.charset.StandardCharsets;

/**
 * Parses decimal numbers straight from bytes, without a String per cell: vendor exports hold millions of them. Accepts
 * '.' or ',' as the decimal separator (cells are already split, so a comma can only be a decimal comma), an optional
 * exponent, surrounding blanks, and NaN/Inf spellings. Exact (correctly rounded) for up to 15 significant digits and
 * |exponent| <= 22, the shape of every cycler export; longer numbers go through {@link Double#parseDouble}.
 */
final class Decimals {

    private static final double[] POWERS = new double[23];
    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    /** Mantissas below 2^53 are exact doubles, so one multiplication or division by an exact power rounds once. */
    private static final long EXACT_MANTISSA = 1L << 53;

    private Decimals() {
    }

    /** True when the cell holds nothing (only blanks). */
    static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /**
     * The number in {@code b[from, to)}; blank cells and NaN/N/A spellings give NaN.
     *
     * @throws NumberFormatException when the cell is not a number
     */
    static double parse(byte[] b, int from, int to) {
        while (from < to && (b[from] == ' ' || b[from] == '\t')) {
            from++;
        }
        while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
            to--;
        }
        if (from == to) {
            return Double.NaN;
        }
        int i = from;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int exponent = 0;
        boolean digits = false;
        boolean inexact = false;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            digits = true;
            if (significant < 18) {
                mantissa = mantissa * 10 + (b[i] - '0');
                if (mantissa != 0) {
                    significant++;
                }
            } else {
                exponent++;
                inexact |= b[i] != '0';
            }
            i++;
        }
        if (i < to && (b[i] == '.' || b[i] == ',')) {
            i++;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                digits = true;
                if (significant < 18) {
                    mantissa = mantissa * 10 + (b[i] - '0');
                    exponent--;
                    if (mantissa != 0) {
                        significant++;
                    }
                } else {
                    inexact |= b[i] != '0';
                }
                i++;
            }
        }
        if (!digits) {
            return special(b, from, to);
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            int e = 0;
            int start = i;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                e = Math.min(e * 10 + (b[i] - '0'), 100_000);
                i++;
            }
            if (i == start) {
                throw notANumber(b, from, to);
            }
            exponent += negativeExponent ? -e : e;
        }
        if (i != to) {
            throw notANumber(b, from, to);
        }
        double value;
        if (!inexact && mantissa < EXACT_MANTISSA && exponent >= -22 && exponent <= 22) {
            value = exponent >= 0 ? mantissa * POWERS[exponent] : mantissa / POWERS[-exponent];
        } else if (mantissa == 0) {
            value = 0;
        } else {
            value = Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1).replace(',', '.'));
            return value;
        }
        return negative ? -value : value;
    }

    private static double special(byte[] b, int from, int to) {
        String s = new String(b, from, to - from, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "nan", "-nan", "n/a", "na", "-", "--", "#n/a" -> Double.NaN;
            case "inf", "+inf", "infinity", "+infinity", "1.#inf" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity", "-1.#inf" -> Double.NEGATIVE_INFINITY;
            default -> throw notANumber(b, from, to);
        };
    }

    private static NumberFormatException notANumber(byte[] b, int from, int to) {
        int end = Math.min(to, from + 40);
        return new NumberFormatException("'" + new String(b, from, end - from, StandardCharsets.ISO_8859_1)
                + (end < to ? "..." : "") + "' is not a number");
    }
}
