package org.stackscope.ui;

import java.math.BigDecimal;

/** Numbers in labels and headings. */
public final class Numbers {

    private Numbers() {
    }

    /** A number as people write it: 50 rather than 50.0, 0.5 rather than 5E-1; NaN and infinities as Java does. */
    public static String plain(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : Double.toString(value);
    }

    /** A number rounded to {@code digits} significant digits, written plainly (7252 rather than 7.252E3). */
    public static String significant(double value, int digits) {
        return Double.isFinite(value) ? plain(new BigDecimal(value).round(new java.math.MathContext(digits))
                .doubleValue()) : Double.toString(value);
    }
}
