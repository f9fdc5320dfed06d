package org.stackscope.analysis.microstructure.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stackscope.analysis.microstructure.Contact;
import org.stackscope.analysis.microstructure.ContactSettings;
import org.stackscope.analysis.microstructure.Segment;
import org.stackscope.analysis.microstructure.SegmentMethod;
import org.stackscope.analysis.microstructure.SegmentSettings;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.LabelVolume;
import org.stackscope.core.model.Volume;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Segmentation against the truth of {@link CompositePhantom}: 96 x 96 x 64 voxels, AM spheres (r = 7 +- 1.5) in SE
 * with 2-voxel void belts (+-3 voxels about their equators), grey 8000 / 22000 / 40000, PSF sigma 1 voxel, noise
 * 1500 (contrast-to-noise 9). Truth: void 0.1191, SE 0.4084, AM 0.4726, AM-SE contact (face count) 0.458.
 */
class SegmentTest {

    static CompositePhantom phantom;
    static double[] truth;
    static double truthContact;

    @BeforeAll
    static void generate() {
        phantom = CompositePhantom.generate(new CompositePhantom.Spec());
        truth = fractions(phantom.truth);
        truthContact = CompositePhantom.amSeContact(phantom.truth, phantom.spec.nx, phantom.spec.ny);
    }

    static double[] fractions(byte[][] labels) {
        return new double[] { CompositePhantom.fraction(labels, 0), CompositePhantom.fraction(labels, 1),
                CompositePhantom.fraction(labels, 2) };
    }

    @SuppressWarnings("unchecked")
    static byte[][] planes(LabelVolume labels) {
        PlanarImg<UnsignedByteType, ByteArray> img = (PlanarImg<UnsignedByteType, ByteArray>) labels.volume()
                .image();
        byte[][] out = new byte[img.numSlices()][];
        for (int z = 0; z < out.length; z++) {
            out[z] = img.getPlane(z).getCurrentStorageArray();
        }
        return out;
    }

    static Inputs inputs(Volume v) {
        return new Inputs(List.of(new Inputs.Input(Path.of("phantom.tif"), "0", "tiff", v)));
    }

    @Test
    void phantomHasTheIntendedComposition() {
        // a composite like the issue's: about 12% void, half AM, and a true AM-SE contact fraction near 0.46
        assertEquals(0.119, truth[0], 0.001);
        assertEquals(0.473, truth[2], 0.001);
        assertEquals(0.458, truthContact, 0.001);
    }

    /** The end-to-end check: the contact analysis on labels segmented from grey vs on the true labels. */
    @Test
    void contactAnalysisOnTheSegmentedGreyImageMatchesTheTruthWithin005() throws Exception {
        SegmentSettings pv = new SegmentSettings();
        pv.greyMeans = "8000,22000,40000";
        LabelVolume segmented = Segment.segment(phantom.volume(), pv, Monitor.NONE).labels();
        PlanarImg<UnsignedByteType, ByteArray> img = PlanarImgs.unsignedBytes(phantom.spec.nx, phantom.spec.ny,
                phantom.spec.nz);
        for (int z = 0; z < phantom.spec.nz; z++) {
            System.arraycopy(phantom.truth[z], 0, img.getPlane(z).getCurrentStorageArray(), 0, phantom.truth[z].length);
        }
        LabelVolume truthLabels = new LabelVolume(new Volume(img, "uint8", phantom.volume().voxelSizeUm(),
                phantom.volume().pressureAxis(), Map.of()), Map.of(0, "VOID", 1, "SE", 2, "AM"));

        double truthContact = amSeContact(truthLabels);
        double measured = amSeContact(segmented);
        assertEquals(truthContact, measured, 0.05, "AM-SE contact fraction from grey vs truth");
        SegmentSettings otsu = new SegmentSettings();
        otsu.method = SegmentMethod.OTSU;
        double otsuContact = amSeContact(Segment.segment(phantom.volume(), otsu, Monitor.NONE).labels());
        assertTrue(otsuContact > truthContact + 0.3, "multi-Otsu's false SE skin: " + otsuContact);
    }

