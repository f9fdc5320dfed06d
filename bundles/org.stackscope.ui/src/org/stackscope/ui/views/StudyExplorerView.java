package org.stackscope.ui.views;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.part.ViewPart;
import org.stackscope.core.registry.Registry;
import org.stackscope.study.Cell;
import org.stackscope.study.Dataset;
import org.stackscope.study.Study;
import org.stackscope.ui.analysis.RunAnalysisAction;

/**
 * The open study as a tree of cells and datasets. The selected dataset is the site's selection, which the chart view
 * (and any other view) follows.
 */
public final class StudyExplorerView extends ViewPart {

    public static final String ID = "org.stackscope.ui.views.studyExplorer";

    private TreeViewer viewer;
    private Study study;

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.H_SCROLL | SWT.V_SCROLL);
        viewer.setContentProvider(new StudyTreeContentProvider());
        viewer.setLabelProvider(new StudyLabelProvider());
        viewer.setAutoExpandLevel(TreeViewer.ALL_LEVELS);
        getSite().setSelectionProvider(viewer);
        createContextMenu();
        createDropTarget();
        StartupStudy.folder().ifPresent(this::openAtStartup);
    }

    /** Dataset entries get "Run Analysis…"; other bundles may add to the menu (it is registered with the site). */
    private void createContextMenu() {
        RunAnalysisAction runAnalysis = new RunAnalysisAction(getSite().getPage(), () -> study,
                () -> selectedDataset().orElse(null));
        Action addDatasets = new Action("Add Datasets…") {
            @Override
            public void run() {
                FileDialog dialog = new FileDialog(getSite().getShell(), SWT.OPEN | SWT.MULTI);
                dialog.setText("Add Datasets");
                if (study != null) {
                    dialog.setFilterPath(study.folder().toString());
                }
                if (dialog.open() != null) {
                    addFiles(Arrays.stream(dialog.getFileNames()).map(n -> Path.of(dialog.getFilterPath(), n))
                            .toList());
                }
            }
        };
        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(m -> {
            runAnalysis.setEnabled(selectedDataset().isPresent());
            addDatasets.setEnabled(study != null);
            m.add(runAnalysis);
            m.add(addDatasets);
            m.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        });
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        getSite().registerContextMenu(menu, viewer);
    }

    /** Files dropped from a file manager are added like "Add Datasets…" adds them. */
    private void createDropTarget() {
        DropTarget target = new DropTarget(viewer.getControl(), DND.DROP_COPY | DND.DROP_DEFAULT | DND.DROP_LINK);
        target.setTransfer(FileTransfer.getInstance());
        target.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                event.detail = study == null ? DND.DROP_NONE : DND.DROP_COPY;
            }

            @Override
            public void drop(DropTargetEvent event) {
                if (event.data instanceof String[] files) {
                    addFiles(Arrays.stream(files).map(Path::of).toList());
                }
            }
        });
    }

    /** Asks for cell and conditions, then adds the recognised files to the study and saves study.json. */
    public void addFiles(List<Path> files) {
        if (study == null || files.isEmpty()) {
            return;
        }
        Object first = viewer.getStructuredSelection().getFirstElement();
        String cell = first instanceof Cell c ? c.id() : first instanceof Dataset d ? d.cellId() : "";
        AddDatasetsDialog dialog = new AddDatasetsDialog(getSite().getShell(), study, files, cell,
                Registry.platform());
        if (dialog.open() != Window.OK) {
            return;
        }
        try {
            setStudy(AddDatasetsDialog.addAndSave(study, dialog.added()));
        } catch (IOException | IllegalArgumentException e) {
            MessageDialog.openError(getSite().getShell(), "Add Datasets", "Cannot add the datasets: "
                    + e.getMessage());
        }
    }

    private Optional<Dataset> selectedDataset() {
        return viewer.getStructuredSelection().getFirstElement() instanceof Dataset d ? Optional.of(d)
                : Optional.empty();
    }

    /** Shows another study in place of the current one. */
    public void setStudy(Study newStudy) {
        study = newStudy;
        viewer.setInput(newStudy);
        setContentDescription(newStudy.name());
        setTitleToolTip(newStudy.folder().toString());
    }

    public Optional<Study> study() {
        return Optional.ofNullable(study);
    }

    public TreeViewer viewer() {
        return viewer;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    private void openAtStartup(Path folder) {
        try {
            setStudy(Study.load(folder));
        } catch (IOException e) {
            // no dialog while the workbench is still opening: say it in the view and in the log
            setContentDescription("Cannot open the study " + folder + ": " + e.getMessage());
            ILog.of(getClass()).error("Cannot open the start-up study " + folder, e);
        }
    }
}
