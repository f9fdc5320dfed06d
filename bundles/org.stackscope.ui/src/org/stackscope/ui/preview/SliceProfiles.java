package org.stackscope.ui.preview;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleFunction;

import org.stackscope.core.api.FigureSpec;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Volume;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Profiles of a volume along its pressure axis, slice by slice: the fraction of each value when the volume holds at
 * most {@value #MAX_PHASES} distinct values (a segmentation), else the mean grey value. One pass over the voxels.
 */
final class SliceProfiles {

    static final int MAX_PHASES = 16;

    private SliceProfiles() {
    }

    /** The profile figure; {@code phaseName} names a value of a segmented volume. */
    static FigureSpec figure(String name, Volume volume, DoubleFunction<String> phaseName, Monitor monitor) {
        Profile profile = profile(volume.image(), volume.pressureAxis().index(), monitor);
        double step = volume.voxelSizeUm()[volume.pressureAxis().index()];
        double[] position = new double[profile.means().length];
        Arrays.setAll(position, s -> s * step);
        String axis = volume.pressureAxis() + " / µm";
        if (profile.values() == null) {
            return new FigureSpec(name, name + ": mean grey value per slice", FigureSpec.Type.LINE, axis,
                    "mean grey value", List.of(new FigureSpec.Series("mean", position, profile.means())));
        }
        List<FigureSpec.Series> series = new ArrayList<>();
        for (int v = 0; v < profile.values().length; v++) {
            String phase = phaseName.apply(profile.values()[v]);
            series.add(new FigureSpec.Series(phase, position, profile.fractions()[v]));
        }
        return new FigureSpec(name, name + ": volume fraction per slice", FigureSpec.Type.LINE, axis,
                "volume fraction", series);
    }

    /**
     * Per-slice means (of the finite values) and, for a volume of few distinct values, those values in ascending
     * order with their per-slice fractions ({@code values} is null otherwise).
     */
    record Profile(double[] means, double[] values, double[][] fractions) {
    }

    static <T extends RealType<?>> Profile profile(RandomAccessibleInterval<T> image, int axis, Monitor monitor) {
        int slices = Math.toIntExact(image.dimension(axis));
        monitor.begin("Profile along axis " + axis, slices);
        double[] means = new double[slices];
        long[] voxels = new long[slices];
        double[] values = new double[MAX_PHASES];
        long[][] counts = new long[MAX_PHASES][slices];
        int distinct = 0;
        boolean fewValues = true;
        for (int s = 0; s < slices; s++) {
            monitor.checkCanceled();
            Cursor<T> cursor = Views.hyperSlice(image, axis, image.min(axis) + s).cursor();
            double sum = 0;
            long finite = 0;
            while (cursor.hasNext()) {
                double v = cursor.next().getRealDouble();
                voxels[s]++;
                if (Double.isFinite(v)) {
                    sum += v;
                    finite++;
                }
                if (fewValues) {
                    int index = indexOf(values, distinct, v);
                    if (index < 0 && distinct < MAX_PHASES) {
                        index = distinct;
                        values[distinct++] = v;
                    }
                    if (index < 0) {
                        fewValues = false;
                    } else {
                        counts[index][s]++;
                    }
                }
            }
            means[s] = finite == 0 ? Double.NaN : sum / finite;
            monitor.worked(1);
        }
        monitor.done();
        if (!fewValues) {
            return new Profile(means, null, null);
        }
        double[] sorted = Arrays.copyOf(values, distinct);
        Arrays.sort(sorted);
        double[][] fractions = new double[distinct][slices];
        for (int i = 0; i < distinct; i++) {
            long[] count = counts[indexOf(values, distinct, sorted[i])];
            for (int s = 0; s < slices; s++) {
                fractions[i][s] = voxels[s] == 0 ? Double.NaN : (double) count[s] / voxels[s];
            }
        }
        return new Profile(means, sorted, fractions);
    }

    private static int indexOf(double[] values, int count, double v) {
        for (int i = 0; i < count; i++) {
            if (Double.compare(values[i], v) == 0) {
                return i;
            }
        }
        return -1;
    }
}
