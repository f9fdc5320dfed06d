package org.stackscope.ui;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.stackscope.ui.analysis.RecipeView;
import org.stackscope.ui.analysis.ResultView;
import org.stackscope.ui.views.ChartView;
import org.stackscope.ui.views.ProgressView;
import org.stackscope.ui.views.StudyExplorerView;
import org.stackscope.ui.volume.VolumeView;

/**
 * The study on the left with Properties, Error Log and Progress (and Recipe when opened) below it; the slices and the
 * chart of the selected dataset, one above the other, fill the rest.
 */
public final class Perspective implements IPerspectiveFactory {

    public static final String ID = "org.stackscope.ui.perspective";
    /** The Error Log view of org.eclipse.ui.views.log. */
    public static final String ERROR_LOG = "org.eclipse.pde.runtime.LogView";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editorArea = layout.getEditorArea();
        layout.setEditorAreaVisible(false);
        // the hidden editor area gives up its space: the chart takes it, the explorer a strip beside the chart
        layout.addView(ChartView.ID, IPageLayout.TOP, 0.95f, editorArea);
        layout.addView(StudyExplorerView.ID, IPageLayout.LEFT, 0.28f, ChartView.ID);
        // the three slices above the chart: both follow the selected dataset
        layout.addView(VolumeView.ID, IPageLayout.TOP, 0.55f, ChartView.ID);
        // metadata of the selected dataset and the error log below the explorer
        IFolderLayout below = layout.createFolder("org.stackscope.ui.belowExplorer", IPageLayout.BOTTOM, 0.6f,
                StudyExplorerView.ID);
        below.addView(IPageLayout.ID_PROP_SHEET);
        below.addView(ERROR_LOG);
        below.addView(ProgressView.ID);
        below.addPlaceholder(RecipeView.ID);
        // results of analyses run from the explorer open beside the chart
        layout.addPlaceholder(ResultView.ID, IPageLayout.RIGHT, 0.5f, ChartView.ID);
        // Window > Show View lists these, to bring back a closed view
        layout.addShowViewShortcut(StudyExplorerView.ID);
        layout.addShowViewShortcut(ChartView.ID);
        layout.addShowViewShortcut(VolumeView.ID);
        layout.addShowViewShortcut(ResultView.ID);
        layout.addShowViewShortcut(RecipeView.ID);
        layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
        layout.addShowViewShortcut(ERROR_LOG);
        layout.addShowViewShortcut(ProgressView.ID);
    }
}
