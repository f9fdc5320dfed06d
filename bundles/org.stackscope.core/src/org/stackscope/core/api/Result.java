package org.stackscope.core.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stackscope.core.model.Table;

/** What one analysis run produced: metrics in a stable order, tables, figures and notes for the user. */
public final class Result {

    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final List<FigureSpec> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Result metric(String name, double value, String unit) {
        return metric(name, Metric.of(value, unit));
    }

    public Result metric(String name, Metric metric) {
        if (metrics.putIfAbsent(name, metric) != null) {
            throw new IllegalStateException("metric " + name + " reported twice");
        }
        return this;
    }

    public Result table(String name, Table table) {
        tables.put(name, table);
        return this;
    }

    public Result figure(FigureSpec figure) {
        figures.add(figure);
        return this;
    }

    /** A remark shown with the result, e.g. why a value is infinite. */
    public Result note(String note) {
        notes.add(note);
        return this;
    }

    public Map<String, Metric> metrics() {
        return Collections.unmodifiableMap(metrics);
    }

    public Map<String, Table> tables() {
        return Collections.unmodifiableMap(tables);
    }

    public List<FigureSpec> figures() {
        return Collections.unmodifiableList(figures);
    }

    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }
}
