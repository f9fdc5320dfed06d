package org.stackscope.ui.volume;

import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Overlay colours (0xRRGGBB) per phase name, the same in every view (the preferences may change the named ones);
 * other labels cycle a palette.
 */
public final class PhaseColours {

    private static final Map<String, Integer> BY_NAME = Map.of("AM", 0xD7263D, "SE", 0x1B98E0, "VOID", 0xF4D35E,
            "CARBON", 0x2E933C);
    private static final int[] PALETTE = { 0x8E44AD, 0xE67E22, 0x16A085, 0xC0392B, 0x7F8C8D, 0x2C3E50 };

    private PhaseColours() {
    }

    /** The built-in colour of a phase name, or -1 when the name is not one of AM, SE, VOID, CARBON. */
    public static int defaultOf(String phase) {
        return BY_NAME.getOrDefault(phase.toUpperCase(Locale.ROOT), -1);
    }

    /** The colour of a label: by its phase name when {@code named} knows it (-1 otherwise), else from a palette. */
    public static int of(String phase, int label, ToIntFunction<String> named) {
        int known = named.applyAsInt(phase);
        return known >= 0 ? known : PALETTE[Math.floorMod(label, PALETTE.length)];
    }

    /** A colour table indexed by label (0..maxLabel) for {@link SliceRenderer#render}; unnamed labels cycle. */
    public static int[] table(Map<Integer, String> phases, int maxLabel, ToIntFunction<String> named) {
        int[] table = new int[maxLabel + 1];
        for (int label = 0; label <= maxLabel; label++) {
            table[label] = of(phases.getOrDefault(label, ""), label, named);
        }
        return table;
    }
}
