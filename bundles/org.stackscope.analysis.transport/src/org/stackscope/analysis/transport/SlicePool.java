package org.stackscope.analysis.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.stackscope.core.concurrent.Futures;

/**
 * Runs work over the slices (planes perpendicular to the flow) of a grid on a fixed number of threads. Every slice is
 * processed by exactly one thread and sums are formed per slice and then added in slice order, so results are
 * bit-identical for any number of threads.
 */
final class SlicePool implements AutoCloseable {

    /** Work on the slices {@code from} (inclusive) to {@code to} (exclusive). */
    interface SliceRange {
        void run(int from, int to);
    }

    /** The partial sum of one slice. */
    interface SliceSum {
        double sum(int slice);
    }

    private final int threads;
    private final ExecutorService pool;

    SlicePool(int threads) {
        this.threads = Math.max(1, threads);
        this.pool = this.threads > 1 ? Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "stackscope-transport");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** The thread count a {@code threads} setting means (0 = all processors). */
    static int resolveThreads(int setting) {
        return setting > 0 ? setting : Runtime.getRuntime().availableProcessors();
    }

    /** Splits {@code slices} into contiguous blocks, one per thread, and waits for all of them. */
    void forEach(int slices, SliceRange task) {
        int blocks = Math.min(threads, slices);
        if (blocks <= 1) {
            task.run(0, slices);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(blocks);
        for (int b = 0; b < blocks; b++) {
            int from = (int) ((long) slices * b / blocks);
            int to = (int) ((long) slices * (b + 1) / blocks);
            futures.add(pool.submit(() -> task.run(from, to)));
        }
        Futures.awaitAll(futures, () -> { });
    }

    /** The sum over all slices, each slice summed on its own and the partial sums added in slice order. */
    double sum(int slices, SliceSum perSlice) {
        double[] partial = new double[slices];
        forEach(slices, (from, to) -> {
            for (int s = from; s < to; s++) {
                partial[s] = perSlice.sum(s);
            }
        });
        double total = 0;
        for (double p : partial) {
            total += p;
        }
        return total;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
