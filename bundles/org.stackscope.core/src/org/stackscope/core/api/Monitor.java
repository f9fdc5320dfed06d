package org.stackscope.core.api;

/**
 * Progress and cancellation for long work. Implementations adapt to an Eclipse Job's IProgressMonitor or print to a
 * console; loops over slices, rows or iterations call {@link #isCanceled()} and stop with {@link CanceledException}.
 */
public interface Monitor {

    /** Starts a task of {@code totalWork} units (-1 if unknown). */
    void begin(String taskName, long totalWork);

    void worked(long units);

    boolean isCanceled();

    default void done() {
    }

    /** Throws {@link CanceledException} when the user asked to cancel. */
    default void checkCanceled() {
        if (isCanceled()) {
            throw new CanceledException();
        }
    }

    /** A monitor that reports no progress and is canceled when {@code canceled} says so. */
    static Monitor cancelable(java.util.function.BooleanSupplier canceled) {
        return new Monitor() {
            @Override
            public void begin(String taskName, long totalWork) {
            }

            @Override
            public void worked(long units) {
            }

            @Override
            public boolean isCanceled() {
                return canceled.getAsBoolean();
            }
        };
    }

    /** A monitor that reports nothing and is never canceled. */
    Monitor NONE = cancelable(() -> false);
}
