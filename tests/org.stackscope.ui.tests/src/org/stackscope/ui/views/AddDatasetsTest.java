package org.stackscope.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.core.registry.Registry;
import org.stackscope.study.Dataset;
import org.stackscope.study.Study;

/** Adding files to a study from the workbench: detection, common conditions, study.json written. */
class AddDatasetsTest {

    @TempDir
    Path dir;

    @Test
    void recognisedFilesAreAddedWithTheirConditionsAndTheStudyIsSaved() throws Exception {
        Path folder = TestStudies.tiny(dir);
        Path second = Files.writeString(folder.resolve("load 30MPa.csv"), "time_s,force_N\n0,1\n1,2\n");
        Path unknown = Files.writeString(folder.resolve("notes.xyz"), "hello");
        Study study = Study.load(folder);
        AddDatasetsDialog dialog = new AddDatasetsDialog(Workbench.window().getShell(), study,
                List.of(second, unknown), "cell-T", Registry.platform());
        dialog.setBlockOnOpen(false);
        dialog.open();
        dialog.fill("cell-T", "30", "2");
        Workbench.screenshot(dialog.getShell(), "add-datasets");
        press(dialog.getShell(), "Add");

        assertEquals(1, dialog.added().size(), "the unknown file is left out");
        Study saved = AddDatasetsDialog.addAndSave(study, dialog.added());
        Dataset added = saved.datasets().stream().filter(d -> d.id().equals("load 30MPa")).findFirst()
                .orElseThrow();
        assertEquals(Registry.platform().detect(second).id(), added.format(), "the detected importer is recorded");
        assertEquals(30, added.stackPressureMPa());
        assertEquals(2, added.cycle());
        assertEquals("cell-T", added.cellId());
        assertTrue(Files.readString(folder.resolve("study.json")).contains("\"path\": \"load 30MPa.csv\""));
    }

    private static void press(Shell shell, String text) {
        Button button = find(shell, text);
        assertNotNull(button, "a button " + text);
        assertTrue(button.isEnabled(), text + " is enabled");
        button.notifyListeners(SWT.Selection, new Event());
    }

    private static Button find(Composite parent, String text) {
        for (Control c : parent.getChildren()) {
            if (c instanceof Button b && text.equals(b.getText())) {
                return b;
            }
            if (c instanceof Composite inner) {
                Button found = find(inner, text);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
