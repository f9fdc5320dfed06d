package org.stackscope.analysis.microstructure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.stackscope.core.api.CanceledException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.concurrent.Futures;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Voxel counts of every integer label, per slice along one axis and per octant of each slice. Slices are counted
 * in parallel; counts are integers, so the result is the same for any number of threads.
 */
final class LabelCounts {

    /** Distinct label values in ascending order. */
    final int[] labels;
    /** {@code perSlice[slice][labelIndex]}. */
    final long[][] perSlice;
    /** Counts per octant (2×2×2 blocks of the volume) {@code [octant][labelIndex]}, for the uncertainty estimate. */
    final long[][] perOctant;

    private LabelCounts(int[] labels, long[][] perSlice, long[][] perOctant) {
        this.labels = labels;
        this.perSlice = perSlice;
        this.perOctant = perOctant;
    }

    long total(int labelIndex) {
        long sum = 0;
        for (long[] slice : perSlice) {
            sum += slice[labelIndex];
        }
        return sum;
    }

    long voxels() {
        long sum = 0;
        for (long[] slice : perSlice) {
            for (long c : slice) {
                sum += c;
            }
        }
        return sum;
    }

    /**
     * Counts labels of an integer-valued image.
     *
     * @throws IllegalArgumentException for non-integer values, negative values or more than {@code maxLabels} labels
     */
    static LabelCounts count(RandomAccessibleInterval<? extends RealType<?>> image, int axis, int maxLabels,
            int threads, Monitor monitor) {
        int slices = Math.toIntExact(image.dimension(axis));
        int[] otherAxes = otherAxes(axis);
        long[] otherSizes = { image.dimension(otherAxes[0]), image.dimension(otherAxes[1]) };
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            monitor.begin("Counting labels", 2L * slices);
            // Pass 1: which values occur (histogram per slice, merged); pass 2: per slice and octant.
            List<int[]> histograms = runPerSlice(pool, slices, monitor,
                    z -> histogram(Views.hyperSlice(image, axis, image.min(axis) + z)));
            int[] lut = new int[Math.max(1, histograms.stream().mapToInt(h -> h.length).max().orElse(1))];
            List<Integer> present = new ArrayList<>();
            for (int v = 0; v < lut.length; v++) {
                int value = v;
                lut[v] = -1;
                if (histograms.stream().anyMatch(h -> value < h.length && h[value] > 0)) {
                    lut[v] = present.size();
                    present.add(v);
                }
            }
            if (present.size() > maxLabels) {
                throw new IllegalArgumentException("the volume holds " + present.size()
                        + " distinct values, more than maxLabels=" + maxLabels
                        + ": it looks like a grey-value image; segment it first");
            }
            int n = present.size();
            long half = (slices + 1) / 2;
            List<long[]> sliceOctants = runPerSlice(pool, slices, monitor,
                    z -> countSlice(Views.hyperSlice(image, axis, image.min(axis) + z), lut, n, otherSizes));
            long[][] perSlice = new long[slices][n];
            long[][] perOctant = new long[8][n];
            for (int z = 0; z < slices; z++) {
                long[] q = sliceOctants.get(z);
                int zHalf = z < half ? 0 : 4;
                for (int quadrant = 0; quadrant < 4; quadrant++) {
                    for (int l = 0; l < n; l++) {
                        long c = q[quadrant * n + l];
                        perSlice[z][l] += c;
                        perOctant[zHalf + quadrant][l] += c;
                    }
                }
            }
            return new LabelCounts(present.stream().mapToInt(Integer::intValue).toArray(), perSlice, perOctant);
        } finally {
            pool.shutdownNow();
        }
    }

    private interface SliceTask<T> {
        T apply(int slice);
    }

    private static <T> List<T> runPerSlice(ExecutorService pool, int slices, Monitor monitor, SliceTask<T> task) {
        List<Future<T>> futures = new ArrayList<>(slices);
        for (int z = 0; z < slices; z++) {
            int slice = z;
            futures.add(pool.submit(() -> {
                if (monitor.isCanceled()) {
                    throw new CanceledException();
                }
                return task.apply(slice);
            }));
        }
        return Futures.awaitAll(futures, () -> monitor.worked(1));
    }

    /** Histogram of the integer values of one slice (array grows to the largest value seen). */
    private static int[] histogram(RandomAccessibleInterval<? extends RealType<?>> slice) {
        int[] h = new int[256];
        Cursor<? extends RealType<?>> c = Views.flatIterable(slice).cursor();
        boolean integerType = slice.getType() instanceof IntegerType;
        while (c.hasNext()) {
            RealType<?> t = c.next();
            int v = integerType ? ((IntegerType<?>) t).getInteger() : toLabel(t.getRealDouble());
            if (v < 0) {
                throw new IllegalArgumentException("negative value " + v + " cannot be a label");
            }
            if (v >= h.length) {
                h = java.util.Arrays.copyOf(h, Math.max(v + 1, h.length * 2));
            }
            h[v]++;
        }
        return h;
    }

    private static int toLabel(double v) {
        if (v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("value " + v + " is not an integer label; segment the volume first");
        }
        return (int) v;
    }

    /** Counts per quadrant of the slice ({@code [quadrant * n + label]}), walking the slice in flat order. */
    private static long[] countSlice(RandomAccessibleInterval<? extends RealType<?>> slice, int[] lut, int n,
            long[] sizes) {
        long[] counts = new long[4 * n];
        long halfU = (sizes[0] + 1) / 2;
        long halfV = (sizes[1] + 1) / 2;
        Cursor<? extends RealType<?>> c = Views.flatIterable(slice).cursor();
        boolean integerType = slice.getType() instanceof IntegerType;
        long u = 0;
        long v = 0;
        while (c.hasNext()) {
            RealType<?> t = c.next();
            int value = integerType ? ((IntegerType<?>) t).getInteger() : toLabel(t.getRealDouble());
            int quadrant = (u < halfU ? 0 : 1) + (v < halfV ? 0 : 2);
            counts[quadrant * n + lut[value]]++;
            if (++u == sizes[0]) {
                u = 0;
                v++;
            }
        }
        return counts;
    }

    private static int[] otherAxes(int axis) {
        return switch (axis) {
            case 0 -> new int[] { 1, 2 };
            case 1 -> new int[] { 0, 2 };
            default -> new int[] { 0, 1 };
        };
    }
}
