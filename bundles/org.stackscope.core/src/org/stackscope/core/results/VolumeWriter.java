package org.stackscope.core.results;

import java.io.IOException;
import java.nio.file.Path;

import org.stackscope.core.api.DataObject;
import org.stackscope.core.api.Monitor;

/** Writes a result's volume (a Volume or LabelVolume) into a file; the volume bundle provides the TIFF writer. */
@FunctionalInterface
public interface VolumeWriter {

    /** Writes the volume into {@code dir} under a name starting with {@code baseName}; returns the file name. */
    String write(DataObject volume, Path dir, String baseName, Monitor monitor) throws IOException;

    /** For callers that keep volumes in memory only: writing one is an error, not a silent omission. */
    VolumeWriter NONE = (volume, dir, baseName, monitor) -> {
        throw new IOException("no volume writer: cannot write " + baseName);
    };
}
