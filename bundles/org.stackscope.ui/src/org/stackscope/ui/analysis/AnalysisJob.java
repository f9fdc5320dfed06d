package org.stackscope.ui.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.stackscope.charts.FigureFiles;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.CanceledException;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.registry.AnalysisDescriptor;
import org.stackscope.core.results.ResultsWriter;
import org.stackscope.core.results.StepResult;
import org.stackscope.core.settings.SettingsSupport;
import org.stackscope.io.volume.tiff.TiffVolumeWriter;
import org.stackscope.study.Dataset;
import org.stackscope.study.StepRunner;
import org.stackscope.ui.preferences.StackscopePreferences;
import org.stackscope.ui.preview.ImportedData;
import org.stackscope.ui.preview.JobMonitor;

/**
 * Runs one analysis on one dataset in the background, through the same {@link StepRunner} as {@code stackscope
 * batch analyze}, and writes results.json, tables and figures into {@code outDir} atomically. Canceled or failed,
 * it writes nothing.
 */
public final class AnalysisJob extends Job {

    private final AnalysisDescriptor analysis;
    private final Dataset dataset;
    private final Map<String, String> settings;
    private final Path outDir;
    private volatile StepResult result;

    public AnalysisJob(AnalysisDescriptor analysis, Dataset dataset, Map<String, String> settings, Path outDir) {
        super(analysis.name() + " of " + dataset.id());
        this.analysis = analysis;
        this.dataset = dataset;
        this.settings = Map.copyOf(settings);
        this.outDir = outDir;
        setUser(true);
    }

    /** Where the results go: {@code <study>/results/<dataset>_<analysis>}. */
    public static Path defaultOutDir(Path studyFolder, Dataset dataset, AnalysisDescriptor analysis) {
        return studyFolder.resolve("results").resolve(ResultsWriter.safeFileName(dataset.id() + "_" + analysis.id()));
    }

    public Optional<StepResult> result() {
        return Optional.ofNullable(result);
    }

    public Path outDir() {
        return outDir;
    }

    public Dataset dataset() {
        return dataset;
    }

    /** The preferred thread count for analyses that have a {@code threads} setting the user left at 0 (all cores). */
    private Map<String, String> withPreferredThreads(Map<String, String> values) {
        int preferred = StackscopePreferences.threads();
        boolean hasThreads = SettingsSupport.describe(analysis.settingsClass()).stream()
                .anyMatch(d -> d.key().equals("threads"));
        if (preferred <= 0 || !hasThreads || !values.getOrDefault("threads", "0").trim().equals("0")) {
            return values;
        }
        Map<String, String> out = new java.util.LinkedHashMap<>(values);
        out.put("threads", Integer.toString(preferred));
        return out;
    }

    @Override
    protected IStatus run(IProgressMonitor progress) {
        SubMonitor steps = SubMonitor.convert(progress, getName(), 10);
        try {
            Object settingsObject = StepRunner.settings(analysis, withPreferredThreads(settings));
            Inputs.Input input = ImportedData.input(dataset, new JobMonitor(steps.split(3)));
            StepResult done = StepRunner.run(analysis, new Inputs(List.of(input)), settingsObject,
                    new JobMonitor(steps.split(6)));
            steps.split(1).subTask("Writing results to " + outDir);
            ResultsWriter.write(outDir, List.of(done), new FigureFiles(), new TiffVolumeWriter());
            result = done;
            return Status.OK_STATUS;
        } catch (CanceledException | OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (ImportException | InvalidSettingsException | AnalysisException e) {
            return Status.error(e.getMessage(), e);
        } catch (IOException e) {
            return Status.error("Cannot write the results to " + outDir + ": " + e.getMessage(), e);
        } finally {
            progress.done();
        }
    }
}
