package org.stackscope.core.api;

/** An analysis that could not produce a result; no partial result is reported. */
public class AnalysisException extends Exception {
    private static final long serialVersionUID = 1L;

    public AnalysisException(String message) {
        super(message);
    }

    public AnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}
