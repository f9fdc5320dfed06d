package org.stackscope.analysis.microstructure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.stackscope.core.concurrent.Futures;

/**
 * Runs independent per-slice tasks on a fixed number of threads and returns their results in index order. Each task
 * writes only its own output, so results never depend on the number of threads.
 */
final class Parallel {

    private Parallel() {
    }

    static <T> List<T> map(int threads, int count, IntFunction<T> task) {
        if (threads <= 1 || count <= 1) {
            List<T> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                out.add(task.apply(i));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, count));
        try {
            List<Future<T>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.apply(index)));
            }
            return Futures.awaitAll(futures, () -> {
            });
        } finally {
            pool.shutdownNow();
        }
    }

    interface IntTask {
        void run(int index);
    }

    static void forEach(int threads, int count, IntTask task) {
        map(threads, count, i -> {
            task.run(i);
            return Boolean.TRUE;
        });
    }

    static int threads(int setting) {
        return setting > 0 ? setting : Runtime.getRuntime().availableProcessors();
    }
}
