package org.stackscope.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.stackscope.core.api.FigureSpec;
import org.stackscope.core.io.AtomicFiles;
import org.stackscope.core.results.FigureWriter;
import org.stackscope.core.results.Json;
import org.stackscope.core.results.ResultsWriter;

/**
 * One HTML page for a study: its cells and datasets, every result folder found (results.json with metrics,
 * settings, inputs and their SHA-256, figures as SVG, tables as CSV copied beside the page), and every metric
 * against stack pressure where the inputs are datasets tagged with a pressure. The report folder is assembled in a
 * staging folder and moved into place, so a reader never sees half a report.
 */
public final class StudyReport {

    public static final String FILE_NAME = "report.html";

    private final Study study;
    private final FigureWriter figureWriter;

    /** One metric value of a result whose single input is a dataset of the study. */
    private record PressurePoint(String metric, String unit, double pressure, double value, String dataset) {
    }

    public StudyReport(Study study, FigureWriter figureWriter) {
        this.study = study;
        this.figureWriter = figureWriter;
    }

    /** Result folders under {@code <study>/results}, in name order: every folder holding a results.json. */
    public static List<Path> resultFolders(Path studyFolder) throws IOException {
        Path root = studyFolder.resolve("results");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root, 3)) {
            return all.filter(p -> p.getFileName().toString().equals("results.json")).map(Path::getParent)
                    .sorted().toList();
        }
    }

    /** Writes {@code outDir/report.html} with its assets; replaces an earlier report in that folder. */
    public Path write(Path outDir, List<Path> resultFolders) throws IOException {
        Path parent = outDir.toAbsolutePath().normalize().getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, ".report-");
        try {
            String html = render(staging, resultFolders);
            Files.writeString(staging.resolve(FILE_NAME), html, StandardCharsets.UTF_8);
            replace(staging, outDir.toAbsolutePath().normalize());
            return outDir.resolve(FILE_NAME);
        } finally {
            AtomicFiles.deleteRecursively(staging);
        }
    }

    private String render(Path dir, List<Path> resultFolders) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(study.name())).append("</title>\n<style>")
                .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}")
                .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 8px;")
                .append("text-align:left}th{background:#f2f2f2}img{max-width:100%;border:1px solid #eee}")
                .append("code{font-size:90%}</style></head><body>\n");
        html.append("<h1>").append(esc(study.name())).append("</h1>\n");
        if (!study.description().isBlank()) {
            html.append("<p>").append(esc(study.description())).append("</p>\n");
        }
        cells(html);
        datasets(html);
        List<PressurePoint> points = new ArrayList<>();
        html.append("<h2>Results</h2>\n");
        if (resultFolders.isEmpty()) {
            html.append("<p>No results yet: run a recipe or an analysis into the study's results folder.</p>\n");
        }
        for (Path folder : resultFolders) {
            result(html, dir, folder, points);
        }
        pressure(html, dir, points);
        html.append("<hr><p><small>Written by Stackscope from ").append(esc(study.folder().toString()))
                .append(".</small></p>\n</body></html>\n");
        return html.toString();
    }

    private void cells(StringBuilder html) {
        if (study.cells().isEmpty()) {
            return;
        }
        html.append("<h2>Cells</h2>\n<table><tr><th>Cell</th><th>Diameter (mm)</th><th>Thickness (µm)</th>")
                .append("<th>Active mass (mg)</th><th>Materials</th></tr>\n");
        for (Cell c : study.cells()) {
            html.append("<tr><td>").append(esc(c.id())).append("</td><td>").append(num(c.diameterMm()))
                    .append("</td><td>").append(num(c.thicknessUm())).append("</td><td>")
                    .append(num(c.activeMassMg())).append("</td><td>").append(esc(c.materials().toString()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private void datasets(StringBuilder html) {
        html.append("<h2>Datasets</h2>\n<table><tr><th>Dataset</th><th>Cell</th><th>File</th>")
                .append("<th>Stack pressure (MPa)</th><th>Cycle</th><th>SOC</th></tr>\n");
        for (Dataset d : study.datasets()) {
            html.append("<tr><td>").append(esc(d.id())).append("</td><td>").append(esc(d.cellId()))
                    .append("</td><td><code>").append(esc(study.folder().relativize(d.path()).toString()))
                    .append("</code></td><td>").append(num(d.stackPressureMPa())).append("</td><td>")
                    .append(d.cycle() >= 0 ? Integer.toString(d.cycle()) : "").append("</td><td>")
                    .append(num(d.stateOfCharge())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    @SuppressWarnings("unchecked")
    private void result(StringBuilder html, Path dir, Path folder, List<PressurePoint> points) throws IOException {
        Path file = folder.resolve("results.json");
        Map<String, Object> doc;
        try {
            doc = Json.readObject(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        String name = folder.startsWith(study.folder()) ? study.folder().relativize(folder).toString()
                : folder.getFileName().toString();
        String assets = "assets/" + ResultsWriter.safeFileName(name);
        Files.createDirectories(dir.resolve(assets));
        html.append("<h3>").append(esc(name)).append("</h3>\n");
        Map<String, String> shaByPath = new LinkedHashMap<>();
        for (Map<String, Object> in : (List<Map<String, Object>>) doc.getOrDefault("inputs", List.of())) {
            shaByPath.put(String.valueOf(in.get("path")), String.valueOf(in.get("sha256")));
        }
        for (Map<String, Object> step : (List<Map<String, Object>>) doc.getOrDefault("steps", List.of())) {
            List<String> inputs = (List<String>) step.getOrDefault("inputs", List.of());
            html.append("<h4>").append(esc(String.valueOf(step.get("analysis")))).append("</h4>\n<p>Inputs: ");
            for (String in : inputs) {
                html.append("<code>").append(esc(in)).append("</code> (SHA-256 <code>")
                        .append(esc(shaByPath.getOrDefault(in, "?").substring(0, Math.min(12,
                                shaByPath.getOrDefault(in, "?").length()))))
                        .append("…</code>) ");
            }
            html.append("<br>Settings: <code>").append(esc(String.valueOf(step.get("settings"))))
                    .append("</code></p>\n");
            Dataset dataset = inputs.size() == 1 ? datasetAt(Path.of(inputs.get(0))) : null;
            Map<String, Object> metrics = (Map<String, Object>) step.getOrDefault("metrics", Map.of());
            html.append("<table><tr><th>Metric</th><th>Value</th><th>±</th><th>Unit</th></tr>\n");
            for (Map.Entry<String, Object> m : metrics.entrySet()) {
                Map<String, Object> v = (Map<String, Object>) m.getValue();
                html.append("<tr><td>").append(esc(m.getKey())).append("</td><td>").append(esc(String.valueOf(
                        v.get("value")))).append("</td><td>").append(esc(String.valueOf(v.getOrDefault(
                                "uncertainty", "")))).append("</td><td>").append(esc(String.valueOf(v.get("unit"))))
                        .append("</td></tr>\n");
                if (dataset != null && Double.isFinite(dataset.stackPressureMPa())
                        && v.get("value") instanceof Number n) {
                    points.add(new PressurePoint(m.getKey(), String.valueOf(v.get("unit")),
                            dataset.stackPressureMPa(), n.doubleValue(), dataset.id()));
                }
            }
            html.append("</table>\n");
            for (String note : (List<String>) step.getOrDefault("notes", List.of())) {
                html.append("<p><em>").append(esc(note)).append("</em></p>\n");
            }
            Map<String, Object> tables = (Map<String, Object>) step.getOrDefault("tables", Map.of());
            if (!tables.isEmpty()) {
                html.append("<p>Tables: ");
                for (Map.Entry<String, Object> t : tables.entrySet()) {
                    String csv = copy(folder, String.valueOf(t.getValue()), dir, assets);
                    html.append("<a href=\"").append(esc(csv)).append("\">").append(esc(t.getKey()))
                            .append("</a> ");
                }
                html.append("</p>\n");
            }
            for (String figure : (List<String>) step.getOrDefault("figures", List.of())) {
                String copied = copy(folder, figure, dir, assets);
                if (figure.endsWith(".svg")) {
                    html.append("<p><img src=\"").append(esc(copied)).append("\" alt=\"").append(esc(figure))
                            .append("\"></p>\n");
                }
            }
        }
    }

    /** Metric against stack pressure over every dataset that has both (two or more pressures). */
    private void pressure(StringBuilder html, Path dir, List<PressurePoint> points) throws IOException {
        Map<String, List<PressurePoint>> byMetric = new TreeMap<>();
        points.forEach(p -> byMetric.computeIfAbsent(p.metric(), k -> new ArrayList<>()).add(p));
        byMetric.values().removeIf(list -> list.stream().map(PressurePoint::pressure).distinct().count() < 2);
        if (byMetric.isEmpty()) {
            return;
        }
        html.append("<h2>Metrics against stack pressure</h2>\n");
        Files.createDirectories(dir.resolve("assets/pressure"));
        for (Map.Entry<String, List<PressurePoint>> e : byMetric.entrySet()) {
            List<PressurePoint> list = new ArrayList<>(e.getValue());
            list.sort(Comparator.comparingDouble(PressurePoint::pressure));
            String unit = list.get(0).unit();
            html.append("<h3>").append(esc(e.getKey())).append("</h3>\n<table><tr><th>Stack pressure (MPa)</th>")
                    .append("<th>").append(esc(e.getKey())).append(unit.isEmpty() ? "" : " (" + esc(unit) + ")")
                    .append("</th><th>Dataset</th></tr>\n");
            for (PressurePoint p : list) {
                html.append("<tr><td>").append(num(p.pressure())).append("</td><td>").append(num(p.value()))
                        .append("</td><td>").append(esc(p.dataset())).append("</td></tr>\n");
            }
            html.append("</table>\n");
            FigureSpec figure = new FigureSpec(e.getKey() + " vs pressure", e.getKey() + " against stack pressure",
                    FigureSpec.Type.SCATTER, "Stack pressure (MPa)", e.getKey() + (unit.isEmpty() ? "" : " (" + unit
                            + ")"), List.of(new FigureSpec.Series(e.getKey(),
                                    list.stream().mapToDouble(PressurePoint::pressure).toArray(),
                                    list.stream().mapToDouble(PressurePoint::value).toArray())));
            for (String f : figureWriter.write(figure, dir.resolve("assets/pressure"),
                    ResultsWriter.safeFileName(e.getKey()))) {
                if (f.endsWith(".svg")) {
                    html.append("<p><img src=\"assets/pressure/").append(esc(f)).append("\"></p>\n");
                }
            }
        }
    }

    private Dataset datasetAt(Path path) {
        Path normal = path.toAbsolutePath().normalize();
        return study.datasets().stream().filter(d -> d.path().toAbsolutePath().normalize().equals(normal))
                .findFirst().orElse(null);
    }

    /** Copies a result file into the report's assets; returns its link relative to the report. */
    private static String copy(Path folder, String fileName, Path dir, String assets) throws IOException {
        Path source = folder.resolve(fileName).normalize();
        if (!source.startsWith(folder) || !Files.isRegularFile(source)) {
            throw new IOException(folder.resolve("results.json") + ": lists " + fileName + ", which is not there");
        }
        Files.copy(source, dir.resolve(assets).resolve(source.getFileName().toString()),
                StandardCopyOption.REPLACE_EXISTING);
        return assets + "/" + source.getFileName();
    }

    /** Puts the staged report in place of {@code target}; an earlier report is moved aside, then deleted. */
    private static void replace(Path staging, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), ".old-report-");
            Files.delete(old);
            Files.move(target, old);
        }
        AtomicFiles.move(staging, target);
        if (old != null) {
            AtomicFiles.deleteRecursively(old);
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+(e|$)", "$1");
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
