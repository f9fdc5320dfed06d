package org.stackscope.io.volume.tiff;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.Volume;
import org.stackscope.io.volume.store.PlaneSource;
import org.stackscope.io.volume.store.Planes;
import org.stackscope.io.volume.store.VolumeStorage;


/**
 * Reads the pages of one TIFF file, or of the files of a folder, as the Z planes of one {@link Volume}. Everything
 * that can be checked is checked before the image is allocated: equal page sizes and sample types, a single channel,
 * the settings, and the free Java heap. Where the planes live (in memory, or read on demand when the volume is large
 * for the heap) follows the {@code storage} setting, see {@link VolumeStorage}.
 */
final class TiffStack {

    static final String PRESSURE_AXIS = "pressureAxis";
    private static final int MAX_DESCRIPTION_CHARS = 2000;

    /** One Z plane: page {@code pageIndex} of {@code file}. */
    record Slice(Path file, int pageIndex, TiffPage page) {
    }

    private TiffStack() {
    }

    /**
     * @param source the file or folder being imported; named in messages about the stack as a whole
     * @param fileMetadata facts about the file(s), to which the facts about the pages are added
     */
    static Volume read(Path source, List<Slice> slices, Map<String, String> fileMetadata, ImportSettings settings,
            Monitor monitor) throws ImportException {
        TiffPage first = slices.get(0).page();
        checkUniform(slices);
        Optional<ImageJDescription> imageJ = ImageJDescription.parse(first.description());
        checkSingleChannel(source, first, imageJ);
        VoxelCalibration calibration;
        Axis pressureAxis;
        try {
            calibration = VoxelCalibration.resolve(first, imageJ, settings);
            pressureAxis = Axis.parse(settings.get(PRESSURE_AXIS, Axis.Z.name()));
        } catch (IllegalArgumentException e) {
            throw new ImportException(source, "import settings", e.getMessage(), e);
        }
        VolumeStorage.Stored stored = VolumeStorage.load(source, "pages 1-" + slices.size(), first.sampleType(),
                first.width(), first.height(), slices.size(), planes(slices), settings, monitor);
        Map<String, String> metadata = new LinkedHashMap<>(fileMetadata);
        metadata.putAll(describe(slices, imageJ, calibration));
        metadata.putAll(stored.metadata());
        return new Volume(stored.image(), first.sampleType().id(), calibration.sizeUm(), pressureAxis, metadata);
    }

