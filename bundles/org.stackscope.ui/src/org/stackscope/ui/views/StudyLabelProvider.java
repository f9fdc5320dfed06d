package org.stackscope.ui.views;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.stackscope.study.Cell;
import org.stackscope.study.Dataset;
import org.stackscope.ui.preferences.StackscopePreferences;

/** Cells by id, datasets by id with the stack pressure and cycle they were measured at and an icon of their kind. */
final class StudyLabelProvider extends LabelProvider {

    static final String UNASSIGNED = "Unassigned";

    @Override
    public String getText(Object element) {
        if (element instanceof Cell cell) {
            return cell.id();
        }
        if (element instanceof Dataset dataset) {
            return text(dataset);
        }
        if (element instanceof StudyTreeContentProvider.Unassigned) {
            return UNASSIGNED;
        }
        return super.getText(element);
    }

    private final KindIcons kindIcons = new KindIcons();

    @Override
    public Image getImage(Object element) {
        ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
        if (element instanceof Dataset dataset) {
            Image icon = kindIcons.of(dataset);
            return icon != null ? icon : images.getImage(ISharedImages.IMG_OBJ_FILE);
        }
        return images.getImage(ISharedImages.IMG_OBJ_FOLDER);
    }

    @Override
    public void dispose() {
        kindIcons.dispose();
        super.dispose();
    }

    /** E.g. {@code ct-50MPa (50 MPa, cycle 0)}; conditions that are not known are left out. */
    static String text(Dataset dataset) {
        List<String> conditions = new ArrayList<>();
        if (!Double.isNaN(dataset.stackPressureMPa())) {
            conditions.add(StackscopePreferences.pressureUnit().format(dataset.stackPressureMPa()));
        }
        if (dataset.cycle() >= 0) {
            conditions.add("cycle " + dataset.cycle());
        }
        return conditions.isEmpty() ? dataset.id() : dataset.id() + " (" + String.join(", ", conditions) + ")";
    }
}
