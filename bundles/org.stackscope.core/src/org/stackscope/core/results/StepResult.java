package org.stackscope.core.results;

import java.util.List;
import java.util.Map;

import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.Result;

/** One executed step: which analysis, with which settings and inputs, what it produced and how long it took. */
public record StepResult(String analysisId, String bundle, Map<String, Object> settings, Inputs inputs,
        Result result, double seconds) {
}
