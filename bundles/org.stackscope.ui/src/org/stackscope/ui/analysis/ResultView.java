package org.stackscope.ui.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.jfree.chart.swt.ChartComposite;
import org.stackscope.charts.Charts;
import org.stackscope.charts.FigureData;
import org.stackscope.charts.FigureFiles;
import org.stackscope.core.api.DataObject;
import org.stackscope.core.api.FigureSpec;
import org.stackscope.core.api.Metric;
import org.stackscope.core.results.ResultsWriter;
import org.stackscope.core.model.LabelVolume;
import org.stackscope.core.model.Volume;
import org.stackscope.core.results.StepResult;
import org.stackscope.ui.Numbers;
import org.stackscope.ui.volume.VolumeView;

/**
 * The latest analysis result: its metrics with units and uncertainties, its notes, and each of its figures drawn by
 * the same chart factory as batch runs (so a figure here equals the PNG/SVG in the results folder).
 */
public final class ResultView extends ViewPart {

    public static final String ID = "org.stackscope.ui.views.result";

    private Label heading;
    private Table metrics;
    private Combo figures;
    private Button export;
    private Button openVolumes;
    private ChartComposite chart;
    private StepResult shown;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        heading = new Label(parent, SWT.WRAP);
        heading.setText("Run an analysis from a dataset's context menu in the Study Explorer.");
        heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        openVolumes = new Button(parent, SWT.PUSH);
        openVolumes.setText("Open in Volume View");
        openVolumes.setToolTipText("Show the volume this step produced; labels are laid over the grey volume they "
                + "were segmented from");
        openVolumes.addListener(SWT.Selection, e -> openVolumes());
        openVolumes.setEnabled(false);
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        metrics = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        metrics.setHeaderVisible(true);
        for (String title : new String[] { "Metric", "Value", "±", "Unit" }) {
            TableColumn c = new TableColumn(metrics, SWT.LEFT);
            c.setText(title);
            c.setWidth(title.equals("Metric") ? 150 : 80);
        }
        Composite right = new Composite(sash, SWT.NONE);
        right.setLayout(new GridLayout(2, false));
        figures = new Combo(right, SWT.READ_ONLY);
        figures.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        figures.addListener(SWT.Selection, e -> showFigure(figures.getSelectionIndex()));
        export = new Button(right, SWT.PUSH);
        export.setText("Export…");
        export.setToolTipText("Write the figure as PNG and SVG and its data as CSV into a folder");
        export.addListener(SWT.Selection, e -> exportFigure());
        export.setEnabled(false);
        chart = new ChartComposite(right, SWT.NONE, null, true, false, false, true, true);
        chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        sash.setWeights(35, 65);
    }

    /** Shows a finished step and where its files are. */
    public void show(StepResult result, Path outDir) {
        shown = result;
        StringBuilder text = new StringBuilder(result.analysisId() + " — " + Numbers.plain(
                Math.round(result.seconds() * 100) / 100.0) + " s — results in " + outDir);
        result.result().notes().forEach(n -> text.append("\n").append(n));
        if (!result.result().volumes().isEmpty()) {
            text.append("\nVolumes written as TIFF with the results: ")
                    .append(String.join(", ", result.result().volumes().keySet()));
        }
        heading.setText(text.toString());
        metrics.removeAll();
        for (Map.Entry<String, Metric> m : result.result().metrics().entrySet()) {
            TableItem item = new TableItem(metrics, SWT.NONE);
            Metric v = m.getValue();
            item.setText(new String[] { m.getKey(), format(v.value()), v.hasUncertainty() ? format(v.uncertainty())
                    : "", v.unit() });
        }
        List<FigureSpec> specs = result.result().figures();
        figures.setItems(specs.stream().map(FigureSpec::title).toArray(String[]::new));
        if (!specs.isEmpty()) {
            figures.select(0);
        }
        showFigure(specs.isEmpty() ? -1 : 0);
        openVolumes.setEnabled(!result.result().volumes().isEmpty());
        heading.getParent().layout(true, true);
    }

    /**
     * Shows the step's volumes in the Volume view, straight from memory. A label volume goes over the step's grey
     * input of the same size (the view overlays labels on the grey volume it shows).
     */
    public void openVolumes() {
        if (shown == null || shown.result().volumes().isEmpty()) {
            return;
        }
        VolumeView view;
        try {
            view = (VolumeView) getSite().getPage().showView(VolumeView.ID);
        } catch (PartInitException e) {
            MessageDialog.openError(getSite().getShell(), "Open in Volume View", e.getMessage());
            return;
        }
        for (Map.Entry<String, DataObject> v : shown.result().volumes().entrySet()) {
            if (v.getValue() instanceof LabelVolume labels) {
                shown.inputs().all().stream()
                        .filter(in -> in.data() instanceof Volume grey
                                && Arrays.equals(grey.dimensions(), labels.volume().dimensions()))
                        .findFirst()
                        .ifPresent(in -> view.display(in.path().getFileName().toString(), in.data()));
            }
            view.display(v.getKey(), v.getValue());
        }
    }

    private void showFigure(int index) {
        List<FigureSpec> specs = shown == null ? List.of() : shown.result().figures();
        chart.setChart(index >= 0 && index < specs.size() ? Charts.create(specs.get(index)) : null);
        Rectangle area = chart.getClientArea();
        chart.redraw(area.x, area.y, area.width, area.height, true);
        export.setEnabled(index >= 0);
    }

    public List<String> metricNames() {
        return java.util.Arrays.stream(metrics.getItems()).map(i -> i.getText(0)).toList();
    }

    public String heading() {
        return heading.getText();
    }

    public boolean showsChart() {
        return chart.getChart() != null;
    }

    private void exportFigure() {
        DirectoryDialog dialog = new DirectoryDialog(getSite().getShell());
        dialog.setText("Export Figure");
        String folder = dialog.open();
        if (folder == null) {
            return;
        }
        FigureSpec spec = shown.result().figures().get(figures.getSelectionIndex());
        try {
            String base = ResultsWriter.safeFileName(spec.name());
            new FigureFiles().write(chart.getChart(), Path.of(folder), base);
            FigureData.writeCsv(spec, Path.of(folder).resolve(base + ".csv"));
        } catch (IOException e) {
            MessageDialog.openError(getSite().getShell(), "Export Figure", "Cannot write the figure: " + e.getMessage());
        }
    }

    @Override
    public void setFocus() {
        metrics.setFocus();
    }

    private static String format(double value) {
        return Double.isFinite(value) ? String.format(java.util.Locale.ROOT, "%.6g", value) : Double.toString(value);
    }
}
