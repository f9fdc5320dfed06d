package org.stackscope.ui;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.stackscope.study.Study;
import org.stackscope.ui.views.StudyExplorerView;

/** File > Open Study…: picks a study folder and shows it in the Study Explorer. */
final class OpenStudyAction extends Action {

    static final String ID = "org.stackscope.ui.openStudy";

    private final IWorkbenchWindow window;

    OpenStudyAction(IWorkbenchWindow window) {
        super("&Open Study…");
        setId(ID);
        setToolTipText("Open a study folder (one with " + Study.FILE_NAME + ")");
        this.window = window;
    }

    @Override
    public void run() {
        DirectoryDialog dialog = new DirectoryDialog(window.getShell());
        dialog.setText("Open Study");
        dialog.setMessage("Choose a folder with " + Study.FILE_NAME);
        String folder = dialog.open();
        if (folder == null) {
            return;
        }
        try {
            Study study = Study.load(Path.of(folder));
            StudyExplorerView explorer = (StudyExplorerView) window.getActivePage().showView(StudyExplorerView.ID);
            explorer.setStudy(study);
        } catch (IOException | PartInitException e) {
            MessageDialog.openError(window.getShell(), "Open Study", "Cannot open the study: " + e.getMessage());
        }
    }
}
