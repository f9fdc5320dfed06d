package org.stackscope.ui.views;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;
import org.stackscope.ui.preview.JobProgress;

/**
 * The Jobs waiting or running (imports, analyses, recipes, reports) with their current task and percentage, and
 * Cancel for the selected one. Eclipse's own Progress view lives in org.eclipse.ui.ide, which would bring the IDE's
 * preference pages and p2 into the product; this one reads the Job manager and {@link JobProgress} twice a second.
 */
public final class ProgressView extends ViewPart {

    public static final String ID = "org.stackscope.ui.views.progress";
    private static final int REFRESH_MS = 500;

    private Table table;
    private Button cancel;
    private List<Job> shown = List.of();

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String title : new String[] { "Job", "State", "Task", "Done" }) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(title);
            c.setWidth(title.equals("Job") ? 150 : title.equals("Task") ? 130 : 60);
        }
        cancel = new Button(parent, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setToolTipText("Cancel the selected job; a canceled analysis writes nothing");
        cancel.addListener(SWT.Selection, e -> cancelSelected());
        table.addListener(SWT.Selection, e -> cancel.setEnabled(table.getSelectionIndex() >= 0));
        refresh();
    }

    /** Re-reads the jobs; reschedules itself while the view is open. */
    private void refresh() {
        if (table.isDisposed()) {
            return;
        }
        Job selected = table.getSelectionIndex() >= 0 ? shown.get(table.getSelectionIndex()) : null;
        List<Job> jobs = Arrays.stream(Job.getJobManager().find(null)).filter(j -> !j.isSystem()).toList();
        JobProgress.forgetAllBut(jobs);
        table.removeAll();
        for (Job job : jobs) {
            JobProgress.State state = JobProgress.of(job);
            String done = state == null || Double.isNaN(state.fraction()) ? ""
                    : Math.round(100 * state.fraction()) + " %";
            new TableItem(table, SWT.NONE).setText(new String[] { job.getName(), stateName(job.getState()),
                    state == null ? "" : state.task(), done });
        }
        shown = jobs;
        int index = selected == null ? -1 : jobs.indexOf(selected);
        if (index >= 0) {
            table.setSelection(index);
        }
        cancel.setEnabled(index >= 0);
        table.getDisplay().timerExec(REFRESH_MS, this::refresh);
    }

    /** The jobs listed now (tests). */
    public List<Job> jobs() {
        return shown;
    }

    /** The "Done" column of a job's row, e.g. "42 %" (tests). */
    public String done(Job job) {
        int index = shown.indexOf(job);
        return index < 0 ? null : table.getItem(index).getText(3);
    }

    /** Selects a job's row and presses Cancel, as a user would. */
    public void cancel(Job job) {
        int index = shown.indexOf(job);
        if (index >= 0) {
            table.setSelection(index);
            cancelSelected();
        }
    }

    private void cancelSelected() {
        int index = table.getSelectionIndex();
        if (index >= 0 && index < shown.size()) {
            shown.get(index).cancel();
        }
    }

    private static String stateName(int state) {
        return switch (state) {
            case Job.RUNNING -> "running";
            case Job.WAITING -> "waiting";
            case Job.SLEEPING -> "sleeping";
            default -> "done";
        };
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }
}
