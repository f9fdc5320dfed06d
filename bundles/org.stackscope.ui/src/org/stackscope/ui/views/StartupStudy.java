package org.stackscope.ui.views;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.runtime.Platform;

/** The study to open at start-up: {@code -study <folder>} on the command line, else {@code -Dstackscope.study}. */
public final class StartupStudy {

    public static final String ARGUMENT = "-study";
    public static final String PROPERTY = "stackscope.study";

    private StartupStudy() {
    }

    /** The start-up study of this run, if one was named. */
    public static Optional<Path> folder() {
        return folder(Platform.getApplicationArgs(), System.getProperty(PROPERTY));
    }

    /** The folder after {@code -study} in the arguments, else the property value, if either names one. */
    public static Optional<Path> folder(String[] applicationArgs, String property) {
        for (int i = 0; i + 1 < applicationArgs.length; i++) {
            if (ARGUMENT.equals(applicationArgs[i])) {
                return Optional.of(Path.of(applicationArgs[i + 1]));
            }
        }
        return property == null || property.isBlank() ? Optional.empty() : Optional.of(Path.of(property.trim()));
    }
}