    private static double amSeContact(LabelVolume labels) throws Exception {
        ContactSettings settings = new ContactSettings();
        settings.phases = "0=VOID,1=SE,2=AM";
        return new Contact().run(inputs(labels.volume()), settings, Monitor.NONE).metrics()
                .get("contact.AM_SE.fraction").value();
    }

    @Test
    void multiOtsuGivesTheFalseSeSkinAndThePartialVolumeFitDoesNot() throws Exception {
        SegmentSettings otsu = new SegmentSettings();
        otsu.method = SegmentMethod.OTSU;
        byte[][] o = planes(Segment.segment(phantom.volume(), otsu, Monitor.NONE).labels());
        double[] fo = fractions(o);
        double otsuContact = CompositePhantom.amSeContact(o, phantom.spec.nx, phantom.spec.ny);
        // Otsu: the blur hides the void peak, so its first threshold lands in SE and AM rims next to voids become SE
        assertTrue(fo[0] > truth[0] + 0.2, "Otsu void " + fo[0] + " vs true " + truth[0]);
        assertTrue(otsuContact > 0.9, "Otsu AM-SE contact " + otsuContact + " vs true " + truthContact);
        assertTrue(phantom.boundaryAccuracy(o) < 0.55);

        SegmentSettings pv = new SegmentSettings();
        pv.greyMeans = "8000,22000,40000"; // known grey of each phase; PSF sigma is estimated
        Segment.Segmented s = Segment.segment(phantom.volume(), pv, Monitor.NONE);
        byte[][] l = planes(s.labels());
        double[] f = fractions(l);
        for (int k = 0; k < 3; k++) {
            assertEquals(truth[k], f[k], 0.01, "fraction of label " + k);
        }
        // about +0.03 from a nearest-mean start; the sharpened start ends within 0.02
        assertEquals(truthContact, CompositePhantom.amSeContact(l, phantom.spec.nx, phantom.spec.ny), 0.02);
        assertTrue(phantom.boundaryAccuracy(l) > 0.85, "boundary accuracy " + phantom.boundaryAccuracy(l));
        assertEquals(1.0, s.psfSigma(), 0.1, "estimated PSF sigma");
        assertEquals(1500, s.noise(), 150, "noise from the fit residual");
    }

    @Test
    void meansOfThickPhasesAreEstimatedFromTheFlatVoxels() throws Exception {
        SegmentSettings pv = new SegmentSettings();
        pv.greyMeans = "8000,auto,auto"; // only the void, which never shows pure grey in 2-voxel belts
        pv.psfSigma = 1;
        Segment.Segmented s = Segment.segment(phantom.volume(), pv, Monitor.NONE);
        assertEquals(22000, s.means()[1], 300);
        assertEquals(40000, s.means()[2], 300);
        double[] f = fractions(planes(s.labels()));
        for (int k = 0; k < 3; k++) {
            assertEquals(truth[k], f[k], 0.01, "fraction of label " + k);
        }
    }

    @Test
    void resultIsTheSameForAnyThreadCount() throws Exception {
        CompositePhantom.Spec spec = new CompositePhantom.Spec();
        spec.nx = 40;
        spec.ny = 40;
        spec.nz = 36;
        spec.particles = 40;
        CompositePhantom small = CompositePhantom.generate(spec);
        SegmentSettings one = new SegmentSettings();
        one.threads = 1;
        SegmentSettings three = new SegmentSettings();
        three.threads = 3;
        byte[][] a = planes(Segment.segment(small.volume(), one, Monitor.NONE).labels());
        byte[][] b = planes(Segment.segment(small.volume(), three, Monitor.NONE).labels());
        for (int z = 0; z < a.length; z++) {
            assertArrayEquals(a[z], b[z], "plane " + z);
        }
    }

