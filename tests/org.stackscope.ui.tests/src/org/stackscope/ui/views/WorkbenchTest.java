package org.stackscope.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TreeItem;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.charts.Charts;
import org.stackscope.study.Cell;
import org.stackscope.study.Dataset;
import org.stackscope.study.Study;
import org.stackscope.ui.preview.PreviewJob;

/** The Study Explorer and the Chart view in the running Stackscope workbench. */
class WorkbenchTest {

    @TempDir
    Path dir;

    private StudyExplorerView explorer;
    private ChartView chartView;

    @BeforeEach
    void showBothViews() throws Exception {
        explorer = Workbench.showView(StudyExplorerView.ID, StudyExplorerView.class);
        chartView = Workbench.showView(ChartView.ID, ChartView.class);
        Workbench.window().getShell().setSize(1200, 800);
    }

    @Test
    void windowIsTitledStackscope() {
        assertEquals("Stackscope", Workbench.window().getShell().getText());
    }

    @Test
    void opensTheStudyNamedOnTheCommandLine() {
        assumeTrue(Files.isDirectory(TestStudies.example()), "this build has no examples/study");

        assertEquals(TestStudies.example(), explorer.study().orElseThrow().folder());
    }

    @Test
    void explorerShowsCellsWithTheirDatasets() throws Exception {
        Study study = Study.load(TestStudies.exampleOrTiny(dir));

        explorer.setStudy(study);

        TreeItem[] roots = explorer.viewer().getTree().getItems();
        assertEquals(study.cells().stream().map(Cell::id).toList(),
                Arrays.stream(roots).limit(study.cells().size()).map(TreeItem::getText).toList());
        for (int c = 0; c < study.cells().size(); c++) {
            List<String> expected = study.datasetsOf(study.cells().get(c).id()).stream()
                    .map(StudyLabelProvider::text).toList();
            assertEquals(expected, Arrays.stream(roots[c].getItems()).map(TreeItem::getText).toList());
        }
    }

    @Test
    void datasetsOfNoListedCellAreUnderUnassigned() throws Exception {
        explorer.setStudy(Study.load(TestStudies.tiny(dir)));

        TreeItem[] roots = explorer.viewer().getTree().getItems();
        assertEquals(List.of("cell-T", StudyLabelProvider.UNASSIGNED), Arrays.stream(roots).map(TreeItem::getText)
                .toList());
        assertEquals("pressure-log (12.5 MPa)", roots[0].getItems()[0].getText());
        assertEquals("stray (cycle 3)", roots[1].getItems()[0].getText());
    }

    @Test
    void selectedTableIsChartedAndTheWorkbenchScreenshotShowsIt() throws Exception {
        Study study = Study.load(TestStudies.exampleOrTiny(dir));
        explorer.setStudy(study);
        Dataset table = study.datasets().stream().filter(d -> d.path().toString().endsWith(".csv")).findFirst()
                .orElseThrow();
        List<String> csv = Files.readAllLines(table.path(), StandardCharsets.UTF_8);

        Workbench.page().activate(explorer); // the window's selection is that of its active part
        explorer.viewer().setSelection(new StructuredSelection(table), true);
        Workbench.waitUntil("the chart of " + table.id(), () -> chartView.heading().startsWith(table.id() + " — "));

        JFreeChart chart = chartView.chart().orElseThrow();
        XYDataset data = chart.getXYPlot().getDataset();
        assertEquals(csv.get(0).split(",")[1], data.getSeriesKey(0));
        assertEquals(csv.stream().skip(1).filter(l -> !l.isBlank()).count(), data.getItemCount(0));

        Shell shell = Workbench.window().getShell();
        Path screenshot = Workbench.screenshot(shell, "workbench-" + table.id());
        ImageData image = new ImageLoader().load(screenshot.toString())[0];
        assertEquals(shell.getClientArea().width, image.width);
        int colours = Workbench.distinctColours(image);
        assertTrue(colours > 100, "the screenshot " + screenshot + " has only " + colours + " colours");
    }

    @Test
    void segmentedVolumeIsChartedAsAFractionPerPhaseAlongThePressureAxis() throws Exception {
        // a one-series chart first: the screenshot must show the new chart, not a stale image of this one
        chartView.show(TestStudies.dataset("log", TestStudies.tiny(dir).resolve("pressure.csv")));
        Workbench.waitUntil("the chart of log", () -> chartView.heading().startsWith("log — "));
        Path labels = Files.writeString(dir.resolve("cathode.labels"), "");

        chartView.show(TestStudies.dataset("cathode-ct", labels));
        Workbench.waitUntil("the chart of cathode-ct", () -> chartView.heading().startsWith("cathode-ct — "));

        XYDataset data = chartView.chart().orElseThrow().getXYPlot().getDataset();
        assertEquals(List.of("VOID", "SE", "AM"), List.of(data.getSeriesKey(0), data.getSeriesKey(1),
                data.getSeriesKey(2)));
        assertEquals(30, data.getItemCount(0));
        assertTrue(data.getYValue(2, 29) > data.getYValue(2, 0), "AM fraction should grow along Z");
        Path screenshot = Workbench.screenshot(Workbench.window().getShell(), "workbench-cathode-ct");
        ImageData image = new ImageLoader().load(screenshot.toString())[0];
        assertTrue(Workbench.showsColour(image, Charts.seriesColor(2)), "no AM curve in " + screenshot);
    }

    @Test
    void newSelectionCancelsTheImportStillRunning() throws Exception {
        Path csv = TestStudies.tiny(dir).resolve("pressure.csv");
        Dataset slow = TestStudies.dataset("big", Files.writeString(dir.resolve("big.slow"), ""));
        Dataset log = TestStudies.dataset("log", csv);

        chartView.show(slow);
        PreviewJob first = chartView.job().orElseThrow();
        chartView.show(log);
        Workbench.waitUntil("the chart of log", () -> chartView.heading().startsWith("log — "));

        assertTrue(first.join(10_000, null), "the first import still runs");
        // canceled while running it ends CANCEL; canceled before a busy machine started it, it never ran (null)
        assertTrue(first.getResult() == null || first.getResult().getSeverity() == IStatus.CANCEL,
                "the first import was canceled: " + first.getResult());
        assertTrue(chartView.chart().isPresent());
    }

    @Test
    void failedImportIsExplainedInTheView() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.xyz"), "hello");

        chartView.show(TestStudies.dataset("notes", notes));
        Workbench.waitUntil("the import to fail", () -> chartView.heading().startsWith("Cannot import notes: "));

        assertTrue(chartView.heading().contains("notes.xyz"), chartView.heading());
        assertTrue(chartView.chart().isEmpty());
    }

    @Test
    void exportWritesTheChartAsPngAndSvg() throws Exception {
        Path csv = TestStudies.tiny(dir).resolve("pressure.csv");
        chartView.show(TestStudies.dataset("pressure log", csv));
        Workbench.waitUntil("the chart", () -> chartView.heading().startsWith("pressure log — "));

        List<String> files = chartView.exportTo(dir);

        assertEquals(List.of("pressure_log.png", "pressure_log.svg", "pressure_log.csv"), files);
        List<String> data = Files.readAllLines(dir.resolve("pressure_log.csv"));
        assertEquals(51, data.size(), "a header and the 50 points of the log");
        assertTrue(data.get(1).startsWith("force_N,0.0,"), data.get(1));
        assertTrue(Files.size(dir.resolve("pressure_log.png")) > 0);
        assertTrue(Files.readString(dir.resolve("pressure_log.svg")).contains("force_N"));
    }
}
