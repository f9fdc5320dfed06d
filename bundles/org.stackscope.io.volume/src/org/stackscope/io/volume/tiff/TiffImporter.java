package org.stackscope.io.volume.tiff;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.stackscope.core.api.CanceledException;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Volume;

/**
 * A multi-page TIFF or BigTIFF file as a volume: page order is Z. Settings: {@code voxelSize} (isotropic, µm),
 * {@code voxelSizeX}, {@code voxelSizeY}, {@code voxelSizeZ} (µm, override the file's calibration) and
 * {@code pressureAxis} (X, Y or Z, default Z).
 */
public final class TiffImporter implements Importer<Volume> {

    /** File name extensions of TIFF stacks (lower case, without dot). */
    static final List<String> EXTENSIONS = List.of("tif", "tiff", "btf", "tf8");

    @Override
    public Match matches(Path file) {
        if (!Files.isRegularFile(file)) {
            return Match.NO;
        }
        if (TiffReader.hasTiffSignature(file)) {
            return Match.YES;
        }
        return hasTiffExtension(file) ? Match.MAYBE : Match.NO;
    }

    @Override
    public Volume read(Path file, ImportSettings settings, Monitor monitor) throws ImportException {
        try (TiffReader reader = TiffReader.open(file)) {
            List<TiffStack.Slice> slices = new ArrayList<>();
            for (TiffPage page : reader.pages()) {
                slices.add(new TiffStack.Slice(file, page.index(), page));
            }
            Map<String, String> metadata = TiffStack.fileMetadata(reader);
            metadata.put("format", "tiff");
            return TiffStack.read(file, slices, metadata, settings, monitor);
        } catch (CanceledException e) {
            throw e;
        } catch (RuntimeException e) {
            throw TiffStack.unexpected(file, e);
        }
    }

    static boolean hasTiffExtension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
