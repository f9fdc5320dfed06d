package org.stackscope.ui.views;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.Viewer;
import org.stackscope.study.Cell;
import org.stackscope.study.Dataset;
import org.stackscope.study.Study;

/** A study as a tree: its cells with their datasets, then the datasets of no listed cell under "Unassigned". */
final class StudyTreeContentProvider implements ITreeContentProvider {

    /** The tree node holding datasets whose cell is missing from the study. */
    record Unassigned(List<Dataset> datasets) {
    }

    private Study study;

    @Override
    public void inputChanged(Viewer viewer, Object oldInput, Object newInput) {
        study = newInput instanceof Study s ? s : null;
    }

    @Override
    public Object[] getElements(Object input) {
        if (!(input instanceof Study s)) {
            return new Object[0];
        }
        List<Object> roots = new ArrayList<>(s.cells());
        List<Dataset> unassigned = unassigned(s);
        if (!unassigned.isEmpty()) {
            roots.add(new Unassigned(unassigned));
        }
        return roots.toArray();
    }

    @Override
    public Object[] getChildren(Object parent) {
        if (parent instanceof Cell cell && study != null) {
            return study.datasetsOf(cell.id()).toArray();
        }
        if (parent instanceof Unassigned node) {
            return node.datasets().toArray();
        }
        return new Object[0];
    }

    @Override
    public Object getParent(Object element) {
        if (!(element instanceof Dataset dataset) || study == null) {
            return null;
        }
        return study.cell(dataset.cellId()).<Object>map(c -> c)
                .orElseGet(() -> new Unassigned(unassigned(study)));
    }

    @Override
    public boolean hasChildren(Object element) {
        return getChildren(element).length > 0;
    }

    private static List<Dataset> unassigned(Study study) {
        return study.datasets().stream().filter(d -> study.cell(d.cellId()).isEmpty()).toList();
    }
}
