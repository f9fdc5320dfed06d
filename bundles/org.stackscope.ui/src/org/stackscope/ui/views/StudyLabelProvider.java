package org.stackscope.ui.views;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.stackscope.study.Cell;
import org.stackscope.study.Dataset;
import org.stackscope.ui.Numbers;

/** Cells by id, datasets by id with the stack pressure and cycle they were measured at. */
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

    @Override
    public Image getImage(Object element) {
        ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
        return images.getImage(element instanceof Dataset ? ISharedImages.IMG_OBJ_FILE : ISharedImages.IMG_OBJ_FOLDER);
    }

    /** E.g. {@code ct-50MPa (50 MPa, cycle 0)}; conditions that are not known are left out. */
    static String text(Dataset dataset) {
        List<String> conditions = new ArrayList<>();
        if (!Double.isNaN(dataset.stackPressureMPa())) {
            conditions.add(Numbers.plain(dataset.stackPressureMPa()) + " MPa");
        }
        if (dataset.cycle() >= 0) {
            conditions.add("cycle " + dataset.cycle());
        }
        return conditions.isEmpty() ? dataset.id() : dataset.id() + " (" + String.join(", ", conditions) + ")";
    }
}
