package org.stackscope.batch;

import org.stackscope.core.api.Monitor;

/** A monitor for the console: never canceled (Ctrl-C ends the JVM); progress is not printed to keep stdout JSON. */
final class ConsoleMonitor implements Monitor {

    @Override
    public void begin(String taskName, long totalWork) {
    }

    @Override
    public void worked(long units) {
    }

    @Override
    public boolean isCanceled() {
        return Thread.currentThread().isInterrupted();
    }
}
