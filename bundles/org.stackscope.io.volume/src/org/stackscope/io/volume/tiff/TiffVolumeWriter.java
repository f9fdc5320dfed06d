package org.stackscope.io.volume.tiff;

import java.io.IOException;
import java.nio.file.Path;

import org.stackscope.core.api.DataObject;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.LabelVolume;
import org.stackscope.core.model.Volume;
import org.stackscope.core.results.VolumeWriter;

/** Writes result volumes as calibrated multi-page TIFFs ({@code <baseName>.tif}; labels as their 8/16-bit image). */
public final class TiffVolumeWriter implements VolumeWriter {

    @Override
    public String write(DataObject data, Path dir, String baseName, Monitor monitor) throws IOException {
        Volume volume = data instanceof LabelVolume labels ? labels.volume() : (Volume) data;
        String name = baseName + ".tif";
        TiffWriter.write(volume, dir.resolve(name), TiffWriter.Options.DEFAULT, monitor);
        return name;
    }
}
