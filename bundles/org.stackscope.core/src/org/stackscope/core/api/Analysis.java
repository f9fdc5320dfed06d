package org.stackscope.core.api;

/**
 * One analysis, contributed through {@code org.stackscope.core.analyses}. Implementations are stateless: every call
 * gets its inputs and a settings object (a plain class with {@link org.stackscope.core.settings.Setting} fields).
 *
 * @param <S> the settings class named by the extension's {@code settingsClass}
 */
public interface Analysis<S> {

    /** Validates the settings against the inputs and declares the outputs; does no heavy work. */
    OutputSpec configure(InputSpec inputs, S settings) throws InvalidSettingsException;

    /** Runs; checks {@link Monitor#isCanceled()} in every long loop. */
    Result run(Inputs inputs, S settings, Monitor monitor) throws AnalysisException;
}
