package org.stackscope.ui.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;

class JobMonitorTest {

    /** Records what reaches the Eclipse side. */
    private static final class RecordingProgress extends NullProgressMonitor {
        String task;
        int totalTicks;
        int ticks;

        @Override
        public void beginTask(String name, int totalWork) {
            task = name;
            totalTicks = totalWork;
        }

        @Override
        public void worked(int work) {
            ticks += work;
        }
    }

    @Test
    void scalesWorkBeyondTheIntRangeToTicks() {
        RecordingProgress progress = new RecordingProgress();
        JobMonitor monitor = new JobMonitor(progress);

        monitor.begin("Reading voxels", 10_000_000_000L);
        monitor.worked(2_500_000_000L);
        assertEquals(progress.totalTicks / 4, progress.ticks);
        monitor.worked(7_500_000_000L);

        assertEquals("Reading voxels", progress.task);
        assertEquals(progress.totalTicks, progress.ticks);
    }

    @Test
    void reportsTheCancelOfTheJob() {
        NullProgressMonitor progress = new NullProgressMonitor();
        JobMonitor monitor = new JobMonitor(progress);
        assertFalse(monitor.isCanceled());

        progress.setCanceled(true);

        assertTrue(monitor.isCanceled());
    }
}
