package org.stackscope.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.registry.AnalysisDescriptor;
import org.stackscope.core.registry.Registry;
import org.stackscope.core.results.StepResult;

/**
 * Runs all steps of a recipe. Every step's settings are validated before any file is read, and a file used by
 * several steps is imported once.
 */
public final class RecipeRunner {

    private final Registry registry;

    public RecipeRunner(Registry registry) {
        this.registry = registry;
    }

    public List<StepResult> run(Recipe recipe, Monitor monitor)
            throws ImportException, InvalidSettingsException, AnalysisException {
        List<AnalysisDescriptor> descriptors = new ArrayList<>();
        List<Object> settings = new ArrayList<>();
        for (Recipe.Step step : recipe.steps()) {
            AnalysisDescriptor d = registry.analysis(step.analysis()).orElseThrow(() -> new InvalidSettingsException(
                    recipe.file() + ": unknown analysis '" + step.analysis() + "' (run 'analyses')"));
            descriptors.add(d);
            settings.add(StepRunner.settings(d, step.settings()));
        }
        Map<Recipe.ResolvedInput, Inputs.Input> imported = new HashMap<>();
        List<StepResult> results = new ArrayList<>();
        for (int i = 0; i < recipe.steps().size(); i++) {
            Recipe.Step step = recipe.steps().get(i);
            List<Inputs.Input> inputs = new ArrayList<>();
            for (String name : step.inputs()) {
                Recipe.ResolvedInput r = recipe.resolve(name, step.importSettings());
                Inputs.Input in = imported.get(r);
                if (in == null) {
                    monitor.checkCanceled();
                    in = registry.read(r.path(), r.format(), new ImportSettings(r.importSettings()), monitor);
                    imported.put(r, in);
                }
                inputs.add(in);
            }
            results.add(StepRunner.run(descriptors.get(i), new Inputs(inputs), settings.get(i), monitor));
        }
        return results;
    }
}
