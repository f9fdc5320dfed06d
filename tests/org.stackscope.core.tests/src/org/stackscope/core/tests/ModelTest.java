package org.stackscope.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.LabelVolume;
import org.stackscope.core.model.Table;
import org.stackscope.core.model.Volume;

import net.imglib2.img.array.ArrayImgs;

class ModelTest {

    @Test
    void volumeDescribesItsGeometry() {
        Volume v = new Volume(ArrayImgs.unsignedBytes(4, 3, 2), "uint8", new double[] { 0.5, 0.5, 2 }, Axis.Z,
                Map.of("source", "test"));
        assertEquals(24, v.voxelCount());
        Map<String, Object> d = v.describe();
        assertEquals(List.of(4L, 3L, 2L), d.get("dimensions"));
        assertEquals(List.of(0.5, 0.5, 2.0), d.get("voxelSize_um"));
        assertEquals("Z", d.get("pressureAxis"));
        assertEquals(Axis.X, v.withGeometry(new double[] { 1, 1, 1 }, Axis.X).pressureAxis());
    }

    @Test
    void volumeRejectsBadGeometry() {
        assertThrows(IllegalArgumentException.class, () -> new Volume(ArrayImgs.unsignedBytes(4, 3), "uint8",
                new double[] { 1, 1, 1 }, Axis.Z, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new Volume(ArrayImgs.unsignedBytes(4, 3, 2), "uint8",
                new double[] { 1, 0, 1 }, Axis.Z, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Axis.parse("W"));
        assertEquals(Axis.Y, Axis.parse(" y "));
    }

    @Test
    void labelVolumeNamesPhases() {
        Volume v = new Volume(ArrayImgs.unsignedBytes(2, 2, 2), "uint8", new double[] { 1, 1, 1 }, Axis.Z, Map.of());
        LabelVolume labels = new LabelVolume(v, Map.of(2, LabelVolume.AM));
        assertEquals("AM", labels.phaseName(2));
        assertEquals("7", labels.phaseName(7));
        assertEquals(DataKind.LABELS, labels.kind());
        assertThrows(IllegalArgumentException.class, () -> new LabelVolume(
                new Volume(ArrayImgs.floats(2, 2, 2), "float32", new double[] { 1, 1, 1 }, Axis.Z, Map.of()), Map.of()));
    }

    @Test
    void tableColumnsMustAgreeInLength() {
        assertThrows(IllegalArgumentException.class, () -> Table.of(List.of(new Column("a", "", new double[2]),
                new Column("b", "", new double[3]))));
        Table t = Table.of(List.of(new Column("time", "s", new double[] { 0, 5 })));
        assertEquals(2, t.rowCount());
        assertEquals(5, t.column("time").get(1));
        assertEquals(DataKind.TABLE, t.kind());
        assertThrows(IllegalArgumentException.class, () -> t.column("voltage"));
        assertEquals("image-stack", DataKind.IMAGE_STACK.id());
        assertEquals(DataKind.IMAGE_STACK, DataKind.fromId("image-stack"));
    }
}
