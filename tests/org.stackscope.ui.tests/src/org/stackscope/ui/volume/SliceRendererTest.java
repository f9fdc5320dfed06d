package org.stackscope.ui.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.cell.CellImg;
import net.imglib2.img.cell.CellImgFactory;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

class SliceRendererTest {

    /** value = x + 10·y + 100·z on a 4 × 3 × 2 volume. */
    private static ArrayImg<FloatType, FloatArray> coded() {
        float[] values = new float[4 * 3 * 2];
        for (int z = 0; z < 2; z++) {
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 4; x++) {
                    values[x + 4 * (y + 3 * z)] = x + 10 * y + 100 * z;
                }
            }
        }
        return ArrayImgs.floats(values, 4, 3, 2);
    }

    @Test
    void everyPlaneIsReadWithItsHorizontalAxisFastest() {
        assertArrayEquals(new float[] { 100, 101, 102, 103, 110, 111, 112, 113, 120, 121, 122, 123 },
                SliceRenderer.samples(coded(), Plane.XY, 1));
        assertArrayEquals(new float[] { 20, 21, 22, 23, 120, 121, 122, 123 },
                SliceRenderer.samples(coded(), Plane.XZ, 2));
        assertArrayEquals(new float[] { 3, 13, 23, 103, 113, 123 }, SliceRenderer.samples(coded(), Plane.YZ, 3));
    }

    @Test
    void theWindowMapsLowToBlackAndHighToWhiteAndClips() {
        int[] rgb = SliceRenderer.render(new float[] { -5, 0, 40, 100, 200, Float.NaN }, 0, 100, null, null, 0);
        assertArrayEquals(new int[] { 0, 0, 0x666666, 0xFFFFFF, 0xFFFFFF, 0 }, rgb);
    }

    @Test
    void labelsBlendTheirColourByOpacityAndUncolouredLabelsStayGrey() {
        int[] colours = { -1, 0xFF0000 };
        float[] grey = { 100, 100 };
        float[] labels = { 0, 1 };
        assertArrayEquals(new int[] { 0xFFFFFF, 0xFF0000 }, SliceRenderer.render(grey, 0, 100, labels, colours, 1));
        assertArrayEquals(new int[] { 0xFFFFFF, 0xFFFFFF }, SliceRenderer.render(grey, 0, 100, labels, colours, 0));
        int half = SliceRenderer.render(grey, 0, 100, labels, colours, 0.5)[1];
        assertEquals(0xFF, half >> 16 & 0xFF);
        assertEquals(0x7F, half >> 8 & 0xFF);
    }

    @Test
    void autoWindowTakesPercentilesAndScaleBarsAreNiceNumbers() {
        float[] ramp = new float[1001];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i;
        }
        assertArrayEquals(new double[] { 5, 995 }, SliceRenderer.autoWindow(ramp, 0.5, 99.5));
        assertEquals(50, SliceRenderer.scaleBarLength(73));
        assertEquals(20, SliceRenderer.scaleBarLength(20));
        assertEquals(0.1, SliceRenderer.scaleBarLength(0.19), 1e-12);
    }

    @Test
    void phasesKeepTheirColourAndUnnamedLabelsGetOne() {
        int[] table = PhaseColours.table(Map.of(0, "VOID", 2, "AM"), 5, PhaseColours::defaultOf);
        assertEquals(PhaseColours.defaultOf("VOID"), table[0]);
        assertEquals(0xD7263D, table[2]);
        assertEquals(6, table.length);
        assertEquals(true, table[5] >= 0);
        int[] custom = PhaseColours.table(Map.of(2, "AM"), 2, name -> name.equals("AM") ? 0x123456 : -1);
        assertEquals(0x123456, custom[2], "a preference overrides the built-in colour");
    }

    @Test
    void unsignedSamplesReadStraightFromArraysPlanesAndWholePlaneCells() {
        short[] shorts = new short[4 * 3 * 2];
        byte[] bytes = new byte[4 * 3 * 2];
        for (int i = 0; i < shorts.length; i++) {
            shorts[i] = (short) (40000 + i);
            bytes[i] = (byte) (200 + i);
        }
        float[] expectedShorts = new float[12];
        float[] expectedBytes = new float[12];
        for (int i = 0; i < 12; i++) {
            expectedShorts[i] = 40012 + i;
            expectedBytes[i] = (200 + 12 + i) & 0xFF;
        }
        assertArrayEquals(expectedShorts, SliceRenderer.samples(ArrayImgs.unsignedShorts(shorts, 4, 3, 2), Plane.XY, 1));
        assertArrayEquals(expectedBytes, SliceRenderer.samples(ArrayImgs.unsignedBytes(bytes, 4, 3, 2), Plane.XY, 1));

        PlanarImg<UnsignedShortType, ?> planar = PlanarImgs.unsignedShorts(4, 3, 2);
        CellImg<UnsignedShortType, ?> cells = new CellImgFactory<>(new UnsignedShortType(), 4, 3, 1).create(4, 3, 2);
        for (var img : java.util.List.of(planar, cells)) {
            var c = img.localizingCursor();
            while (c.hasNext()) {
                c.fwd();
                c.get().set(40000 + c.getIntPosition(0) + 4 * c.getIntPosition(1) + 12 * c.getIntPosition(2));
            }
            assertArrayEquals(expectedShorts, SliceRenderer.samples(img, Plane.XY, 1));
            // the cursor path (other planes) agrees
            assertEquals(40000 + 3 + 12, SliceRenderer.samples(img, Plane.YZ, 3)[3]);
        }
    }
}
