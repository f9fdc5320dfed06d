package org.stackscope.core.api;

import java.util.Locale;

/** What an importer produces and what an analysis consumes (the {@code dataKind} / {@code inputKinds} attributes). */
public enum DataKind {
    VOLUME, LABELS, CYCLER, IMPEDANCE, PRESSURE, IMAGE_STACK,
    /** A derived or generic table, e.g. a per-slice profile written by an analysis. */
    TABLE;

    /** The name used in plugin.xml, the CLI and JSON: lower case with '-', e.g. {@code image-stack}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static DataKind fromId(String id) {
        for (DataKind k : values()) {
            if (k.id().equals(id.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown data kind '" + id + "'");
    }
}
