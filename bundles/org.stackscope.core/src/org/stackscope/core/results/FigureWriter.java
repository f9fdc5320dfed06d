package org.stackscope.core.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.stackscope.core.api.FigureSpec;

/** Renders a figure into files (PNG, SVG); the charts bundle provides the implementation. */
@FunctionalInterface
public interface FigureWriter {

    /** Writes the figure into {@code dir} with names starting with {@code baseName}; returns the file names. */
    List<String> write(FigureSpec figure, Path dir, String baseName) throws IOException;

    FigureWriter NONE = (figure, dir, baseName) -> List.of();
}
