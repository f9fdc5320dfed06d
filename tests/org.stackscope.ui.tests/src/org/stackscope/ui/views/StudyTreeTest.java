package org.stackscope.ui.views;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stackscope.study.Cell;
import org.stackscope.study.Dataset;
import org.stackscope.study.Study;
import org.stackscope.ui.views.StudyTreeContentProvider.Unassigned;

class StudyTreeTest {

    private final Cell cell = new Cell("cell-A", 10, 24, 12.5, Map.of());
    private final Dataset ct = dataset("ct", "cell-A", 50, 0);
    private final Dataset noCell = dataset("log", "", Double.NaN, -1);
    private final Dataset unknownCell = dataset("eis", "cell-Z", 7.25, 12);
    private final Study study = new Study(Path.of("/s"), "s", "", List.of(cell), List.of(ct, noCell, unknownCell));

    private static Dataset dataset(String id, String cellId, double pressure, int cycle) {
        return new Dataset(id, cellId, Path.of("/s", id), null, pressure, cycle, Double.NaN, Map.of());
    }

    @Test
    void cellsComeFirstThenDatasetsOfNoListedCellUnderUnassigned() {
        StudyTreeContentProvider tree = new StudyTreeContentProvider();
        tree.inputChanged(null, null, study);

        Unassigned unassigned = new Unassigned(List.of(noCell, unknownCell));
        assertArrayEquals(new Object[] { cell, unassigned }, tree.getElements(study));
        assertArrayEquals(new Object[] { ct }, tree.getChildren(cell));
        assertArrayEquals(new Object[] { noCell, unknownCell }, tree.getChildren(unassigned));
        assertEquals(cell, tree.getParent(ct));
        assertEquals(unassigned, tree.getParent(unknownCell));
    }

    @Test
    void datasetsAreLabelledWithTheirPressureAndCycle() {
        assertEquals("ct (50 MPa, cycle 0)", StudyLabelProvider.text(ct));
        assertEquals("eis (7.25 MPa, cycle 12)", StudyLabelProvider.text(unknownCell));
        assertEquals("log", StudyLabelProvider.text(noCell));
    }
}
