package org.stackscope.ui.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.core.api.FigureSpec;
import org.stackscope.ui.views.TestStudies;

class PreviewJobTest {

    @TempDir
    Path dir;

    @Test
    void importsTheFileAndPreparesItsFigure() throws Exception {
        Path csv = Files.writeString(dir.resolve("log.csv"), "time_s,force_N\n0,10\n1,12\n2,15\n");
        PreviewJob job = new PreviewJob(TestStudies.dataset("log", csv));

        job.schedule();
        job.join();

        assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().toString());
        FigureSpec figure = job.preview().orElseThrow().figure().orElseThrow();
        assertEquals("force_N", figure.series().get(0).name());
        assertEquals(3, figure.series().get(0).x().length);
    }

    @Test
    void cancelStopsAnImportInProgress() throws Exception {
        PreviewJob job = new PreviewJob(TestStudies.dataset("big", Files.writeString(dir.resolve("big.slow"), "")));
        long start = System.nanoTime();
        job.schedule();
        while (job.getState() != Job.RUNNING) {
            assertNull(job.getResult(), () -> "the import ended before it was canceled: " + job.getResult());
            Thread.sleep(10);
        }
        Thread.sleep(300); // let the importer get going

        job.cancel();

        assertTrue(job.join(Duration.ofSeconds(10).toMillis(), null), "the job did not stop");
        assertEquals(IStatus.CANCEL, job.getResult().getSeverity());
        assertTrue(job.preview().isEmpty());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 20,
                "stopped only after the whole import");
    }

    @Test
    void fileNoImporterReadsEndsInAnErrorNamingIt() throws IOException, InterruptedException {
        Path unknown = Files.writeString(dir.resolve("notes.xyz"), "hello");
        PreviewJob job = new PreviewJob(TestStudies.dataset("notes", unknown));

        job.schedule();
        job.join();

        assertEquals(IStatus.ERROR, job.getResult().getSeverity());
        assertTrue(job.getResult().getMessage().contains("notes.xyz"), job.getResult().getMessage());
    }
}
