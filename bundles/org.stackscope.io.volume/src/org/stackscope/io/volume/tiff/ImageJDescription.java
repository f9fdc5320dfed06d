package org.stackscope.io.volume.tiff;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The ImageDescription that ImageJ and Fiji write: {@code key=value} lines starting with {@code ImageJ=<version>},
 * e.g. {@code images=256}, {@code slices=256}, {@code unit=micron}, {@code spacing=0.39}.
 */
final class ImageJDescription {

    private final Map<String, String> entries;

    private ImageJDescription(Map<String, String> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** The parsed description, or empty when {@code description} was not written by ImageJ. */
    static Optional<ImageJDescription> parse(String description) {
        if (description == null || !description.startsWith("ImageJ=")) {
            return Optional.empty();
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : description.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                entries.putIfAbsent(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return Optional.of(new ImageJDescription(entries));
    }

    /** ImageJ text for a stack of {@code slices} planes calibrated in µm, as ImageJ 1.x itself writes it. */
    static String forStack(int slices, double spacingUm) {
        StringBuilder sb = new StringBuilder("ImageJ=1.54f\n");
        if (slices > 1) {
            sb.append("images=").append(slices).append('\n');
            sb.append("slices=").append(slices).append('\n');
        }
        sb.append("unit=micron\n");
        if (slices > 1) {
            sb.append("spacing=").append(spacingUm).append('\n');
            sb.append("loop=false\n");
        }
        return sb.toString();
    }

    Map<String, String> entries() {
        return entries;
    }

    /** Number of images ImageJ says the file holds (channels × slices × frames), 0 when not stated. */
    int images() {
        return count("images");
    }

    int channels() {
        return Math.max(1, count("channels"));
    }

    int frames() {
        return Math.max(1, count("frames"));
    }

    /** Size of one X/Y pixel unit in µm, when ImageJ's {@code unit} is a length. */
    OptionalDouble unitUm() {
        return micrometresPer(entries.get("unit"));
    }

    /** Z spacing in µm: {@code spacing} in {@code zunit} (newer ImageJ) or else {@code unit}. */
    OptionalDouble spacingUm() {
        double spacing = number("spacing");
        if (!(spacing > 0) || Double.isInfinite(spacing)) {
            return OptionalDouble.empty();
        }
        OptionalDouble zUnit = entries.containsKey("zunit") ? micrometresPer(entries.get("zunit")) : unitUm();
        return zUnit.isPresent() ? OptionalDouble.of(spacing * zUnit.getAsDouble()) : OptionalDouble.empty();
    }

    private int count(String key) {
        double v = number(key);
        return v > 0 && v <= Integer.MAX_VALUE ? (int) v : 0;
    }

    private double number(String key) {
        String text = entries.get(key);
        if (text == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Micrometres per unit for the length-unit names ImageJ, Fiji and other tools write ({@code micron}, {@code µm},
     * {@code um}, {@code nm}, {@code mm}, {@code cm}, {@code m}, {@code inch}); empty for {@code pixel}, blank or
     * unknown names, which carry no physical size.
     */
    static OptionalDouble micrometresPer(String unit) {
        if (unit == null) {
            return OptionalDouble.empty();
        }
        String u = unit.trim().toLowerCase(Locale.ROOT).replace('\u03bc', '\u00b5').replace("\\u00b5", "\u00b5");
        double factor = switch (u) {
            case "micron", "microns", "\u00b5m", "um", "micrometer", "micrometers", "micrometre", "micrometres" -> 1;
            case "nm", "nanometer", "nanometers", "nanometre", "nanometres" -> 1e-3;
            case "mm", "millimeter", "millimeters", "millimetre", "millimetres" -> 1e3;
            case "cm", "centimeter", "centimeters", "centimetre", "centimetres" -> 1e4;
            case "m", "meter", "meters", "metre", "metres" -> 1e6;
            case "inch", "inches", "in" -> 25400;
            default -> Double.NaN;
        };
        return Double.isNaN(factor) ? OptionalDouble.empty() : OptionalDouble.of(factor);
    }
}
