package org.stackscope.ui.views;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.LabelVolume;
import org.stackscope.core.model.Volume;
import org.stackscope.study.Dataset;
import org.stackscope.study.Study;
import org.stackscope.ui.volume.Plane;
import org.stackscope.ui.volume.VolumeView;

import net.imglib2.img.array.ArrayImgs;

/** The volume view in the running workbench: slices, linked cursor, window and label overlay. */
class VolumeViewTest {

    private static final int NX = 60;
    private static final int NY = 40;
    private static final int NZ = 30;

    private VolumeView view;

    @BeforeEach
    void showView() throws Exception {
        view = Workbench.showView(VolumeView.ID, VolumeView.class);
        Workbench.window().getShell().setSize(1400, 900);
    }

    /** A grey ramp along every axis and labels: a sphere of AM (2) in SE (1), 0.5 µm voxels in X/Y and 2 µm in Z. */
    private static Volume grey() {
        float[] values = new float[NX * NY * NZ];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1000 + 10 * (i % NX) + 3 * (i / NX % NY) + 7 * (i / (NX * NY));
        }
        return new Volume(ArrayImgs.floats(values, NX, NY, NZ), "float32", new double[] { 0.5, 0.5, 2 }, Axis.Z,
                Map.of());
    }

    private static LabelVolume labels() {
        byte[] values = new byte[NX * NY * NZ];
        for (int z = 0; z < NZ; z++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++) {
                    double r2 = Math.pow((x - 30) * 0.5, 2) + Math.pow((y - 20) * 0.5, 2) + Math.pow((z - 15) * 2, 2);
                    values[x + NX * (y + NY * z)] = (byte) (r2 < 64 ? 2 : 1);
                }
            }
        }
        Volume v = new Volume(ArrayImgs.unsignedBytes(values, NX, NY, NZ), "uint8", new double[] { 0.5, 0.5, 2 },
                Axis.Z, Map.of());
        return new LabelVolume(v, Map.of(1, "SE", 2, "AM"));
    }

    @Test
    void showsThreeSlicesThroughTheCentreWithALinkedCursor() throws Exception {
        view.display("ramp", grey());
        Workbench.settle();
        assertArrayEquals(new int[] { 30, 20, 15 }, view.cursor());
        for (Plane p : Plane.values()) {
            ImageData slice = view.sliceImage(p);
            assertNotNull(slice, p + " rendered");
            assertTrue(Workbench.distinctColours(slice) > 20, p + " shows the ramp, not a blank image");
        }
        assertEquals(NX, view.sliceImage(Plane.XY).width);
        assertEquals(NZ, view.sliceImage(Plane.YZ).height);
        assertTrue(view.caption(Plane.XY).contains("Z = 16 / 30"), view.caption(Plane.XY));

        view.moveCursor(2, 3);
        assertTrue(view.caption(Plane.XY).contains("Z = 4 / 30"), view.caption(Plane.XY));
        assertTrue(view.caption(Plane.XY).contains("(6 µm)"), "2 µm voxels along Z: " + view.caption(Plane.XY));
        view.moveCursor(0, 1000);
        assertEquals(NX - 1, view.cursor()[0], "the cursor stays inside the volume");
    }

    @Test
    void theWindowSetsBlackAndWhite() {
        view.display("ramp", grey());
        view.moveCursor(2, 0);
        view.setWindow(1000, 1590);
        ImageData xy = view.sliceImage(Plane.XY);
        assertEquals(new RGB(0, 0, 0), xy.palette.getRGB(xy.getPixel(0, 0)));
        assertEquals(new RGB(255, 255, 255), xy.palette.getRGB(xy.getPixel(NX - 1, 0)));
    }

    @Test
    void labelsOfTheSameSizeAreOverlaidInTheirPhaseColours() throws Exception {
        view.display("ramp", grey());
        view.display("labels", labels());
        Workbench.settle();
        assertTrue(view.heading().startsWith("ramp + labels"), view.heading());
        ImageData xy = view.sliceImage(Plane.XY);
        RGB centre = xy.palette.getRGB(xy.getPixel(30, 20));
        RGB corner = xy.palette.getRGB(xy.getPixel(0, 0));
        assertTrue(centre.red > centre.blue + 40, "AM is tinted red: " + centre);
        assertTrue(corner.blue > corner.red + 40, "SE is tinted blue: " + corner);
        Path shot = Workbench.screenshot(Workbench.window().getShell(), "volume-view");
        assertTrue(Files.size(shot) > 10_000, "screenshot written: " + shot);
    }

    @Test
    void selectingTheExampleCompositeOpensIt() throws Exception {
        Path example = TestStudies.example();
        assumeTrue(Files.isDirectory(example), "this build has no examples/study");
        StudyExplorerView explorer = Workbench.showView(StudyExplorerView.ID, StudyExplorerView.class);
        Study study = Study.load(example);
        explorer.setStudy(study);
        Workbench.page().activate(explorer); // the window's selection is that of its active part
        Dataset composite = study.datasets().stream().filter(d -> d.path().toString().endsWith(".tif"))
                .findFirst().orElseThrow();
        explorer.viewer().setSelection(new StructuredSelection(composite), true);
        Workbench.waitUntil("the composite is shown", () -> view.shownName().filter(composite.id()::equals)
                .isPresent() || view.heading().startsWith("Cannot"));
        assertTrue(view.heading().contains("64 × 64 × 48"), view.heading());
        assertTrue(Workbench.distinctColours(view.sliceImage(Plane.XZ)) >= 3, "the four phases show as grey levels");
    }

}
