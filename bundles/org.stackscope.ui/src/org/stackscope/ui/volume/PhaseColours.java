package org.stackscope.ui.volume;

import java.util.Locale;
import java.util.Map;

/** Default overlay colours (0xRRGGBB) per phase name, the same in every view; other labels cycle a palette. */
public final class PhaseColours {

    private static final Map<String, Integer> BY_NAME = Map.of("AM", 0xD7263D, "SE", 0x1B98E0, "VOID", 0xF4D35E,
            "CARBON", 0x2E933C);
    private static final int[] PALETTE = { 0x8E44AD, 0xE67E22, 0x16A085, 0xC0392B, 0x7F8C8D, 0x2C3E50 };

    private PhaseColours() {
    }

    public static int of(String phase, int label) {
        Integer known = BY_NAME.get(phase.toUpperCase(Locale.ROOT));
        return known != null ? known : PALETTE[Math.floorMod(label, PALETTE.length)];
    }

    /** A colour table indexed by label (0..maxLabel) for {@link SliceRenderer#render}; unnamed labels cycle. */
    public static int[] table(Map<Integer, String> phases, int maxLabel) {
        int[] table = new int[maxLabel + 1];
        for (int label = 0; label <= maxLabel; label++) {
            table[label] = of(phases.getOrDefault(label, ""), label);
        }
        return table;
    }
}
