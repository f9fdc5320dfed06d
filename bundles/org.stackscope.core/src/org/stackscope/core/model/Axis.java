package org.stackscope.core.model;

import java.util.Locale;

/** Image axes in Stackscope's fixed order X, Y, Z (Z = TIFF page order = stack direction by default). */
public enum Axis {
    X, Y, Z;

    public int index() {
        return ordinal();
    }

    public static Axis parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("axis '" + text + "' is not one of X, Y, Z");
        }
    }
}
