package org.stackscope.ui.views;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.part.ViewPart;
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
        StartupStudy.folder().ifPresent(this::openAtStartup);
    }

    /** Dataset entries get "Run Analysis…"; other bundles may add to the menu (it is registered with the site). */
    private void createContextMenu() {
        RunAnalysisAction runAnalysis = new RunAnalysisAction(getSite().getPage(), () -> study,
                () -> selectedDataset().orElse(null));
        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(m -> {
            runAnalysis.setEnabled(selectedDataset().isPresent());
            m.add(runAnalysis);
            m.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        });
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        getSite().registerContextMenu(menu, viewer);
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
