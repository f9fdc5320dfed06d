package org.stackscope.io.volume.fibsem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import org.stackscope.core.api.CanceledException;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Volume;
import org.stackscope.io.volume.store.PlaneSource;
import org.stackscope.io.volume.store.Planes;
import org.stackscope.io.volume.store.VolumeStorage;
import org.stackscope.io.volume.tiff.SampleType;
import org.stackscope.io.volume.tiff.TiffImporter;
import org.stackscope.io.volume.tiff.TiffSequenceImporter;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * A FIB-SEM serial-section stack (a folder of TIFF slices in natural name order, or one multi-page TIFF) as a volume
 * with the corrections such stacks need. Settings:
 * <ul>
 * <li>{@code pixelSize} (µm, default: the TIFF's X calibration) and {@code sliceSpacing} (µm, the milling step,
 * default: the TIFF's Z calibration): voxels are anisotropic.</li>
 * <li>{@code tiltAngle_deg} (default 52): the SEM views the milled face at this angle, which foreshortens it along Y
 * by sin(angle); the voxel Y size becomes pixelSize / sin(angle) (no resampling). 90 means no correction.</li>
 * <li>{@code align} (default true): slice-to-slice drift by phase correlation of each slice with the previous one
 * inside the crop region (sub-pixel), accumulated from slice 1, and removed by bilinear resampling (exact for
 * integer shifts); voxels shifted in from outside the slice are 0. The per-slice and cumulative shifts are reported in
 * the metadata ({@code drift.dx_px}, {@code drift.dy_px}, {@code drift.cumulativeX_px}, ...).</li>
 * <li>{@code crop} = x0,y0,x1,y1 (pixels, x1 and y1 exclusive; default: whole slice).</li>
 * </ul>
 * The slices are read into memory; the aligned, cropped volume is a second copy in memory, or with
 * {@code storage=on-demand} (or auto when the heap is short) slabs of it are aligned when first touched.
 */
public final class FibSemImporter implements Importer<Volume> {

    static final String PIXEL_SIZE = "pixelSize";
    static final String SLICE_SPACING = "sliceSpacing";
    static final String TILT = "tiltAngle_deg";
    static final String ALIGN = "align";
    static final String CROP = "crop";
    static final double DEFAULT_TILT_DEG = 52;

    private final TiffImporter tiff = new TiffImporter();
    private final TiffSequenceImporter sequence = new TiffSequenceImporter();

    @Override
    public Match matches(Path file) {
        // the same files are plain TIFF stacks too: FIB-SEM is chosen by name (--format fib-sem), never guessed
        Match m = Files.isDirectory(file) ? sequence.matches(file) : tiff.matches(file);
        return m == Match.NO ? Match.NO : Match.MAYBE;
    }

    @Override
    public Volume read(Path source, ImportSettings settings, Monitor monitor) throws ImportException {
        Options o = Options.parse(source, settings);
        // alignment visits every plane and writes an aligned copy: the slices are read into memory
        Map<String, String> inMemory = new LinkedHashMap<>(settings.values());
        inMemory.put(VolumeStorage.STORAGE, "memory");
        ImportSettings tiffSettings = new ImportSettings(inMemory);
        Volume raw = Files.isDirectory(source) ? sequence.read(source, tiffSettings, monitor)
                : tiff.read(source, tiffSettings, monitor);
        RandomAccessibleInterval<? extends RealType<?>> in = raw.image();
        int width = (int) in.dimension(0);
        int height = (int) in.dimension(1);
        int depth = (int) in.dimension(2);
        int[] crop = o.crop == null ? new int[] {0, 0, width, height} : o.crop;
        if (crop[2] > width || crop[3] > height) {
            throw new ImportException(source, "import settings", "crop=" + crop[0] + "," + crop[1] + "," + crop[2]
                    + "," + crop[3] + " reaches beyond the slices of " + width + " x " + height + " pixels");
        }
        SampleType type = SampleType.byId(raw.sampleType());
        try {
            double[][] shifts = o.align ? drift(in, type, crop, monitor) : new double[depth][2];
            double[][] cumulative = new double[depth][2];
            for (int z = 1; z < depth; z++) {
                cumulative[z][0] = cumulative[z - 1][0] + shifts[z][0];
                cumulative[z][1] = cumulative[z - 1][1] + shifts[z][1];
            }
            int outW = crop[2] - crop[0];
            int outH = crop[3] - crop[1];
            PlaneSource aligned = () -> new PlaneSource.Session() {
                private final Object plane = Planes.newArray(type, (long) width * height);
                private final Object shifted = Planes.newArray(type, (long) outW * outH);

                @Override
                public void read(int firstZ, int planes, Object samples) {
                    for (int z = firstZ; z < firstZ + planes; z++) {
                        Planes.copyPlane(in, z, plane);
                        Resample.shifted(plane, width, height, type, crop[0] + cumulative[z][0], crop[1]
                                + cumulative[z][1], shifted, outW, outH);
                        System.arraycopy(shifted, 0, samples, (z - firstZ) * outW * outH, outW * outH);
                    }
                }

                @Override
                public void close() {
                }
            };
            // the output follows the user's storage setting: on demand, slices are aligned when first touched
            VolumeStorage.Stored out = VolumeStorage.load(source, "aligned slices", type, outW, outH, depth, aligned,
                    settings, monitor);
            double pixel = Double.isNaN(o.pixelSize) ? raw.voxelSizeUm()[0] : o.pixelSize;
            double spacing = Double.isNaN(o.sliceSpacing) ? raw.voxelSizeUm()[2] : o.sliceSpacing;
            double[] voxel = {pixel, pixel / Math.sin(Math.toRadians(o.tiltDeg)), spacing};
            Map<String, String> metadata = new LinkedHashMap<>(raw.metadata());
            metadata.putAll(out.metadata());
            metadata.put("format", "fib-sem");
            metadata.put("tiltAngle_deg", Double.toString(o.tiltDeg));
            metadata.put("tiltCorrection", "voxel Y = pixel size / sin(" + o.tiltDeg + " deg) = " + voxel[1] + " um");
            metadata.put("crop", crop[0] + "," + crop[1] + "," + crop[2] + "," + crop[3]);
            metadata.put("aligned", Boolean.toString(o.align));
            if (o.align) {
                metadata.put("drift.method", "phase correlation with the previous slice, sub-pixel, cumulative");
                metadata.put("drift.dx_px", join(shifts, 0));
                metadata.put("drift.dy_px", join(shifts, 1));
                metadata.put("drift.cumulativeX_px", join(cumulative, 0));
                metadata.put("drift.cumulativeY_px", join(cumulative, 1));
                metadata.put("drift.maxCumulative_px", format(maxNorm(cumulative)));
            }
            return new Volume(out.image(), raw.sampleType(), voxel, raw.pressureAxis(), metadata);
        } catch (CanceledException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            throw new ImportException(source, "", "the alignment buffers do not fit in the Java heap: crop the "
                    + "stack or start with a larger -Xmx");
        }
    }

    /** Shift of each slice relative to the previous one (slice 0: none), measured inside the crop region. */
    static double[][] drift(RandomAccessibleInterval<? extends RealType<?>> in, SampleType type, int[] crop,
            Monitor monitor) {
        int width = (int) in.dimension(0);
        int depth = (int) in.dimension(2);
        int w = crop[2] - crop[0];
        int h = crop[3] - crop[1];
        DriftEstimator estimator = new DriftEstimator(w, h);
        double[][] shifts = new double[depth][2];
        Object plane = Planes.newArray(type, in.dimension(0) * in.dimension(1));
        double[] previousRegion = null;
        DriftEstimator.Spectrum previous = null;
        monitor.begin("Aligning slices", depth);
        for (int z = 0; z < depth; z++) {
            monitor.checkCanceled();
            double[] region = new double[w * h];
            Planes.copyPlane(in, z, plane);
            Resample.region(plane, width, type, crop[0], crop[1], w, h, region);
            DriftEstimator.Spectrum current = estimator.spectrum(region);
            if (previous != null) {
                shifts[z] = estimator.refine(previousRegion, region, estimator.shift(previous, current));
            }
            previous = current;
            previousRegion = region;
            monitor.worked(1);
        }
        monitor.done();
        return shifts;
    }

    private static String join(double[][] values, int axis) {
        StringJoiner j = new StringJoiner(",");
        for (double[] v : values) {
            j.add(format(v[axis]));
        }
        return j.toString();
    }

    private static double maxNorm(double[][] values) {
        double max = 0;
        for (double[] v : values) {
            max = Math.max(max, Math.hypot(v[0], v[1]));
        }
        return max;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** The settings, checked before any pixel is read. */
    private record Options(double pixelSize, double sliceSpacing, double tiltDeg, boolean align, int[] crop) {

        static Options parse(Path source, ImportSettings s) throws ImportException {
            try {
                double tilt = s.getPositive(TILT, DEFAULT_TILT_DEG);
                if (tilt > 90) {
                    throw new IllegalArgumentException("setting " + TILT + "=" + tilt + " must be in (0, 90] "
                            + "degrees");
                }
                String align = s.get(ALIGN, "true").trim().toLowerCase(Locale.ROOT);
                if (!align.equals("true") && !align.equals("false")) {
                    throw new IllegalArgumentException("setting " + ALIGN + "=" + align + " is not true or false");
                }
                return new Options(s.getPositive(PIXEL_SIZE, Double.NaN), s.getPositive(SLICE_SPACING, Double.NaN),
                        tilt, align.equals("true"), crop(s.get(CROP, null)));
            } catch (IllegalArgumentException e) {
                throw new ImportException(source, "import settings", e.getMessage(), e);
            }
        }

        private static int[] crop(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String[] parts = text.trim().split("\\s*,\\s*");
            String problem = "setting " + CROP + "=" + text + " must be x0,y0,x1,y1 in pixels with 0 <= x0 < x1 "
                    + "and 0 <= y0 < y1 (x1, y1 exclusive)";
            if (parts.length != 4) {
                throw new IllegalArgumentException(problem);
            }
            int[] c = new int[4];
            try {
                for (int i = 0; i < 4; i++) {
                    c[i] = Integer.parseInt(parts[i]);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(problem, e);
            }
            if (c[0] < 0 || c[1] < 0 || c[2] <= c[0] || c[3] <= c[1]) {
                throw new IllegalArgumentException(problem);
            }
            return c;
        }
    }
}
