package org.stackscope.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.Volume;
import org.stackscope.core.registry.AnalysisDescriptor;
import org.stackscope.core.registry.Registry;
import org.stackscope.io.volume.tiff.TiffWriter;
import org.stackscope.study.Dataset;
import org.stackscope.study.Study;
import org.stackscope.ui.analysis.AnalysisJob;
import org.stackscope.ui.analysis.AnalyzeDialog;
import org.stackscope.ui.analysis.ResultView;
import org.stackscope.ui.analysis.RunAnalysisAction;
import org.stackscope.ui.volume.VolumeView;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.integer.UnsignedShortType;

import com.google.gson.JsonParser;

/** Running an analysis from the workbench: the generated settings form, the Job, its results and cancel. */
class AnalysisFromWorkbenchTest {

    @TempDir
    Path dir;

    private static Dataset composite() throws Exception {
        Path example = TestStudies.example();
        assumeTrue(Files.isDirectory(example), "this build has no examples/study");
        return Study.load(example).datasets().stream().filter(d -> d.path().toString().endsWith(".tif"))
                .findFirst().orElseThrow();
    }

    @Test
    void volumeDatasetsAreOfferedVolumeAnalysesOnly() throws Exception {
        List<String> ids = RunAnalysisAction.analysesFor(Registry.platform(), composite()).stream()
                .map(AnalysisDescriptor::id).toList();
        assertTrue(ids.contains("phase-fractions"), ids.toString());
        Path csv = TestStudies.tiny(dir).resolve("pressure.csv");
        List<String> forLog = RunAnalysisAction.analysesFor(Registry.platform(), TestStudies.dataset("log", csv))
                .stream().map(AnalysisDescriptor::id).toList();
        assertFalse(forLog.contains("phase-fractions"), forLog.toString());
    }

