package org.stackscope.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.DataObject;

/**
 * Columnar data (cycler records, impedance spectra, pressure logs, per-slice profiles): named, unit-carrying
 * primitive columns of equal length, plus free-text metadata kept from the source.
 */
public final class Table implements DataObject {

    private final DataKind kind;
    private final List<Column> columns;
    private final Map<String, String> metadata;

    public Table(DataKind kind, List<Column> columns, Map<String, String> metadata) {
        int rows = columns.isEmpty() ? 0 : columns.get(0).size();
        for (Column c : columns) {
            if (c.size() != rows) {
                throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " rows, not " + rows);
            }
        }
        this.kind = kind;
        this.columns = List.copyOf(columns);
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A derived table, as analyses produce. */
    public static Table of(List<Column> columns) {
        return new Table(DataKind.TABLE, columns, Map.of());
    }

    public List<Column> columns() {
        return columns;
    }

    public int rowCount() {
        return columns.isEmpty() ? 0 : columns.get(0).size();
    }

    public Column column(String name) {
        for (Column c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no column '" + name + "'");
    }

    public boolean hasColumn(String name) {
        return columns.stream().anyMatch(c -> c.name().equals(name));
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public DataKind kind() {
        return kind;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rows", rowCount());
        List<Map<String, Object>> cols = new ArrayList<>();
        for (Column c : columns) {
            cols.add(Map.of("name", c.name(), "unit", c.unit()));
        }
        d.put("columns", cols);
        d.put("metadata", metadata);
        return d;
    }
}
