package org.stackscope.batch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stackscope.charts.FigureFiles;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.CanceledException;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Table;
import org.stackscope.core.registry.AnalysisDescriptor;
import org.stackscope.core.registry.ImporterDescriptor;
import org.stackscope.core.registry.Registry;
import org.stackscope.core.results.BdfCsvExporter;
import org.stackscope.core.results.Hashing;
import org.stackscope.core.results.Json;
import org.stackscope.core.results.ResultsWriter;
import org.stackscope.core.results.StepResult;
import org.stackscope.core.settings.SettingDescriptor;
import org.stackscope.core.settings.SettingsSupport;
import org.stackscope.io.volume.tiff.TiffVolumeWriter;
import org.stackscope.study.PressureSeries;
import org.stackscope.study.Recipe;
import org.stackscope.study.RecipeRunner;
import org.stackscope.study.StepRunner;
import org.stackscope.study.Study;
import org.stackscope.study.StudyReport;

/**
 * {@code stackscope batch <command>}: formats, analyses, inspect, export, analyze, run, series, report. Machine-readable output goes to
 * stdout (JSON or a tab-separated table); errors are one line on stderr with the exit codes of {@link ExitCode}.
 */
public final class Cli {

    static final String USAGE = """
            usage: stackscope batch <command> [options]
              formats                                   list importers (id, kind, extensions, name)
              analyses                                  list analyses with their settings and defaults
              inspect FILE [--format ID] [--import k=v]...
                                                        describe a file as JSON
              export FILE OUT.csv [--format ID] [--import k=v]...
                                                        a cycler, impedance or pressure file as CSV with
                                                        Battery Data Format column names
              analyze ANALYSIS_ID INPUT... [--set k=v]... [--import k=v]... [--out DIR]
                                                        run one analysis; metrics as JSON on stdout,
                                                        results.json + CSV + PNG/SVG in DIR
              run RECIPE.json --out DIR                 run every step of a recipe into DIR
              series STUDY ANALYSIS_ID METRIC [--set k=v]... [--out DIR]
                                                        run the analysis on every dataset of STUDY tagged
                                                        with a stack pressure and fit METRIC against it
              report STUDY [RESULTS_DIR]... [--out DIR] an HTML report of a study (default: every results
                                                        folder under STUDY/results, into STUDY/report)
              help                                      this text
            exit codes: 0 success, 2 usage error, 3 input error, 4 analysis failed""";

    private final Registry registry;
    private final PrintStream out;
    private final PrintStream err;

