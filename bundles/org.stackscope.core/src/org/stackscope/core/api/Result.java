package org.stackscope.core.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stackscope.core.model.LabelVolume;
import org.stackscope.core.model.Table;
import org.stackscope.core.model.Volume;

/**
 * What one analysis run produced: metrics in a stable order, tables, figures, notes for the user, and volumes (e.g.
 * segmented labels) that later recipe steps can take as input and that are written with the results.
 */
public final class Result {

    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final List<FigureSpec> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, DataObject> volumes = new LinkedHashMap<>();

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

    /** A volume this run produced ({@link org.stackscope.core.model.Volume} or {@link LabelVolume}). */
    public Result volume(String name, DataObject volume) {
        if (!(volume instanceof Volume || volume instanceof LabelVolume)) {
            throw new IllegalArgumentException("volume " + name + " is a " + volume.kind().id() + ", not a volume");
        }
        volumes.put(name, volume);
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

    public Map<String, DataObject> volumes() {
        return Collections.unmodifiableMap(volumes);
    }
}
