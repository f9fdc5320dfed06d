package org.stackscope.ui.analysis;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.registry.AnalysisDescriptor;
import org.stackscope.core.registry.Registry;
import org.stackscope.study.Dataset;
import org.stackscope.study.Study;

/**
 * "Run Analysis…" on a dataset: choose an analysis that takes the dataset's kind of data, fill in its settings, run
 * it as a Job (progress and cancel in the Progress view) and show the result in the {@link ResultView}.
 */
public final class RunAnalysisAction extends Action {

    private final IWorkbenchPage page;
    private final Supplier<Study> study;
    private final Supplier<Dataset> dataset;

    public RunAnalysisAction(IWorkbenchPage page, Supplier<Study> study, Supplier<Dataset> dataset) {
        super("Run Analysis…");
        setToolTipText("Run an analysis on the selected dataset; results go to the study's results folder");
        this.page = page;
        this.study = study;
        this.dataset = dataset;
    }

    @Override
    public void run() {
        Dataset target = dataset.get();
        Study current = study.get();
        if (target == null || current == null) {
            return;
        }
        AnalyzeDialog dialog = new AnalyzeDialog(page.getWorkbenchWindow().getShell(), target.id(),
                analysesFor(Registry.platform(), target));
        if (dialog.open() != Window.OK) {
            return;
        }
        AnalysisJob job = new AnalysisJob(dialog.analysis(), target, dialog.settings(),
                AnalysisJob.defaultOutDir(current.folder(), target, dialog.analysis()));
        schedule(page, job);
    }

    /** Schedules the job and shows its result in the Result view when it succeeds. */
    public static void schedule(IWorkbenchPage page, AnalysisJob job) {
        Display display = page.getWorkbenchWindow().getShell().getDisplay();
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                job.result().ifPresent(result -> display.asyncExec(() -> {
                    try {
                        ((ResultView) page.showView(ResultView.ID)).show(result, job.outDir());
                    } catch (PartInitException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
        });
        job.schedule();
    }

    /**
     * Analyses that take the kind of data the dataset's importer declares; cycler files may hold impedance spectra,
     * so those two kinds go together. When the format is unknown or no importer recognises the file, every analysis
     * is offered and the run says why the file cannot be read.
     */
    public static List<AnalysisDescriptor> analysesFor(Registry registry, Dataset dataset) {
        Set<DataKind> kinds;
        try {
            kinds = EnumSet.of(registry.importerFor(dataset.path(), dataset.format()).kind());
        } catch (ImportException e) {
            return registry.analyses();
        }
        if (kinds.contains(DataKind.CYCLER) || kinds.contains(DataKind.IMPEDANCE)) {
            kinds.addAll(EnumSet.of(DataKind.CYCLER, DataKind.IMPEDANCE));
        }
        if (kinds.contains(DataKind.VOLUME) || kinds.contains(DataKind.LABELS)) {
            kinds.addAll(EnumSet.of(DataKind.VOLUME, DataKind.LABELS));
        }
        return registry.analyses().stream().filter(a -> a.inputKinds().stream().anyMatch(kinds::contains)).toList();
    }
}
