package org.stackscope.io.volume.tiff;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.stackscope.core.api.CanceledException;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Volume;

/**
 * A folder of TIFF files, one slice (or several pages) each, as a volume. Files are stacked along Z in the natural
 * order of the numbers in their names ({@code img2.tif} before {@code img10.tif}); hidden files such as macOS
 * {@code ._img1.tif} are ignored. Calibration comes from the first file; settings as for {@link TiffImporter}.
 */
public final class TiffSequenceImporter implements Importer<Volume> {

    @Override
    public Match matches(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Match.NO;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, TiffSequenceImporter::isSliceFile)) {
            for (Path entry : entries) {
                if (TiffReader.hasTiffSignature(entry)) {
                    return Match.YES;
                }
            }
        } catch (IOException e) {
            return Match.NO;
        }
        return Match.NO;
    }

    @Override
    public Volume read(Path folder, ImportSettings settings, Monitor monitor) throws ImportException {
        try {
            List<Path> files = sliceFiles(folder);
            List<TiffStack.Slice> slices = new ArrayList<>();
            Map<String, String> metadata = null;
            for (Path file : files) {
                monitor.checkCanceled();
                try (TiffReader reader = TiffReader.open(file)) {
                    for (TiffPage page : reader.pages()) {
                        slices.add(new TiffStack.Slice(file, page.index(), page));
                    }
                    if (metadata == null) {
                        metadata = TiffStack.fileMetadata(reader);
                    }
                }
            }
            metadata.put("format", "tiff-sequence");
            metadata.put("files", Integer.toString(files.size()));
            metadata.put("firstFile", files.get(0).getFileName().toString());
            metadata.put("lastFile", files.get(files.size() - 1).getFileName().toString());
            return TiffStack.read(folder, slices, metadata, settings, monitor);
        } catch (CanceledException e) {
            throw e;
        } catch (RuntimeException e) {
            throw TiffStack.unexpected(folder, e);
        }
    }

    /** The TIFF files of the folder in natural order of their names. */
    static List<Path> sliceFiles(Path folder) throws ImportException {
        if (!Files.isDirectory(folder)) {
            throw new ImportException(folder, "", "not a folder: the TIFF sequence importer reads a folder of "
                    + ".tif/.tiff slices");
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, TiffSequenceImporter::isSliceFile)) {
            entries.forEach(files::add);
        } catch (IOException e) {
            throw new ImportException(folder, "", "cannot list the folder: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new ImportException(folder, "", "the folder holds no .tif or .tiff files");
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString(), NaturalOrder.INSTANCE));
        return files;
    }

    private static boolean isSliceFile(Path entry) {
        return !entry.getFileName().toString().startsWith(".") && TiffImporter.hasTiffExtension(entry)
                && Files.isRegularFile(entry);
    }
}
