package org.stackscope.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.stackscope.core.io.AtomicFiles;
import org.stackscope.core.results.Json;

/**
 * An ordered list of analysis steps, stored as JSON and run identically by {@code stackscope batch run} and the
 * workbench. Inputs are paths relative to the recipe file or, when the recipe names a study, dataset ids of that
 * study. See docs/recipes.md.
 */
public record Recipe(Path file, String name, Optional<Study> study, List<Step> steps) {

    /** One step: an analysis id, its inputs as written in the recipe, its settings and importer options. */
    public record Step(String analysis, List<String> inputs, Map<String, String> settings,
            Map<String, String> importSettings) {
        public Step {
            inputs = List.copyOf(inputs);
            settings = Map.copyOf(settings);
            importSettings = Map.copyOf(importSettings);
        }
    }

    /** An input resolved to a file, with the importer options that apply to it. */
    public record ResolvedInput(Path path, String format, Map<String, String> importSettings) {
    }

    public Recipe {
        steps = List.copyOf(steps);
    }

    public static Recipe load(Path file) throws IOException {
        Map<String, Object> root;
        try {
            root = Json.readObject(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        Path folder = file.toAbsolutePath().getParent();
        try {
            Optional<Study> study = Optional.empty();
            String studyPath = Study.text(root, "study", null);
            if (studyPath != null) {
                study = Optional.of(Study.load(folder.resolve(studyPath)));
            }
            Object rawSteps = root.get("steps");
            if (!(rawSteps instanceof List<?> list) || list.isEmpty()) {
                throw new IllegalArgumentException("'steps' must be a non-empty list");
            }
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> raw)) {
                    throw new IllegalArgumentException("step " + (i + 1) + " is not an object");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> step = (Map<String, Object>) raw;
                Object inputs = step.get("inputs");
                if (!(inputs instanceof List<?> in) || in.isEmpty()) {
                    throw new IllegalArgumentException("step " + (i + 1) + ": 'inputs' must be a non-empty list");
                }
                steps.add(new Step(Study.required(step, "analysis"), in.stream().map(String::valueOf).toList(),
                        Study.strings(step, "settings"), Study.strings(step, "import")));
            }
            String defaultName = file.getFileName().toString().replaceFirst("\\.json$", "");
            return new Recipe(file.toAbsolutePath(), Study.text(root, "name", defaultName), study, steps);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** A new recipe file for a study: no steps yet (add them, then {@link #save()}). */
    public static Recipe create(Path file, String name, Study study) {
        return new Recipe(file.toAbsolutePath(), name, Optional.of(study), List.of());
    }

    /** This recipe with other steps. */
    public Recipe withSteps(List<Step> newSteps) {
        return new Recipe(file, name, study, newSteps);
    }

    /**
     * Writes the recipe as JSON (a temporary file moved into place), in the form {@link #load} reads: the study as a
     * path relative to the recipe, inputs as written, only the settings given.
     */
    public void save() throws IOException {
        if (steps.isEmpty()) {
            throw new IOException(file + ": a recipe needs at least one step");
        }
        Map<String, Object> root = new java.util.LinkedHashMap<>();
        root.put("name", name);
        study.ifPresent(s -> root.put("study", file.getParent().relativize(s.folder().toAbsolutePath().normalize()
                .resolve(Study.FILE_NAME)).toString().replace('\\', '/')));
        List<Map<String, Object>> stepDocs = new ArrayList<>();
        for (Step step : steps) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("analysis", step.analysis());
            m.put("inputs", step.inputs());
            if (!step.settings().isEmpty()) {
                m.put("settings", new java.util.TreeMap<>(step.settings()));
            }
            if (!step.importSettings().isEmpty()) {
                m.put("import", new java.util.TreeMap<>(step.importSettings()));
            }
            stepDocs.add(m);
        }
        root.put("steps", stepDocs);
        AtomicFiles.write(file, target -> Files.writeString(target, Json.write(root), StandardCharsets.UTF_8));
    }

    /** A dataset id of the recipe's study, else a path relative to the recipe's folder. */
    public ResolvedInput resolve(String input, Map<String, String> stepImportSettings) {
        if (study.isPresent()) {
            for (Dataset d : study.get().datasets()) {
                if (d.id().equals(input)) {
                    Map<String, String> merged = new java.util.LinkedHashMap<>(d.importSettings());
                    merged.putAll(stepImportSettings);
                    return new ResolvedInput(d.path(), d.format(), merged);
                }
            }
        }
        return new ResolvedInput(file.getParent().resolve(input).normalize(), null, stepImportSettings);
    }
}
