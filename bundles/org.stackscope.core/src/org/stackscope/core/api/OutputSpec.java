package org.stackscope.core.api;

import java.util.List;

/** What a run will produce: metric names, table names and figure names, declared before any work. */
public record OutputSpec(List<String> metrics, List<String> tables, List<String> figures) {

    public OutputSpec {
        metrics = List.copyOf(metrics);
        tables = List.copyOf(tables);
        figures = List.copyOf(figures);
    }
}
