package org.stackscope.core.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.stackscope.core.api.CanceledException;

/** Waiting for parallel work the way analyses need it: in submission order, with the worker's own exception. */
public final class Futures {

    private Futures() {
    }

    /**
     * The results in submission order; {@code afterEach} runs after each one (e.g. progress). An interrupt becomes a
     * {@link CanceledException}; a task's runtime exception or error is rethrown as it was.
     */
    public static <T> List<T> awaitAll(List<? extends Future<? extends T>> futures, Runnable afterEach) {
        List<T> out = new ArrayList<>(futures.size());
        try {
            for (Future<? extends T> f : futures) {
                out.add(f.get());
                afterEach.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CanceledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
        return out;
    }
}
