package org.stackscope.core.api;

/** Settings or inputs that an analysis rejects in {@link Analysis#configure}, before any work is done. */
public class InvalidSettingsException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidSettingsException(String message) {
        super(message);
    }
}
