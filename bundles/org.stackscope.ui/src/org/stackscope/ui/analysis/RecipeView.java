package org.stackscope.ui.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.stackscope.charts.FigureFiles;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.CanceledException;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.registry.Registry;
import org.stackscope.core.results.ResultsWriter;
import org.stackscope.core.results.StepResult;
import org.stackscope.io.volume.tiff.TiffVolumeWriter;
import org.stackscope.study.Dataset;
import org.stackscope.study.Recipe;
import org.stackscope.study.RecipeRunner;
import org.stackscope.study.Study;
import org.stackscope.ui.preview.JobMonitor;
import org.stackscope.ui.views.StudyExplorerView;

/**
 * The open study's recipe ({@code recipe.json} in the study folder): its steps, "Add Step…" for the dataset selected
 * in the Study Explorer (the same settings form as Run Analysis…), "Remove", "Save", and "Run", which runs every
 * step as a Job through {@link RecipeRunner} — exactly what {@code stackscope batch run recipe.json} does — into
 * {@code <study>/results/<recipe name>}.
 */
public final class RecipeView extends ViewPart {

    public static final String ID = "org.stackscope.ui.views.recipe";
    public static final String FILE_NAME = "recipe.json";

    private Label heading;
    private Table steps;
    private Button add;
    private Button remove;
    private Button save;
    private Button run;
    private Recipe recipe;
    private Job job;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(5, false));
        heading = new Label(parent, SWT.WRAP);
        heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
        steps = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        steps.setHeaderVisible(true);
        steps.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1));
        for (String title : new String[] { "#", "Analysis", "Inputs", "Settings" }) {
            TableColumn c = new TableColumn(steps, SWT.LEFT);
            c.setText(title);
            c.setWidth(title.equals("#") ? 30 : title.equals("Settings") ? 320 : 150);
        }
        add = button(parent, "Add Step…", "Add a step for the dataset selected in the Study Explorer", this::addStep);
        remove = button(parent, "Remove", "Remove the selected step", this::removeStep);
        save = button(parent, "Save", "Write recipe.json", this::saveRecipe);
        run = button(parent, "Run", "Run every step as stackscope batch run does", this::runRecipe);
        Button reload = button(parent, "Reload", "Read recipe.json of the open study again", this::reload);
        reload.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false));
        steps.addListener(SWT.Selection, e -> updateButtons());
        reload();
    }

    private static Button button(Composite parent, String text, String tip, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    /** Shows the recipe of the study open in the explorer (a new, empty one when it has none). */
    public void reload() {
        Optional<Study> study = openStudy();
        recipe = null;
        if (study.isEmpty()) {
            heading.setText("Open a study to edit its recipe.");
        } else {
            Path file = study.get().folder().resolve(FILE_NAME);
            try {
                recipe = Files.isRegularFile(file) ? Recipe.load(file)
                        : Recipe.create(file, study.get().name(), study.get());
                heading.setText((Files.isRegularFile(file) ? "" : "New recipe ") + file);
            } catch (IOException e) {
                heading.setText("Cannot read " + file + ": " + e.getMessage());
            }
        }
        refresh();
    }

    public Optional<Recipe> recipe() {
        return Optional.ofNullable(recipe);
    }

    /** Replaces the steps (tests, or a recipe assembled elsewhere). */
    public void setSteps(List<Recipe.Step> newSteps) {
        recipe = recipe.withSteps(newSteps);
        refresh();
    }

    public int stepCount() {
        return steps.getItemCount();
    }

    public String heading() {
        return heading.getText();
    }

    private void refresh() {
        steps.removeAll();
        if (recipe != null) {
            int n = 1;
            for (Recipe.Step s : recipe.steps()) {
                new TableItem(steps, SWT.NONE).setText(new String[] { Integer.toString(n++), s.analysis(),
                        String.join(", ", s.inputs()), s.settings().toString() });
            }
        }
        updateButtons();
    }

    private void updateButtons() {
        boolean idle = job == null || job.getState() == Job.NONE;
        add.setEnabled(recipe != null && idle);
        remove.setEnabled(recipe != null && idle && steps.getSelectionIndex() >= 0);
        save.setEnabled(recipe != null && idle && !recipe.steps().isEmpty());
        run.setEnabled(recipe != null && idle && !recipe.steps().isEmpty());
    }

    private void addStep() {
        Optional<Dataset> dataset = selectedDataset();
        if (dataset.isEmpty()) {
            MessageDialog.openInformation(getSite().getShell(), "Add Step",
                    "Select the dataset the step analyses in the Study Explorer.");
            return;
        }
        AnalyzeDialog dialog = new AnalyzeDialog(getSite().getShell(), dataset.get().id(),
                RunAnalysisAction.analysesFor(Registry.platform(), dataset.get()));
        if (dialog.open() != Window.OK) {
            return;
        }
        List<Recipe.Step> all = new ArrayList<>(recipe.steps());
        all.add(new Recipe.Step(dialog.analysis().id(), List.of(dataset.get().id()), dialog.changedSettings(),
                java.util.Map.of()));
        setSteps(all);
    }

    private void removeStep() {
        int index = steps.getSelectionIndex();
        if (index >= 0) {
            List<Recipe.Step> all = new ArrayList<>(recipe.steps());
            all.remove(index);
            setSteps(all);
        }
    }

    private void saveRecipe() {
        try {
            recipe.save();
            heading.setText("Saved " + recipe.file());
        } catch (IOException e) {
            MessageDialog.openError(getSite().getShell(), "Save Recipe", "Cannot save the recipe: " + e.getMessage());
        }
    }

    /** Runs the recipe as a Job; returns it (tests join it). */
    public Job runRecipe() {
        Recipe toRun = recipe;
        Path outDir = toRun.study().map(Study::folder).orElse(toRun.file().getParent()).resolve("results")
                .resolve(ResultsWriter.safeFileName(toRun.name()));
        List<StepResult> done = new ArrayList<>();
        Job started = Job.create("Running recipe " + toRun.name(), progress -> {
            try {
                done.addAll(new RecipeRunner(Registry.platform()).run(toRun, new JobMonitor(progress)));
                ResultsWriter.write(outDir, done, new FigureFiles(), new TiffVolumeWriter());
                return Status.OK_STATUS;
            } catch (CanceledException | OperationCanceledException e) {
                return Status.CANCEL_STATUS;
            } catch (ImportException | InvalidSettingsException | AnalysisException e) {
                return Status.error(e.getMessage(), e);
            } catch (IOException e) {
                return Status.error("Cannot write the results to " + outDir + ": " + e.getMessage(), e);
            }
        });
        started.setUser(true);
        job = started;
        Display display = heading.getDisplay();
        started.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                display.asyncExec(() -> finished(event.getResult(), done, outDir));
            }
        });
        updateButtons();
        started.schedule();
        return started;
    }

    private void finished(IStatus status, List<StepResult> done, Path outDir) {
        if (heading.isDisposed()) {
            return;
        }
        job = null;
        updateButtons();
        if (status.isOK() && !done.isEmpty()) {
            heading.setText("Ran " + done.size() + " step(s) into " + outDir);
            try {
                ((ResultView) getSite().getPage().showView(ResultView.ID)).show(done.get(done.size() - 1), outDir);
            } catch (PartInitException e) {
                heading.setText(heading.getText() + " (cannot show the Result view: " + e.getMessage() + ")");
            }
        } else if (status.getSeverity() == IStatus.CANCEL) {
            heading.setText("Recipe canceled; nothing written.");
        } else {
            heading.setText("Recipe failed: " + status.getMessage());
        }
    }

    private Optional<Study> openStudy() {
        StudyExplorerView explorer = (StudyExplorerView) getSite().getPage().findView(StudyExplorerView.ID);
        return explorer == null ? Optional.empty() : explorer.study();
    }

    private Optional<Dataset> selectedDataset() {
        return getSite().getWorkbenchWindow().getSelectionService().getSelection(StudyExplorerView.ID)
                instanceof IStructuredSelection s && s.getFirstElement() instanceof Dataset d ? Optional.of(d)
                        : Optional.empty();
    }

    @Override
    public void setFocus() {
        steps.setFocus();
    }
}