    @Test
    void theSettingsFormIsGeneratedAndRejectsBadValuesWithTheCliMessage() throws Exception {
        List<AnalysisDescriptor> analyses = RunAnalysisAction.analysesFor(Registry.platform(), composite());
        Shell shell = Workbench.window().getShell();
        AnalyzeDialog dialog = new AnalyzeDialog(shell, "ct-50MPa", analyses);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            dialog.select(analyses.stream().map(AnalysisDescriptor::id).toList().indexOf("phase-fractions"));
            assertTrue(dialog.form().values().containsKey("axis"), dialog.form().values().toString());
            assertNull(dialog.form().problem());
            Workbench.screenshot(dialog.getShell(), "run-analysis-dialog");
            dialog.form().set("axis", "Z");
            assertEquals(Map.of(), dialog.form().changedValues().entrySet().stream()
                    .filter(e -> !e.getKey().equals("axis")).collect(java.util.stream.Collectors.toMap(
                            Map.Entry::getKey, Map.Entry::getValue)));
        } finally {
            dialog.close();
        }
    }

    @Test
    void anAnalysisJobWritesResultsAndTheResultViewShowsThem() throws Exception {
        Dataset ct = composite();
        AnalysisDescriptor fractions = Registry.platform().analysis("phase-fractions").orElseThrow();
        Path out = dir.resolve("results");
        AnalysisJob job = new AnalysisJob(fractions, ct, Map.of("phases", "0=VOID,1=SE,2=AM,3=CARBON"), out);
        RunAnalysisAction.schedule(Workbench.page(), job);
        Workbench.waitUntil("the analysis", () -> job.getResult() != null);
        assertTrue(job.getResult().isOK(), job.getResult().toString());

        var doc = JsonParser.parseString(Files.readString(out.resolve("results.json"))).getAsJsonObject();
        var metrics = doc.getAsJsonArray("steps").get(0).getAsJsonObject().getAsJsonObject("metrics");
        var expected = JsonParser.parseString(Files.readString(TestStudies.example().resolve("expected.json")))
                .getAsJsonObject();
        assertNotNull(metrics.get("fraction.AM"), metrics.toString());
        assertEquals(expected.getAsJsonObject("fractions").get("AM").getAsDouble(),
                metrics.getAsJsonObject("fraction.AM").get("value").getAsDouble(), 1e-12, "the true AM fraction");
        Workbench.waitUntil("the result view", () -> Workbench.page().findView(ResultView.ID) != null
                && ((ResultView) Workbench.page().findView(ResultView.ID)).metricNames().contains("fraction.AM"));
        ResultView view = (ResultView) Workbench.page().findView(ResultView.ID);
        assertTrue(view.showsChart());
        assertTrue(view.heading().contains(out.toString()), view.heading());
        Workbench.screenshot(Workbench.window().getShell(), "result-view");
    }

    /** A 16-bit grey scan: one bright AM sphere (40000) in SE (22000) over a void slab (8000). */
    private Path greyScan() throws Exception {
        ArrayImg<UnsignedShortType, ShortArray> img = ArrayImgs.unsignedShorts(32, 32, 16);
        short[] data = img.update(null).getCurrentStorageArray();
        for (int z = 0; z < 16; z++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    int dx = x - 16, dy = y - 16, dz = z - 9;
                    int grey = z < 2 ? 8000 : dx * dx + dy * dy + dz * dz <= 36 ? 40000 : 22000;
                    data[x + 32 * (y + 32 * z)] = (short) (grey + ((x * 7 + y * 13 + z * 5) % 11 - 5) * 60);
                }
            }
        }
        Path file = dir.resolve("grey.tif");
        TiffWriter.write(new Volume(img, "uint16", new double[] { 1, 1, 1 }, Axis.Z, Map.of()), file);
        return file;
    }

    @Test
    void segmentWritesItsLabelsAndTheResultViewLaysThemOverTheGreyScan() throws Exception {
        Dataset grey = TestStudies.dataset("grey", greyScan());
        AnalysisDescriptor segment = Registry.platform().analysis("segment").orElseThrow();
        Path out = dir.resolve("segmented");
        AnalysisJob job = new AnalysisJob(segment, grey, Map.of("greyMeans", "8000,22000,40000", "psfSigma", "0.5"),
                out);
        RunAnalysisAction.schedule(Workbench.page(), job);
        Workbench.waitUntil("the segmentation", () -> job.getResult() != null);
        assertTrue(job.getResult().isOK(), job.getResult().toString());
        assertTrue(Files.size(out.resolve("labels.tif")) >= 32 * 32 * 16, "8-bit labels written with the results");
        Workbench.waitUntil("the result view", () -> Workbench.page().findView(ResultView.ID) != null
                && ((ResultView) Workbench.page().findView(ResultView.ID)).heading().startsWith("segment"));
        ResultView view = (ResultView) Workbench.page().findView(ResultView.ID);
        assertTrue(view.heading().contains("Volumes written as TIFF with the results: labels"), view.heading());
        view.openVolumes();
        VolumeView volumes = (VolumeView) Workbench.page().findView(VolumeView.ID);
        assertEquals("grey.tif + labels", volumes.shownName().orElse(""), volumes.heading());
    }

    @Test
    void aCanceledAnalysisWritesNothing() throws Exception {
        Dataset slow = TestStudies.dataset("big", Files.writeString(dir.resolve("big.slow"), ""));
        AnalysisDescriptor fractions = Registry.platform().analysis("phase-fractions").orElseThrow();
        Path out = dir.resolve("never");
        AnalysisJob job = new AnalysisJob(fractions, slow, Map.of(), out);
        job.schedule();
        Workbench.waitUntil("the job to start", () -> job.getState() == org.eclipse.core.runtime.jobs.Job.RUNNING);
        job.cancel();
        assertTrue(job.join(10_000, null));
        assertEquals(IStatus.CANCEL, job.getResult().getSeverity());
        assertFalse(Files.exists(out), "no results folder after cancel");
    }

    @Test
    void theReportOfAStudyWithAnAnalysedDatasetShowsItsMetrics() throws Exception {
        Path study = Files.createDirectories(dir.resolve("study"));
        Files.copy(composite().path(), study.resolve("ct.tif"));
        Files.writeString(study.resolve("study.json"), """
                { "name": "Report test", "datasets": [ { "id": "ct", "path": "ct.tif", "stackPressure_MPa": 50 } ] }
                """);
        Study loaded = Study.load(study);
        Dataset ct = loaded.datasets().get(0);
        AnalysisDescriptor fractions = Registry.platform().analysis("phase-fractions").orElseThrow();
        AnalysisJob analysis = new AnalysisJob(fractions, ct, Map.of(), AnalysisJob.defaultOutDir(study, ct,
                fractions));
        analysis.schedule();
        assertTrue(analysis.join(60_000, null) && analysis.getResult().isOK(), String.valueOf(analysis.getResult()));

        org.eclipse.core.runtime.jobs.Job report = org.stackscope.ui.WriteReportAction.job(loaded, false);
        report.schedule();
        assertTrue(report.join(60_000, null) && report.getResult().isOK(), String.valueOf(report.getResult()));
        String html = Files.readString(study.resolve("report/report.html"));
        assertTrue(html.contains("results/ct_phase-fractions") && html.contains("fraction.2"), html);
    }
}
