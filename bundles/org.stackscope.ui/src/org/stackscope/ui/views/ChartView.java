package org.stackscope.ui.views;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.ISelectionService;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.progress.IWorkbenchSiteProgressService;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.swt.ChartComposite;
import org.stackscope.charts.Charts;
import org.stackscope.charts.FigureData;
import org.stackscope.charts.FigureFiles;
import org.stackscope.core.results.ResultsWriter;
import org.stackscope.core.api.FigureSpec;
import org.stackscope.study.Dataset;
import org.stackscope.ui.preview.Preview;
import org.stackscope.ui.preview.PreviewJob;

/**
 * The chart of the dataset selected in the workbench (usually in the Study Explorer). The file is imported by a
 * {@link PreviewJob}; a newer selection cancels an import still running. "Export…" writes the figure as PNG and SVG
 * and its data as CSV.
 */
public final class ChartView extends ViewPart {

    public static final String ID = "org.stackscope.ui.views.chart";

    private final ISelectionListener selectionListener = (part, selection) -> selectedDataset(selection)
            .ifPresent(this::show);

    private Label heading;
    private Button export;
    private ChartComposite chartComposite;
    private PreviewJob job;
    private Preview preview;

    @Override
    public void createPartControl(Composite parent) {
        GridLayoutFactory.fillDefaults().numColumns(2).margins(6, 6).applyTo(parent);
        heading = new Label(parent, SWT.NONE);
        heading.setText("Select a dataset in the Study Explorer.");
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(heading);
        export = new Button(parent, SWT.PUSH);
        export.setText("Export…");
        export.setToolTipText("Write the figure as PNG and SVG and its data as CSV into a folder");
        export.setEnabled(false);
        export.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> exportFigure()));
        // no "Save as" or print entries: jfreechart-swt 1.0 saves through a class JFreeChart 1.5 no longer has
        chartComposite = new ChartComposite(parent, SWT.NONE, null, true, false, false, true, true);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(chartComposite);

        ISelectionService selections = getSite().getWorkbenchWindow().getSelectionService();
        selections.addPostSelectionListener(selectionListener);
        selectedDataset(selections.getSelection()).ifPresent(this::show);
    }

    /** Imports the dataset in the background and shows its chart when done. */
    public void show(Dataset dataset) {
        if (job != null) {
            job.cancel();
        }
        PreviewJob started = new PreviewJob(dataset);
        job = started;
        heading.setText("Importing " + dataset.id() + "…");
        Display display = heading.getDisplay();
        started.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                if (!display.isDisposed()) {
                    display.asyncExec(() -> finished(started, event.getResult()));
                }
            }
        });
        getSite().getService(IWorkbenchSiteProgressService.class).schedule(started);
    }

    /** The chart on display, if any. */
    public Optional<JFreeChart> chart() {
        return Optional.ofNullable(chartComposite.getChart());
    }

    /** The import started by the latest selection, running or done. */
    public Optional<PreviewJob> job() {
        return Optional.ofNullable(job);
    }

    public String heading() {
        return heading.getText();
    }

    @Override
    public void setFocus() {
        chartComposite.setFocus();
    }

    @Override
    public void dispose() {
        getSite().getWorkbenchWindow().getSelectionService().removePostSelectionListener(selectionListener);
        if (job != null) {
            job.cancel();
        }
        super.dispose();
    }

    private void finished(PreviewJob finishedJob, IStatus status) {
        if (heading.isDisposed() || finishedJob != job) {
            return; // the view is closed, or a newer selection replaced this import
        }
        String name = finishedJob.dataset().id();
        preview = status.isOK() ? finishedJob.preview().orElseThrow() : null;
        if (preview != null) {
            heading.setText(preview.heading());
        } else if (status.getSeverity() == IStatus.CANCEL) {
            heading.setText("Import of " + name + " canceled.");
        } else {
            heading.setText("Cannot import " + name + ": " + status.getMessage());
        }
        Optional<FigureSpec> figure = Optional.ofNullable(preview).flatMap(Preview::figure);
        chartComposite.setChart(figure.map(Charts::create).orElse(null));
        // ChartComposite marks its image buffer stale on a new chart but does not repaint its canvas by itself
        Rectangle area = chartComposite.getClientArea();
        chartComposite.redraw(area.x, area.y, area.width, area.height, true);
        export.setEnabled(figure.isPresent());
        heading.getParent().layout();
    }

    private void exportFigure() {
        DirectoryDialog dialog = new DirectoryDialog(getSite().getShell());
        dialog.setText("Export Figure");
        dialog.setMessage("Folder for " + preview.name() + ".png, .svg and .csv");
        String folder = dialog.open();
        if (folder == null) {
            return;
        }
        try {
            List<String> files = exportTo(Path.of(folder));
            getViewSite().getActionBars().getStatusLineManager()
                    .setMessage("Wrote " + String.join(" and ", files) + " to " + folder);
        } catch (IOException e) {
            MessageDialog.openError(getSite().getShell(), "Export Figure",
                    "Cannot write the figure: " + e.getMessage());
        }
    }

    /**
     * Writes the chart as shown (zoom included) as PNG and SVG, and its data as CSV, named after the dataset; returns
     * the file names.
     */
    public List<String> exportTo(Path folder) throws IOException {
        JFreeChart chart = chart().orElseThrow(() -> new IllegalStateException("no chart to export"));
        String base = ResultsWriter.safeFileName(preview.name());
        List<String> files = new java.util.ArrayList<>(new FigureFiles().write(chart, folder, base));
        FigureData.writeCsv(preview.figure().orElseThrow(), folder.resolve(base + ".csv"));
        files.add(base + ".csv");
        return files;
    }

    private static Optional<Dataset> selectedDataset(ISelection selection) {
        return selection instanceof IStructuredSelection s && s.getFirstElement() instanceof Dataset d
                ? Optional.of(d)
                : Optional.empty();
    }
}
