package org.stackscope.core.api;

import java.nio.file.Path;

/**
 * Reads one family of file formats; contributed through {@code org.stackscope.core.importers}.
 * Implementations open files read-only and never modify them.
 *
 * @param <T> the data object produced
 */
public interface Importer<T extends DataObject> {

    /** Cheap test on extension, magic numbers and the first bytes; never reads the whole file. */
    Match matches(Path file);

    /** Reads the file; throws {@link ImportException} naming file, position and reason for bad input. */
    T read(Path file, ImportSettings settings, Monitor monitor) throws ImportException;
}
