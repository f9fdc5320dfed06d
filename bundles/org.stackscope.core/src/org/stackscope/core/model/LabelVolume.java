package org.stackscope.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.DataObject;

/**
 * A segmented volume: integer labels (unsigned byte or short) plus a phase table naming each label (AM, SE, VOID,
 * CARBON or any other name). Labels without a name are reported by their number.
 */
public final class LabelVolume implements DataObject {

    /** Phase names used across Stackscope. */
    public static final String AM = "AM";
    public static final String SE = "SE";
    public static final String VOID = "VOID";
    public static final String CARBON = "CARBON";

    private final Volume labels;
    private final Map<Integer, String> phases;

    public LabelVolume(Volume labels, Map<Integer, String> phases) {
        if (!labels.sampleType().startsWith("uint")) {
            throw new IllegalArgumentException("labels must be unsigned integers, not " + labels.sampleType());
        }
        this.labels = labels;
        this.phases = Collections.unmodifiableMap(new TreeMap<>(phases));
    }

    public Volume volume() {
        return labels;
    }

    public Map<Integer, String> phases() {
        return phases;
    }

    /** The phase name of a label, or the label number as text. */
    public String phaseName(int label) {
        return phases.getOrDefault(label, Integer.toString(label));
    }

    @Override
    public DataKind kind() {
        return DataKind.LABELS;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>(labels.describe());
        Map<String, String> names = new LinkedHashMap<>();
        phases.forEach((k, v) -> names.put(Integer.toString(k), v));
        d.put("phases", names);
        return d;
    }
}
