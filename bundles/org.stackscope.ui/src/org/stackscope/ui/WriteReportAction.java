package org.stackscope.ui;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchWindow;
import org.stackscope.charts.FigureFiles;
import org.stackscope.study.Study;
import org.stackscope.study.StudyReport;
import org.stackscope.ui.views.StudyExplorerView;

/**
 * File > Write Study Report: the same HTML report as {@code stackscope batch report}, written into the study's
 * {@code report} folder by a Job and opened in the system browser.
 */
public final class WriteReportAction extends Action {

    private final IWorkbenchWindow window;

    WriteReportAction(IWorkbenchWindow window) {
        super("Write Study &Report");
        setToolTipText("Write report/report.html for the open study from every folder under its results folder");
        this.window = window;
    }

    @Override
    public void run() {
        StudyExplorerView explorer = (StudyExplorerView) window.getActivePage().findView(StudyExplorerView.ID);
        Study study = explorer == null ? null : explorer.study().orElse(null);
        if (study == null) {
            MessageDialog.openInformation(window.getShell(), "Write Study Report", "Open a study first.");
            return;
        }
        Job job = job(study, true);
        job.setUser(true);
        job.schedule();
    }

    /** The Job that writes the report and, if asked, opens it in the system browser when done. */
    public static Job job(Study study, boolean open) {
        return Job.create("Writing the report of " + study.name(), monitor -> {
            try {
                Path page = new StudyReport(study, new FigureFiles()).write(study.folder().resolve("report"),
                        StudyReport.resultFolders(study.folder()));
                if (open) {
                    Display.getDefault().asyncExec(() -> Program.launch(page.toString()));
                }
                return Status.OK_STATUS;
            } catch (IOException e) {
                return Status.error("Cannot write the report of " + study.name() + ": " + e.getMessage(), e);
            }
        });
    }
}
