package org.stackscope.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.core.runtime.IStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.core.registry.Registry;
import org.stackscope.study.Dataset;
import org.stackscope.ui.analysis.AnalysisJob;

/** The Progress view lists a running analysis with its progress and cancels it. */
class ProgressViewTest {

    @TempDir
    Path dir;

    @Test
    void aRunningAnalysisShowsItsProgressAndIsCanceledFromTheView() throws Exception {
        ProgressView view = Workbench.showView(ProgressView.ID, ProgressView.class);
        Dataset slow = TestStudies.dataset("big", Files.writeString(dir.resolve("big.slow"), ""));
        AnalysisJob job = new AnalysisJob(Registry.platform().analysis("phase-fractions").orElseThrow(), slow,
                Map.of(), dir.resolve("never"));
        job.schedule();
        Workbench.waitUntil("the job with some progress in the view", () -> {
            String done = view.done(job);
            return done != null && done.endsWith(" %") && !done.equals("0 %");
        });
        Workbench.screenshot(Workbench.window().getShell(), "progress-view");

        view.cancel(job);
        assertTrue(job.join(10_000, null));
        assertEquals(IStatus.CANCEL, job.getResult().getSeverity());
        assertFalse(Files.exists(dir.resolve("never")), "a canceled analysis writes nothing");
        Workbench.waitUntil("the job to leave the view", () -> !view.jobs().contains(job));
    }
}
