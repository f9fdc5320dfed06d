package org.stackscope.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.stackscope.core.api.Analysis;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.CanceledException;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;
import org.stackscope.core.registry.AnalysisDescriptor;
import org.stackscope.core.registry.Registry;
import org.stackscope.core.results.Provenance;
import org.stackscope.core.results.StepResult;
import org.stackscope.core.settings.SettingsSupport;

/**
 * Runs one analysis step: import the inputs, build and validate the settings, {@code configure}, then {@code run}.
 * The batch application, recipes and the workbench's Jobs all go through here, so they give the same numbers.
 */
public final class StepRunner {

    private final Registry registry;

    public StepRunner(Registry registry) {
        this.registry = registry;
    }

    /**
     * @param settings       analysis settings as text (key → value); unknown keys are an error
     * @param importSettings importer options (voxel size, pressure axis, ...)
     */
    public StepResult run(String analysisId, List<Path> inputs, Map<String, String> settings,
            Map<String, String> importSettings, Monitor monitor)
            throws ImportException, InvalidSettingsException, AnalysisException {
        AnalysisDescriptor descriptor = registry.analysis(analysisId).orElseThrow(
                () -> new InvalidSettingsException("unknown analysis '" + analysisId + "' (run 'analyses')"));
        Object settingsObject = settings(descriptor, settings);
        List<Inputs.Input> read = new ArrayList<>();
        ImportSettings importOptions = new ImportSettings(importSettings);
        for (Path p : inputs) {
            monitor.checkCanceled();
            read.add(registry.read(p, null, importOptions, monitor));
        }
        return run(descriptor, new Inputs(read), settingsObject, monitor);
    }

    /** A settings object of the analysis with the given text values applied and validated. */
    public static Object settings(AnalysisDescriptor descriptor, Map<String, String> values)
            throws InvalidSettingsException {
        Object s = SettingsSupport.newDefaults(descriptor.settingsClass());
        for (Map.Entry<String, String> e : values.entrySet()) {
            SettingsSupport.set(s, e.getKey(), e.getValue());
        }
        SettingsSupport.validate(s);
        return s;
    }

    /** Runs an analysis on already imported inputs. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public static StepResult run(AnalysisDescriptor descriptor, Inputs inputs, Object settings, Monitor monitor)
            throws InvalidSettingsException, AnalysisException {
        for (Inputs.Input in : inputs.all()) {
            if (!descriptor.inputKinds().contains(in.data().kind())) {
                throw new InvalidSettingsException(descriptor.id() + " takes " + descriptor.inputKinds().stream()
                        .map(k -> k.id()).toList() + " inputs, but " + in.path() + " is " + in.data().kind().id());
            }
        }
        Analysis analysis = descriptor.factory().get();
        analysis.configure(InputSpec.of(inputs), settings);
        long start = System.nanoTime();
        Result result;
        try {
            result = analysis.run(inputs, settings, monitor);
        } catch (AnalysisException | CanceledException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            throw new AnalysisException(descriptor.id() + " ran out of memory (raise -Xmx)");
        } catch (RuntimeException e) {
            throw new AnalysisException(descriptor.id() + " failed: " + e, e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new StepResult(descriptor.id(), Provenance.bundleOf(analysis.getClass()),
                SettingsSupport.toMap(settings), inputs, result, seconds);
    }
}
