package org.stackscope.core.results;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.stackscope.core.api.DataObject;
import org.stackscope.core.api.FigureSpec;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.Metric;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.io.AtomicFiles;
import org.stackscope.core.model.Table;

/**
 * Writes results.json with its tables (CSV), figures and volumes into an output folder. Everything is first written into a
 * staging folder inside the output folder and then moved into place, results.json last: a results.json on disk
 * always describes files that are complete, and a failure leaves no partial result behind.
 */
public final class ResultsWriter {

    private ResultsWriter() {
    }

    /** The document of DESIGN.md's results contract, as ordered maps (for stdout and results.json alike). */
    public static Map<String, Object> document(List<StepResult> steps, Map<String, Object> fileNames) {
        Map<String, Object> doc = new LinkedHashMap<>();
        Set<String> analysisBundles = new LinkedHashSet<>();
        steps.forEach(s -> analysisBundles.add(s.bundle()));
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("version", Provenance.productVersion());
        product.put("bundles", Provenance.bundleVersions(analysisBundles));
        doc.put("stackscope", product);

        List<Map<String, Object>> inputs = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (StepResult s : steps) {
            for (Inputs.Input in : s.inputs().all()) {
                // a volume of an earlier step is not an input of the whole run: its step's inputs are
                if (!in.isStepOutput() && seen.add(in.recordedPath() + "|" + in.sha256())) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("path", in.recordedPath());
                    m.put("sha256", in.sha256());
                    m.put("format", in.formatId());
                    m.put("kind", in.data().kind().id());
                    inputs.add(m);
                }
            }
        }
        doc.put("inputs", inputs);

        List<Map<String, Object>> stepDocs = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            StepResult s = steps.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("analysis", s.analysisId());
            m.put("inputs", s.inputs().all().stream().map(Inputs.Input::recordedPath).toList());
            m.put("settings", s.settings());
            m.put("metrics", metrics(s.result().metrics()));
            @SuppressWarnings("unchecked")
            Map<String, Object> files = (Map<String, Object>) fileNames.getOrDefault("step" + i, Map.of());
            m.put("tables", files.getOrDefault("tables", Map.of()));
            m.put("figures", files.getOrDefault("figures", List.of()));
            if (!s.result().volumes().isEmpty()) {
                m.put("volumes", files.getOrDefault("volumes", Map.of()));
            }
            if (!s.result().notes().isEmpty()) {
                m.put("notes", s.result().notes());
            }
            m.put("seconds", Math.round(s.seconds() * 1000) / 1000.0);
            stepDocs.add(m);
        }
        doc.put("steps", stepDocs);
        return doc;
    }

    public static Map<String, Object> metrics(Map<String, Metric> metrics) {
        Map<String, Object> out = new LinkedHashMap<>();
        metrics.forEach((name, metric) -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("value", Json.number(metric.value()));
            v.put("unit", metric.unit());
            if (metric.hasUncertainty()) {
                v.put("uncertainty", Json.number(metric.uncertainty()));
            }
            out.put(name, v);
        });
        return out;
    }

    /**
     * Writes results.json, tables, figures and volumes of the steps into {@code outDir}, atomically per file.
     */
    public static Map<String, Object> write(Path outDir, List<StepResult> steps, FigureWriter figureWriter,
            VolumeWriter volumeWriter) throws IOException {
        Files.createDirectories(outDir);
        Path staging = Files.createTempDirectory(outDir, ".staging-");
        try {
            Map<String, Object> fileNames = new LinkedHashMap<>();
            for (int i = 0; i < steps.size(); i++) {
                StepResult s = steps.get(i);
                String prefix = steps.size() == 1 ? "" : "step" + (i + 1) + "_";
                Map<String, String> tables = new LinkedHashMap<>();
                for (Map.Entry<String, Table> t : s.result().tables().entrySet()) {
                    String name = prefix + safeFileName(t.getKey()) + ".csv";
                    try (Writer w = Files.newBufferedWriter(staging.resolve(name), StandardCharsets.UTF_8)) {
                        CsvWriter.write(t.getValue(), w);
                    }
                    tables.put(t.getKey(), name);
                }
                List<String> figures = new ArrayList<>();
                for (FigureSpec f : s.result().figures()) {
                    figures.addAll(figureWriter.write(f, staging, prefix + safeFileName(f.name())));
                }
                Map<String, String> volumes = new LinkedHashMap<>();
                for (Map.Entry<String, DataObject> v : s.result().volumes().entrySet()) {
                    volumes.put(v.getKey(), volumeWriter.write(v.getValue(), staging,
                            prefix + safeFileName(v.getKey()), Monitor.NONE));
                }
                fileNames.put("step" + i, Map.of("tables", tables, "figures", figures, "volumes", volumes));
            }
            Map<String, Object> doc = document(steps, fileNames);
            Files.writeString(staging.resolve("results.json"), Json.write(doc), StandardCharsets.UTF_8);
            List<Path> staged;
            try (Stream<Path> files = Files.list(staging)) {
                staged = files.sorted(Comparator.comparing((Path p) -> p.getFileName().toString()
                        .equals("results.json")).thenComparing(Path::toString)).toList();
            }
            for (Path f : staged) {
                AtomicFiles.move(f, outDir.resolve(f.getFileName().toString()));
            }
            return doc;
        } finally {
            AtomicFiles.deleteRecursively(staging);
        }
    }


    /** A file-name-safe version of a table, figure or dataset name. */
    public static String safeFileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
