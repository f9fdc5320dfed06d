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
 * Voxel counts of every integer label, per slice along one axis and per cell of an 8 x 8 grid over each slice (from
 * which counts per block of the volume at 1/2, 1/4 and 1/8 of its edge follow). Slices are counted in parallel;
 * counts are integers, so the result is the same for any number of threads.
 */
final class LabelCounts {

    /** Distinct label values in ascending order. */
    final int[] labels;
    /** {@code perSlice[slice][labelIndex]}. */
    final long[][] perSlice;
    /** Counts per in-plane cell {@code perCell[slice][cell * n + labelIndex]}, cells of an 8 x 8 grid. */
    final long[][] perCell;
    /** Counts per octant (2×2×2 blocks of the volume) {@code [octant][labelIndex]}, for the uncertainty estimate. */
    final long[][] perOctant;

    static final int GRID = 8;

    private LabelCounts(int[] labels, long[][] perSlice, long[][] perCell) {
        this.labels = labels;
        this.perSlice = perSlice;
        this.perCell = perCell;
        this.perOctant = blocks(2, 0, perSlice.length);
    }

    /**
     * Counts per block {@code [block][labelIndex]} of a {@code g x g x g} grid (g = 1, 2, 4 or 8) over the slices
     * [from, to): the slices are split into g runs, each slice into g x g cells.
     */
    long[][] blocks(int g, int from, int to) {
        int n = labels.length;
        int slices = to - from;
        long[][] out = new long[g * g * g][n];
        for (int z = from; z < to; z++) {
            int bz = (int) ((long) (z - from) * g / slices);
            long[] cells = perCell[z];
            for (int cv = 0; cv < GRID; cv++) {
                for (int cu = 0; cu < GRID; cu++) {
                    int block = (bz * g + cv * g / GRID) * g + cu * g / GRID;
                    int base = (cv * GRID + cu) * n;
                    for (int l = 0; l < n; l++) {
                        out[block][l] += cells[base + l];
                    }
                }
            }
        }
        return out;
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
            List<long[]> sliceCells = runPerSlice(pool, slices, monitor,
                    z -> countSlice(Views.hyperSlice(image, axis, image.min(axis) + z), lut, n, otherSizes));
            long[][] perSlice = new long[slices][n];
            long[][] perCell = new long[slices][];
            for (int z = 0; z < slices; z++) {
                long[] q = sliceCells.get(z);
                perCell[z] = q;
                for (int cell = 0; cell < GRID * GRID; cell++) {
                    for (int l = 0; l < n; l++) {
                        perSlice[z][l] += q[cell * n + l];
                    }
                }
            }
            return new LabelCounts(present.stream().mapToInt(Integer::intValue).toArray(), perSlice, perCell);
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

    /** Counts per cell of the 8 x 8 grid ({@code [cell * n + label]}), walking the slice in flat order. */
    private static long[] countSlice(RandomAccessibleInterval<? extends RealType<?>> slice, int[] lut, int n,
            long[] sizes) {
        long[] counts = new long[GRID * GRID * n];
        int[] cellU = new int[(int) sizes[0]];
        for (int u = 0; u < cellU.length; u++) {
            cellU[u] = (int) ((long) u * GRID / sizes[0]);
        }
        Cursor<? extends RealType<?>> c = Views.flatIterable(slice).cursor();
        boolean integerType = slice.getType() instanceof IntegerType;
        int u = 0;
        long v = 0;
        int rowBase = 0;
        while (c.hasNext()) {
            RealType<?> t = c.next();
            int value = integerType ? ((IntegerType<?>) t).getInteger() : toLabel(t.getRealDouble());
            counts[(rowBase + cellU[u]) * n + lut[value]]++;
            if (++u == sizes[0]) {
                u = 0;
                v++;
                rowBase = (int) (v * GRID / sizes[1]) * GRID;
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
