package org.stackscope.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.DataObject;
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
 * several steps is imported once. An input {@code step<N>:<name>} is the volume {@code name} that step N (1-based,
 * an earlier step) produced, e.g. {@code step1:labels} after a {@code segment} step; it is passed on in memory.
 */
public final class RecipeRunner {

    private final Registry registry;

    private static final Pattern STEP_OUTPUT = Pattern.compile("step(\\d{1,9}):(.+)");

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
            int earlierSteps = descriptors.size() - 1;
            for (String input : step.inputs()) {
                Matcher m = STEP_OUTPUT.matcher(input);
                if (!m.matches()) {
                    continue;
                }
                int producer = Integer.parseInt(m.group(1));
                if (producer < 1 || producer > earlierSteps) {
                    throw new InvalidSettingsException(recipe.file() + ": step " + descriptors.size() + " takes '"
                            + input + "', but only steps 1 to " + earlierSteps + " run before it");
                }
            }
        }
        Map<Recipe.ResolvedInput, Inputs.Input> imported = new HashMap<>();
        List<StepResult> results = new ArrayList<>();
        for (int i = 0; i < recipe.steps().size(); i++) {
            Recipe.Step step = recipe.steps().get(i);
            List<Inputs.Input> inputs = new ArrayList<>();
            for (String name : step.inputs()) {
                Matcher m = STEP_OUTPUT.matcher(name);
                if (m.matches()) {
                    inputs.add(stepOutput(recipe, results.get(Integer.parseInt(m.group(1)) - 1), name, m.group(2)));
                    continue;
                }
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

    private static Inputs.Input stepOutput(Recipe recipe, StepResult producer, String reference, String volume)
            throws InvalidSettingsException {
        DataObject data = producer.result().volumes().get(volume);
        if (data == null) {
            throw new InvalidSettingsException(recipe.file() + ": '" + reference + "': " + producer.analysisId()
                    + " produced no volume '" + volume + "'" + (producer.result().volumes().isEmpty() ? ""
                            : " (it produced: " + String.join(", ", producer.result().volumes().keySet()) + ")"));
        }
        return Inputs.Input.fromStep(reference, data);
    }
}
