package org.stackscope.ui.preview;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.stackscope.core.api.Monitor;

/**
 * Lets importers and analyses, which know only {@link Monitor}, report to an Eclipse Job's progress monitor: the
 * progress area shows their task and the user's cancel reaches their {@link Monitor#isCanceled()} checks.
 */
public final class JobMonitor implements Monitor {

    /** Work units of any size (voxels, rows) are scaled to this many ticks. */
    private static final int TICKS = 1000;

    private final IProgressMonitor progress;
    private SubMonitor task;
    private long totalWork;
    private long workDone;
    private int ticksReported;

    public JobMonitor(IProgressMonitor progress) {
        this.progress = progress;
    }

    @Override
    public void begin(String taskName, long totalWork) {
        this.totalWork = totalWork;
        workDone = 0;
        ticksReported = 0;
        task = SubMonitor.convert(progress, taskName, totalWork > 0 ? TICKS : IProgressMonitor.UNKNOWN);
        JobProgress.report(taskName, totalWork > 0 ? 0 : Double.NaN);
    }

    @Override
    public void worked(long units) {
        if (task == null || totalWork <= 0) {
            return;
        }
        workDone += units;
        int ticks = (int) Math.min(TICKS, workDone * TICKS / totalWork);
        if (ticks != ticksReported) {
            JobProgress.report(null, ticks / (double) TICKS);
        }
        task.worked(ticks - ticksReported);
        ticksReported = ticks;
    }

    @Override
    public boolean isCanceled() {
        return progress.isCanceled();
    }

    @Override
    public void done() {
        progress.done();
    }
}
