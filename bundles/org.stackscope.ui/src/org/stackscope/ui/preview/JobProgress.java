package org.stackscope.ui.preview;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.jobs.Job;

/**
 * The task and fraction done of every running Job whose work reports through a {@link JobMonitor}, for the
 * Progress view. Keyed by the Job running on the reporting thread; entries of finished Jobs are dropped by
 * {@link #forgetAllBut}.
 */
public final class JobProgress {

    /** What a Job is doing: its current task and the fraction done (NaN when the amount of work is unknown). */
    public record State(String task, double fraction) {
    }

    private static final Map<Job, State> STATES = new ConcurrentHashMap<>();

    private JobProgress() {
    }

    /** Records progress of the Job running on this thread; a null task keeps the previous one. */
    static void report(String task, double fraction) {
        Job job = Job.getJobManager().currentJob();
        if (job != null) {
            STATES.compute(job, (j, old) -> new State(task != null ? task : old == null ? "" : old.task(), fraction));
        }
    }

    public static State of(Job job) {
        return STATES.get(job);
    }

    /** Drops the entries of Jobs not in {@code live}. */
    public static void forgetAllBut(java.util.Collection<Job> live) {
        STATES.keySet().retainAll(live);
    }
}