    public Cli(Registry registry, PrintStream out, PrintStream err) {
        this.registry = registry;
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        try {
            if (args.length == 0) {
                throw new UsageException("no command given");
            }
            List<String> rest = List.of(args).subList(1, args.length);
            switch (args[0]) {
                case "formats" -> formats(rest);
                case "analyses" -> analyses(rest);
                case "inspect" -> inspect(Options.parse(rest));
                case "export" -> export(Options.parse(rest));
                case "analyze" -> analyze(Options.parse(rest));
                case "run" -> runRecipe(Options.parse(rest));
                case "series" -> series(Options.parse(rest));
                case "report" -> report(Options.parse(rest));
                case "help", "-h", "--help" -> out.println(USAGE);
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            }
            return ExitCode.OK;
        } catch (UsageException e) {
            err.println("stackscope: " + e.getMessage());
            err.println(USAGE);
            return ExitCode.USAGE;
        } catch (InvalidSettingsException e) {
            err.println("stackscope: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (ImportException e) {
            err.println("stackscope: " + e.getMessage());
            return ExitCode.INPUT;
        } catch (AnalysisException e) {
            err.println("stackscope: analysis failed: " + e.getMessage());
            return ExitCode.ANALYSIS;
        } catch (CanceledException e) {
            err.println("stackscope: canceled; no result written");
            return ExitCode.ANALYSIS;
        } catch (IOException e) {
            err.println("stackscope: cannot write results: " + e.getMessage());
            return ExitCode.ANALYSIS;
        }
    }

    private void formats(List<String> args) throws UsageException {
        Options.none(args);
        out.println("id\tkind\textensions\tname");
        for (ImporterDescriptor d : registry.importers()) {
            out.println(d.id() + "\t" + d.kind().id() + "\t" + String.join(",", d.fileExtensions()) + "\t" + d.name());
        }
        reportRegistryProblems();
    }

    private void analyses(List<String> args) throws UsageException {
        Options.none(args);
        out.println("id\tcategory\tinputs\tname");
        for (AnalysisDescriptor d : registry.analyses()) {
            out.println(d.id() + "\t" + d.category() + "\t"
                    + String.join(",", d.inputKinds().stream().map(k -> k.id()).toList()) + "\t" + d.name());
            Object defaults = SettingsSupport.newDefaults(d.settingsClass());
            Map<String, Object> values = SettingsSupport.toMap(defaults);
            for (SettingDescriptor s : SettingsSupport.describe(d.settingsClass())) {
                String unit = s.annotation().unit().isEmpty() ? "" : " [" + s.annotation().unit() + "]";
                String choices = s.choices().isEmpty() ? "" : " " + s.choices();
                out.println("\t--set " + s.key() + "=" + values.get(s.key()) + unit + choices + "\t"
                        + s.annotation().label() + (s.annotation().description().isEmpty() ? ""
                                : ": " + s.annotation().description()));
            }
        }
        reportRegistryProblems();
    }

    private void reportRegistryProblems() {
        registry.problems().forEach(p -> err.println("stackscope: skipped contribution: " + p));
    }

    private void inspect(Options o) throws UsageException, ImportException {
        o.rejectSettings("inspect");
        o.rejectOut("inspect");
        if (o.positional().size() != 1) {
            throw new UsageException("inspect takes one FILE");
        }
        Path file = Path.of(o.positional().get(0));
        Inputs.Input in = registry.read(file, o.format(), new ImportSettings(o.importSettings()),
                console());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("path", file.toAbsolutePath().normalize().toString());
        doc.put("format", in.formatId());
        doc.put("formatName", registry.importer(in.formatId()).map(ImporterDescriptor::name).orElse(""));
        doc.put("kind", in.data().kind().id());
        doc.put("sha256", in.sha256());
        doc.putAll(in.data().describe());
        out.print(Json.write(doc));
    }

    private void export(Options o) throws UsageException, ImportException, IOException {
        o.rejectSettings("export");
        o.rejectOut("export");
        if (o.positional().size() != 2) {
            throw new UsageException("export takes FILE and OUT.csv");
        }
        Path file = Path.of(o.positional().get(0));
        Path target = Path.of(o.positional().get(1));
        Inputs.Input in = registry.read(file, o.format(), new ImportSettings(o.importSettings()), console());
        if (!(in.data() instanceof Table table)) {
            throw new ImportException(file, "", "is a " + in.data().kind().id() + "; export writes tables (cycler, "
                    + "impedance, pressure) as CSV");
        }
        BdfCsvExporter.write(table, target);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("path", file.toAbsolutePath().normalize().toString());
        doc.put("format", in.formatId());
        doc.put("csv", target.toAbsolutePath().normalize().toString());
        doc.put("rows", table.rowCount());
        doc.put("columns", table.columns().stream().map(BdfCsvExporter::header).toList());
        out.print(Json.write(doc));
    }

    private void analyze(Options o) throws UsageException, ImportException, InvalidSettingsException,
            AnalysisException, IOException {
        if (o.format() != null) {
            throw new UsageException("--format is an option of inspect");
        }
        if (o.positional().size() < 2) {
            throw new UsageException("analyze takes ANALYSIS_ID and at least one INPUT");
        }
        String id = o.positional().get(0);
        List<Path> inputs = o.positional().subList(1, o.positional().size()).stream().map(Path::of).toList();
        Path outDir = o.out();
        checkOutputFolder(outDir);
        StepResult step = new StepRunner(registry).run(id, inputs, o.settings(), o.importSettings(),
                console());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("analysis", id);
        doc.put("metrics", ResultsWriter.metrics(step.result().metrics()));
        if (!step.result().notes().isEmpty()) {
            doc.put("notes", step.result().notes());
        }
        if (outDir != null) {
            ResultsWriter.write(outDir, List.of(step), new FigureFiles(), new TiffVolumeWriter());
            doc.put("results", outDir.resolve("results.json").toAbsolutePath().normalize().toString());
        }
        out.print(Json.write(doc));
    }

    private void runRecipe(Options o) throws UsageException, ImportException, InvalidSettingsException,
            AnalysisException, IOException {
        o.rejectSettings("run");
        if (o.positional().size() != 1 || o.out() == null) {
            throw new UsageException("run takes RECIPE.json and --out DIR");
        }
        Path recipeFile = Path.of(o.positional().get(0));
        if (!Files.isRegularFile(recipeFile)) {
            throw new ImportException(recipeFile, "", "no such recipe file");
        }
        checkOutputFolder(o.out());
        Recipe recipe;
        try {
            recipe = Recipe.load(recipeFile);
        } catch (IOException e) {
            throw new ImportException(recipeFile, "", e.getMessage(), e);
        }
        List<StepResult> steps = new RecipeRunner(registry).run(recipe, console());
        ResultsWriter.write(o.out(), steps, new FigureFiles(), new TiffVolumeWriter());
        List<Map<String, Object>> summary = new ArrayList<>();
        for (StepResult s : steps) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("analysis", s.analysisId());
            m.put("metrics", ResultsWriter.metrics(s.result().metrics()));
            summary.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("recipe", recipe.name());
        doc.put("steps", summary);
        doc.put("results", o.out().resolve("results.json").toAbsolutePath().normalize().toString());
        out.print(Json.write(doc));
    }

    private void series(Options o) throws UsageException, ImportException, InvalidSettingsException,
            AnalysisException, IOException {
        if (o.positional().size() != 3) {
            throw new UsageException("series takes STUDY, ANALYSIS_ID and METRIC");
        }
        Study study = loadStudy(Path.of(o.positional().get(0)));
        String analysisId = o.positional().get(1);
        String metric = o.positional().get(2);
        AnalysisDescriptor fit = registry.analysis("metric-vs-pressure").orElseThrow(() -> new InvalidSettingsException(
                "series needs the metric-vs-pressure analysis (org.stackscope.analysis.electrochem), not installed"));
        checkOutputFolder(o.out());
        Table points = new PressureSeries(registry).collect(study, analysisId, o.settings(), metric, console());
        Path studyFile = study.folder().resolve(Study.FILE_NAME);
        Inputs.Input input = new Inputs.Input(studyFile, Hashing.sha256(studyFile), "study", points);
        StepResult step = StepRunner.run(fit, new Inputs(List.of(input)), StepRunner.settings(fit,
                Map.of("metric", metric)), console());
        step.result().table("points", points);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("analysis", analysisId);
        doc.put("metric", metric);
        doc.put("datasets", points.metadata().get("datasets"));
        doc.put("metrics", ResultsWriter.metrics(step.result().metrics()));
        if (!step.result().notes().isEmpty()) {
            doc.put("notes", step.result().notes());
        }
        if (o.out() != null) {
            ResultsWriter.write(o.out(), List.of(step), new FigureFiles(), new TiffVolumeWriter());
            doc.put("results", o.out().resolve("results.json").toAbsolutePath().normalize().toString());
        }
        out.print(Json.write(doc));
    }

    private static Study loadStudy(Path path) throws ImportException {
        try {
            return Study.load(path);
        } catch (IOException e) {
            throw new ImportException(path, "", e.getMessage(), e);
        }
    }

    private void report(Options o) throws UsageException, ImportException, IOException {
        o.rejectSettings("report");
        if (o.positional().isEmpty()) {
            throw new UsageException("report takes a STUDY folder (or study.json) and optionally results folders");
        }
        Study study = loadStudy(Path.of(o.positional().get(0)));
        List<Path> results = new ArrayList<>();
        for (String dir : o.positional().subList(1, o.positional().size())) {
            Path folder = Path.of(dir).toAbsolutePath().normalize();
            if (!Files.isRegularFile(folder.resolve("results.json"))) {
                throw new ImportException(folder, "", "has no results.json");
            }
            results.add(folder);
        }
        if (results.isEmpty()) {
            results.addAll(StudyReport.resultFolders(study.folder()));
        }
        Path outDir = o.out() != null ? o.out() : study.folder().resolve("report");
        checkOutputFolder(outDir);
        Path page = new StudyReport(study, new FigureFiles()).write(outDir, results);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("study", study.name());
        doc.put("results", results.stream().map(Path::toString).toList());
        doc.put("report", page.toAbsolutePath().normalize().toString());
        out.print(Json.write(doc));
    }

    /** Progress is not printed (stdout is JSON); Ctrl-C ends the JVM, an interrupt cancels. */
    private static Monitor console() {
        return Monitor.cancelable(() -> Thread.currentThread().isInterrupted());
    }

    /** Refuses an --out that exists as a file, before any work is done. */
    private static void checkOutputFolder(Path outDir) throws UsageException {
        if (outDir != null && Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new UsageException("--out " + outDir + " exists and is not a folder");
        }
    }
}