    /** Facts about one file for {@code Volume.metadata()}. */
    static Map<String, String> fileMetadata(TiffReader reader) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("byteOrder", reader.byteOrder() == ByteOrder.LITTLE_ENDIAN ? "little-endian" : "big-endian");
        m.put("bigTiff", Boolean.toString(reader.bigTiff()));
        if (reader.imageJLargeStack()) {
            m.put("imageJLargeStack", "true");
        }
        if (reader.skippedReducedResolutionPages() > 0) {
            m.put("skippedReducedResolutionPages", Integer.toString(reader.skippedReducedResolutionPages()));
        }
        return m;
    }

    /** A failure nobody anticipated while decoding untrusted bytes still reaches the user as an import error. */
    static ImportException unexpected(Path file, RuntimeException e) {
        return new ImportException(file, "", "could not be read (" + e + ")", e);
    }

    private static void checkUniform(List<Slice> slices) throws ImportException {
        Slice reference = slices.get(0);
        TiffPage ref = reference.page();
        for (Slice s : slices) {
            TiffPage p = s.page();
            if (p.width() != ref.width() || p.height() != ref.height() || p.sampleType() != ref.sampleType()) {
                String other = s.file().equals(reference.file()) ? "page 1"
                        : "page 1 of " + reference.file().getFileName();
                throw new ImportException(s.file(), p.position(), "this page is " + shape(p) + " but " + other
                        + " is " + shape(ref) + ": all slices of a volume must have one size and sample type");
            }
        }
    }

    private static String shape(TiffPage p) {
        return p.width() + " x " + p.height() + " " + p.sampleType().id();
    }

    private static void checkSingleChannel(Path source, TiffPage first, Optional<ImageJDescription> imageJ)
            throws ImportException {
        int channels = imageJ.map(ImageJDescription::channels).orElse(1);
        int frames = imageJ.map(ImageJDescription::frames).orElse(1);
        if (channels > 1 || frames > 1) {
            throw new ImportException(source, first.position(), "this is an ImageJ hyperstack with " + channels
                    + " channels and " + frames + " time frames; Stackscope reads one 3-D stack: save a single "
                    + "channel and time point (in Fiji: Image > Duplicate... or Image > Hyperstacks > Reduce "
                    + "Dimensionality)");
        }
    }

    /**
     * The slices' pixels, each file opened when its first plane is needed (and checked to be unchanged); a read of
     * several planes decodes each into a scratch plane and copies it into place.
     */
    private static PlaneSource planes(List<Slice> slices) {
        return () -> new PlaneSource.Session() {
            private TiffReader reader;
            private Object scratch;

            @Override
            public void read(int firstZ, int depth, Object samples) throws ImportException {
                TiffPage first = slices.get(0).page();
                int planeSamples = first.width() * first.height();
                for (int z = firstZ; z < firstZ + depth; z++) {
                    Slice slice = slices.get(z);
                    if (reader == null || !reader.file().equals(slice.file())) {
                        close();
                        reader = TiffReader.open(slice.file());
                        checkUnchanged(reader, slice);
                    }
                    if (depth == 1) {
                        reader.readPlane(slice.pageIndex(), samples);
                    } else {
                        scratch = scratch != null ? scratch : Planes.newArray(first.sampleType(), planeSamples);
                        reader.readPlane(slice.pageIndex(), scratch);
                        System.arraycopy(scratch, 0, samples, (z - firstZ) * planeSamples, planeSamples);
                    }
                }
            }

            @Override
            public void close() {
                if (reader != null) {
                    reader.close();
                    reader = null;
                }
            }
        };
    }

    /** A file reopened for its pixels must still have the page that was checked when the folder was scanned. */
    private static void checkUnchanged(TiffReader reader, Slice slice) throws ImportException {
        List<TiffPage> pages = reader.pages();
        TiffPage now = slice.pageIndex() < pages.size() ? pages.get(slice.pageIndex()) : null;
        if (now == null || now.width() != slice.page().width() || now.height() != slice.page().height()
                || now.sampleType() != slice.page().sampleType()) {
            throw new ImportException(slice.file(), slice.page().position(), "the file changed while the stack was "
                    + "being read");
        }
    }

    private static Map<String, String> describe(List<Slice> slices, Optional<ImageJDescription> imageJ,
            VoxelCalibration calibration) {
        TiffPage first = slices.get(0).page();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("pages", Integer.toString(slices.size()));
        TreeSet<String> compressions = new TreeSet<>();
        int whiteIsZero = 0;
        boolean predictor = false;
        boolean bitsReversed = false;
        for (Slice s : slices) {
            compressions.add(s.page().compression().label());
            whiteIsZero += s.page().photometric() == TiffTags.PHOTOMETRIC_WHITE_IS_ZERO ? 1 : 0;
            predictor |= s.page().predictor() == TiffTags.PREDICTOR_HORIZONTAL;
            bitsReversed |= s.page().bitsReversed();
        }
        m.put("compression", String.join(",", compressions));
        if (predictor) {
            m.put("predictor", "horizontal differencing");
        }
        if (bitsReversed) {
            m.put("fillOrder", "2 (bits of stored bytes reversed)");
        }
        m.put("layout", first.tiled() ? "tiles " + first.chunkWidth() + "x" + first.chunkHeight() : "strips");
        m.put("photometric", photometric(whiteIsZero, slices.size()));
        m.put("voxelSizeSource", calibration.source());
        if (imageJ.isPresent()) {
            imageJ.get().entries().forEach((k, v) -> m.put("imagej." + k, v));
        } else if (first.description() != null && !first.description().isBlank()) {
            String d = first.description().strip();
            m.put("description", d.length() > MAX_DESCRIPTION_CHARS ? d.substring(0, MAX_DESCRIPTION_CHARS) : d);
        }
        return m;
    }

    /** WhiteIsZero only tells a viewer to invert the display; the values are kept as stored. */
    private static String photometric(int whiteIsZeroPages, int pages) {
        if (whiteIsZeroPages == 0) {
            return "BlackIsZero";
        }
        if (whiteIsZeroPages == pages) {
            return "WhiteIsZero (values kept as stored)";
        }
        return "mixed: " + whiteIsZeroPages + " WhiteIsZero and " + (pages - whiteIsZeroPages)
                + " BlackIsZero pages (values kept as stored)";
    }
}