    @Test
    void manualThresholdsLabelAtOrAboveEachThreshold() throws Exception {
        Volume v = new Volume(ArrayImgs.unsignedShorts(new short[] { 0, 99, 100, 101, 499, 500, 9000, 65 }, 2, 2, 2),
                "uint16", new double[] { 1, 1, 1 }, Axis.Z, Map.of());
        SegmentSettings s = new SegmentSettings();
        s.method = SegmentMethod.MANUAL;
        s.thresholds = "100,500";
        Segment.Segmented out = Segment.segment(v, s, Monitor.NONE);
        byte[][] labels = planes(out.labels());
        assertArrayEquals(new byte[] { 0, 0, 1, 1 }, labels[0]);
        assertArrayEquals(new byte[] { 1, 2, 2, 0 }, labels[1]);
    }

    @Test
    void analysisReportsFractionsWithUncertaintyModelAndTheLabelVolume() throws Exception {
        SegmentSettings s = new SegmentSettings();
        s.greyMeans = "8000,auto,auto";
        Result r = new Segment().run(inputs(phantom.volume()), s, Monitor.NONE);
        assertEquals(truth[0], r.metrics().get("fraction.VOID").value(), 0.01);
        assertTrue(r.metrics().get("fraction.AM").hasUncertainty());
        assertTrue(r.metrics().get("fraction.AM").uncertainty() < 0.03);
        assertEquals(1.0, r.metrics().get("psf.sigma").value(), 0.1);
        assertTrue(r.tables().containsKey("rve") && r.tables().containsKey("profile"));
        assertEquals(64, r.tables().get("profile").rowCount());
        // the labels travel with the result (written to the results folder, or passed to a later recipe step)
        LabelVolume labels = (LabelVolume) r.volumes().get("labels");
        assertEquals("AM", labels.phaseName(2));
        assertArrayEquals(new long[] { 96, 96, 64 }, labels.volume().dimensions());
        assertEquals(truth[2], fractions(planes(labels))[2], 0.01);
    }

    @Test
    void floatVolumesKeepTheirGreyUnitsInThresholdsAndMeans() throws Exception {
        float[] grey = new float[16 * 16 * 16];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = (i % 16) < 8 ? -1.5f : 2.5f; // two phases split at x = 8
        }
        Volume v = new Volume(ArrayImgs.floats(grey, 16, 16, 16), "float32", new double[] { 1, 1, 1 }, Axis.Z,
                Map.of());
        SegmentSettings s = new SegmentSettings();
        s.classes = 2;
        s.phases = "0=SE,1=AM";
        Segment.Segmented out = Segment.segment(v, s, Monitor.NONE);
        assertEquals(-1.5, out.means()[0], 1e-3);
        assertEquals(2.5, out.means()[1], 1e-3);
        assertEquals(0.5, CompositePhantom.fraction(planes(out.labels()), 1), 0);
        s.method = SegmentMethod.MANUAL;
        s.thresholds = "0.5";
        assertEquals(0.5, CompositePhantom.fraction(planes(Segment.segment(v, s, Monitor.NONE).labels()), 1), 0);
    }

    @Test
    void cancelStopsTheRun() {
        SegmentSettings s = new SegmentSettings();
        s.threads = 2;
        assertThrows(org.stackscope.core.api.CanceledException.class,
                () -> new Segment().run(inputs(phantom.volume()), s, Monitor.cancelable(() -> true)));
    }

    @Test
    void badSettingsAreRefusedBeforeAnyWork() {
        Segment seg = new Segment();
        InputSpec grey = new InputSpec(List.of(DataKind.VOLUME));
        SegmentSettings manual = new SegmentSettings();
        manual.method = SegmentMethod.MANUAL;
        manual.thresholds = "100";
        assertThrows(InvalidSettingsException.class, () -> seg.configure(grey, manual));
        manual.thresholds = "500,100";
        assertThrows(InvalidSettingsException.class, () -> seg.configure(grey, manual));
        SegmentSettings means = new SegmentSettings();
        means.greyMeans = "1,x,3";
        assertThrows(InvalidSettingsException.class, () -> seg.configure(grey, means));
        assertThrows(InvalidSettingsException.class,
                () -> seg.configure(new InputSpec(List.of(DataKind.LABELS)), new SegmentSettings()));
    }
}
