package org.stackscope.core.api;

import java.util.Map;

/** Anything an importer returns: it knows its kind and can describe itself for {@code inspect} and the UI. */
public interface DataObject {

    DataKind kind();

    /** Dimensions, units, columns and metadata as JSON-friendly values (String, Number, Boolean, List, Map). */
    Map<String, Object> describe();
}
