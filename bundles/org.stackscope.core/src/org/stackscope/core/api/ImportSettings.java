package org.stackscope.core.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options an importer may honour (voxel size, pressure axis, cell area, ...), given as text by the CLI
 * ({@code --set key=value}), a recipe or a dialog. Unknown keys are ignored by importers that do not use them.
 */
public final class ImportSettings {

    public static final ImportSettings DEFAULTS = new ImportSettings(Map.of());

    private final Map<String, String> values;

    public ImportSettings(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Map<String, String> values() {
        return values;
    }

    public String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** A positive finite number, or {@code fallback} when the key is absent. */
    public double getPositive(String key, double fallback) {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            double v = Double.parseDouble(text.trim());
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("setting " + key + "=" + text + " is not a positive number");
    }
}
