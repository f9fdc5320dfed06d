package org.stackscope.analysis.microstructure.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.stackscope.analysis.microstructure.PhaseFractions;
import org.stackscope.analysis.microstructure.PhaseFractionsSettings;
import org.stackscope.analysis.microstructure.Segment;
import org.stackscope.analysis.microstructure.SegmentMethod;
import org.stackscope.analysis.microstructure.SegmentSettings;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.LabelVolume;
import org.stackscope.core.model.Table;
import org.stackscope.core.model.Volume;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/** Layers (composite vs separator), the representative-volume table and multi-Otsu against brute force. */
class LayersAndOtsuTest {

    static Inputs inputs(Object data) {
        return new Inputs(List.of(new Inputs.Input(Path.of("v.tif"), "0", "tiff",
                (org.stackscope.core.api.DataObject) data)));
    }

    /** Phantom composite of 48 slices under a 16-slice SE separator. */
    static CompositePhantom withSeparator() {
        CompositePhantom.Spec spec = new CompositePhantom.Spec();
        spec.separatorSlices = 16;
        spec.particles = 210;
        return CompositePhantom.generate(spec);
    }

    static LabelVolume truthLabels(CompositePhantom p) {
        PlanarImg<UnsignedByteType, ByteArray> img = PlanarImgs.unsignedBytes(p.spec.nx, p.spec.ny, p.spec.nz);
        for (int z = 0; z < p.spec.nz; z++) {
            img.setPlane(z, new ByteArray(p.truth[z]));
        }
        return new LabelVolume(new Volume(img, "uint8", new double[] { 0.5, 0.5, 0.5 }, Axis.Z, Map.of()),
                Map.of(0, "VOID", 1, "SE", 2, "AM"));
    }

    @Test
    void separatorIsFoundAlongThePressureAxisAndReportedPerLayer() throws Exception {
        CompositePhantom p = withSeparator();
        Result r = new PhaseFractions().run(inputs(truthLabels(p)), new PhaseFractionsSettings(), Monitor.NONE);
        assertEquals(1.0, r.metrics().get("layer.separator.fraction.SE").value(), 0);
        assertEquals(8.0, r.metrics().get("layer.separator.thickness").value(), 0); // 16 slices of 0.5 um
        assertEquals(24.0, r.metrics().get("layer.composite.thickness").value(), 0);
        byte[][] composite = java.util.Arrays.copyOf(p.truth, 48);
        assertEquals(CompositePhantom.fraction(composite, 2), r.metrics().get("layer.composite.fraction.AM").value(),
                1e-12);
        assertTrue(r.metrics().get("layer.composite.fraction.AM").hasUncertainty());
        Table layers = r.tables().get("layers");
        assertArrayEquals(new double[] { 0, 24 }, layers.column("from").values(), 0);

        PhaseFractionsSettings given = new PhaseFractionsSettings();
        given.layers = "40";
        Result g = new PhaseFractions().run(inputs(truthLabels(p)), given, Monitor.NONE);
        assertEquals(12.0, g.metrics().get("layer.separator.thickness").value(), 0);
        PhaseFractionsSettings none = new PhaseFractionsSettings();
        none.layers = "none";
        assertTrue(new PhaseFractions().run(inputs(truthLabels(p)), none, Monitor.NONE).metrics().keySet().stream()
                .noneMatch(k -> k.startsWith("layer.")));
    }

    @Test
    void segmentFindsTheSeparatorOfTheGreyPhantomToWithinASlice() throws Exception {
        CompositePhantom p = withSeparator();
        SegmentSettings s = new SegmentSettings();
        s.greyMeans = "8000,auto,auto";
        Result r = new Segment().run(inputs(p.volume()), s, Monitor.NONE);
        assertEquals(8.0, r.metrics().get("layer.separator.thickness").value(), 0.5);
        assertEquals(1.0, r.metrics().get("layer.separator.fraction.SE").value(), 0.01);
    }

    @Test
    void representativeVolumeTableShrinksItsSpreadWithTheBlockSize() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        var img = ArrayImgs.unsignedBytes(64, 64, 64);
        for (UnsignedByteType t : img) {
            t.set(random.nextInt(3));
        }
        Volume v = new Volume(img, "uint8", new double[] { 1, 1, 1 }, Axis.Z, Map.of());
        Table rve = new PhaseFractions().run(inputs(v), new PhaseFractionsSettings(), Monitor.NONE).tables()
                .get("rve");
        assertArrayEquals(new double[] { 0.125, 0.25, 0.5, 1 }, rve.column("edge_fraction").values(), 0);
        double[] spread = rve.column("fraction.1.std").values();
        // binomial spread of a 1/3 fraction over m voxels: sqrt(p(1-p)/m); 8^3-voxel blocks -> 0.0208
        assertEquals(Math.sqrt(2.0 / 9 / 512), spread[0], 0.003);
        assertTrue(spread[0] > spread[1] && spread[1] > spread[2] && spread[3] == 0);
    }

    /** Between-class variance criterion evaluated directly on the voxels for one set of thresholds. */
    static double betweenClassScore(int[] values, int[] thresholds) {
        int k = thresholds.length + 1;
        double[] sum = new double[k];
        long[] n = new long[k];
        for (int v : values) {
            int c = 0;
            while (c < thresholds.length && v >= thresholds[c]) {
                c++;
            }
            sum[c] += v;
            n[c]++;
        }
        double score = 0;
        for (int c = 0; c < k; c++) {
            if (n[c] > 0) {
                score += sum[c] * sum[c] / n[c];
            }
        }
        return score;
    }

    @Test
    void multiOtsuFindsTheBestThresholdsOfABruteForceSearch() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        int[] values = new int[16 * 16 * 16];
        for (int i = 0; i < values.length; i++) {
            // three overlapping populations on 0..255
            int c = random.nextInt(3);
            double g = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            values[i] = (int) Math.max(0, Math.min(255, Math.round(new int[] { 40, 110, 200 }[c] + 25 * g)));
        }
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        Volume v = new Volume(ArrayImgs.unsignedBytes(bytes, 16, 16, 16), "uint8", new double[] { 1, 1, 1 }, Axis.Z,
                Map.of());
        for (int classes = 2; classes <= 3; classes++) {
            SegmentSettings s = new SegmentSettings();
            s.method = SegmentMethod.OTSU;
            s.classes = classes;
            double[] t = Segment.segment(v, s, Monitor.NONE).thresholds();
            int[] found = new int[t.length];
            for (int j = 0; j < t.length; j++) {
                found[j] = (int) Math.ceil(t[j]);
            }
            double best = 0;
            if (classes == 2) {
                for (int a = 1; a < 256; a++) {
                    best = Math.max(best, betweenClassScore(values, new int[] { a }));
                }
            } else {
                for (int a = 1; a < 255; a++) {
                    for (int b = a + 1; b < 256; b++) {
                        best = Math.max(best, betweenClassScore(values, new int[] { a, b }));
                    }
                }
            }
            assertEquals(best, betweenClassScore(values, found), best * 1e-12, "classes " + classes);
        }
    }
}
