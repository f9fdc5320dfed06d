package org.stackscope.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.stackscope.core.io.AtomicFiles;
import org.stackscope.core.results.Json;

/**
 * A study: a folder with {@code study.json} listing cells and their datasets (paths relative to the folder), each
 * tagged with stack pressure, cycle and state of charge where known. See docs/study-format.md.
 */
public record Study(Path folder, String name, String description, List<Cell> cells, List<Dataset> datasets) {

    public static final String FILE_NAME = "study.json";

    public Study {
        cells = List.copyOf(cells);
        datasets = List.copyOf(datasets);
    }

    /** Loads {@code study.json} from a study folder or from the file itself. */
    public static Study load(Path folderOrFile) throws IOException {
        Path file = Files.isDirectory(folderOrFile) ? folderOrFile.resolve(FILE_NAME) : folderOrFile;
        Path folder = file.toAbsolutePath().getParent();
        Map<String, Object> root;
        try {
            root = Json.readObject(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        try {
            List<Cell> cells = new ArrayList<>();
            for (Map<String, Object> c : objects(root, "cells")) {
                cells.add(new Cell(required(c, "id"), number(c, "diameter_mm"), number(c, "thickness_um"),
                        number(c, "activeMass_mg"), strings(c, "materials")));
            }
            List<Dataset> datasets = new ArrayList<>();
            for (Map<String, Object> d : objects(root, "datasets")) {
                String path = required(d, "path");
                double cycle = number(d, "cycle");
                String cellId = text(d, "cell", "");
                datasets.add(new Dataset(text(d, "id", path), cellId, folder.resolve(path).normalize(),
                        text(d, "format", null), number(d, "stackPressure_MPa"),
                        Double.isNaN(cycle) ? -1 : (int) cycle, number(d, "soc"),
                        importSettings(cells, cellId, strings(d, "importSettings"))));
            }
            return new Study(folder, text(root, "name", folder.getFileName().toString()),
                    text(root, "description", ""), cells, datasets);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The dataset's own importer options over those its cell implies (the cell diameter gives stack pressure). */
    private static Map<String, String> importSettings(List<Cell> cells, String cellId, Map<String, String> own) {
        Map<String, String> merged = new LinkedHashMap<>();
        cells.stream().filter(c -> c.id().equals(cellId) && !Double.isNaN(c.diameterMm())).findFirst()
                .ifPresent(c -> merged.put("cellDiameter_mm", Double.toString(c.diameterMm())));
        merged.putAll(own);
        return merged;
    }

    /** This study with more datasets (ids must stay unique). */
    public Study withDatasets(List<Dataset> added) {
        List<Dataset> all = new ArrayList<>(datasets);
        for (Dataset d : added) {
            if (all.stream().anyMatch(e -> e.id().equals(d.id()))) {
                throw new IllegalArgumentException("the study already has a dataset '" + d.id() + "'");
            }
            all.add(d);
        }
        return new Study(folder, name, description, cells, all);
    }

    /** A dataset id not yet used in this study: {@code base}, else {@code base-2}, {@code base-3}, ... */
    public String freeDatasetId(String base) {
        java.util.Set<String> used = new java.util.HashSet<>();
        datasets.forEach(d -> used.add(d.id()));
        String id = base;
        for (int n = 2; used.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /**
     * Writes study.json (a temporary file moved into place). Paths inside the folder are written relative to it;
     * import settings a cell implies (its diameter) are left to the cell.
     */
    public void save() throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", name);
        if (!description.isEmpty()) {
            root.put("description", description);
        }
        List<Map<String, Object>> cellDocs = new ArrayList<>();
        for (Cell c : cells) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            putNumber(m, "diameter_mm", c.diameterMm());
            putNumber(m, "thickness_um", c.thicknessUm());
            putNumber(m, "activeMass_mg", c.activeMassMg());
            if (!c.materials().isEmpty()) {
                m.put("materials", new java.util.TreeMap<>(c.materials()));
            }
            cellDocs.add(m);
        }
        root.put("cells", cellDocs);
        List<Map<String, Object>> datasetDocs = new ArrayList<>();
        for (Dataset d : datasets) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", d.id());
            if (!d.cellId().isEmpty()) {
                m.put("cell", d.cellId());
            }
            Path path = d.path().toAbsolutePath().normalize();
            Path base = folder.toAbsolutePath().normalize();
            m.put("path", (path.startsWith(base) ? base.relativize(path) : path).toString().replace('\\', '/'));
            if (d.format() != null) {
                m.put("format", d.format());
            }
            putNumber(m, "stackPressure_MPa", d.stackPressureMPa());
            if (d.cycle() >= 0) {
                m.put("cycle", d.cycle());
            }
            putNumber(m, "soc", d.stateOfCharge());
            Map<String, String> own = new LinkedHashMap<>(d.importSettings());
            Map<String, String> implied = importSettings(cells, d.cellId(), Map.of());
            own.entrySet().removeIf(e -> e.getValue().equals(implied.get(e.getKey())));
            if (!own.isEmpty()) {
                m.put("importSettings", own);
            }
            datasetDocs.add(m);
        }
        root.put("datasets", datasetDocs);
        AtomicFiles.write(folder.resolve(FILE_NAME), file -> Files.writeString(file, Json.write(root),
                StandardCharsets.UTF_8));
    }

    private static void putNumber(Map<String, Object> m, String key, double value) {
        if (!Double.isNaN(value)) {
            m.put(key, value);
        }
    }

    public Optional<Cell> cell(String id) {
        return cells.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public List<Dataset> datasetsOf(String cellId) {
        return datasets.stream().filter(d -> d.cellId().equals(cellId)).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list) || list.stream().anyMatch(e -> !(e instanceof Map))) {
            throw new IllegalArgumentException("'" + key + "' must be a list of objects");
        }
        return (List<Map<String, Object>>) v;
    }

    static String text(Map<String, Object> m, String key, String fallback) {
        Object v = m.get(key);
        return v == null ? fallback : v.toString();
    }

    static String required(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null || v.toString().isBlank()) {
            throw new IllegalArgumentException("'" + key + "' is missing in " + m);
        }
        return v.toString();
    }

    private static double number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return Double.NaN;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("'" + key + "' must be a number, not " + v);
    }

    static Map<String, String> strings(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("'" + key + "' must be an object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, val) -> out.put(String.valueOf(k), val instanceof Double d && d == Math.rint(d)
                ? Long.toString(d.longValue()) : String.valueOf(val)));
        return out;
    }
}
