package org.stackscope.analysis.microstructure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stackscope.analysis.microstructure.Contact;
import org.stackscope.analysis.microstructure.ContactSettings;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.Volume;

import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * The surface estimator against analytic areas: digital spheres of radius 5-30 voxels (4πr²), cylinders through
 * the volume (2πrL, ends on the volume border are not surface), and PuMA's sphere and cylinder of radius 40.
 */
class SurfaceEstimatorTest {

    private static double area(Volume v) throws AnalysisException {
        ContactSettings s = new ContactSettings();
        s.phases = "1=IN";
        Result r = new Contact().run(Phantoms.inputs(v), s, Monitor.NONE);
        return r.metrics().get("surface.IN.area").value();
    }

    @Test
    void sphereAreaBiasIsBelowTwoAndAHalfPercentForRadiiFiveToThirty() throws AnalysisException {
        StringBuilder report = new StringBuilder("sphere r, estimated/true area:");
        for (int r = 5; r <= 30; r += 5) {
            double bias = area(Phantoms.sphere(r)) / (4 * Math.PI * r * r) - 1;
            report.append(String.format(" %d: %+.2f%%", r, 100 * bias));
            assertEquals(0, bias, 0.025, "radius " + r);
        }
        System.out.println(report);
    }

    @Test
    void rawFaceCountingOverestimatesByFiftyPercentAndTheEstimatorDoesNot() throws AnalysisException {
        Volume v = Phantoms.sphere(20);
        long faces = 0;
        @SuppressWarnings("unchecked")
        PlanarImg<UnsignedByteType, ByteArray> img = (PlanarImg<UnsignedByteType, ByteArray>) v.image();
        int n = (int) v.dimensions()[0];
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    int here = label(img, x, y, z, n);
                    faces += (here != label(img, x + 1, y, z, n) ? 1 : 0) + (here != label(img, x, y + 1, z, n) ? 1 : 0)
                            + (here != label(img, x, y, z + 1, n) ? 1 : 0);
                }
            }
        }
        double truth = 4 * Math.PI * 400;
        assertEquals(1.5, faces / truth, 0.03, "face counting: +50 % on a sphere");
        assertEquals(1.0, area(v) / truth, 0.025);
    }

    private static int label(PlanarImg<UnsignedByteType, ByteArray> img, int x, int y, int z, int n) {
        if (x >= n || y >= n || z >= n) {
            return label(img, Math.min(x, n - 1), Math.min(y, n - 1), Math.min(z, n - 1), n);
        }
        return img.getPlane(z).getCurrentStorageArray()[x + n * y];
    }

    @Test
    void cylinderLateralAreaAlongEachAxis() throws AnalysisException {
        for (Axis axis : Axis.values()) {
            for (int r : new int[] { 6, 15 }) {
                double truth = 2 * Math.PI * r * 40;
                assertEquals(1.0, area(Phantoms.cylinder(r, axis, 40)) / truth, 0.025, "r " + r + " along " + axis);
            }
        }
    }

    @Test
    void anisotropicVoxelsGiveThePhysicalArea() throws AnalysisException {
        // a sphere of radius 12 µm sampled with 1 x 1 x 2 µm voxels
        double r = 12;
        int n = 32;
        Volume v = Phantoms.volume(n, n, n / 2, (x, y, z) -> {
            double dx = x - 15.7;
            double dy = y - 16.2;
            double dz = 2 * z - 16.3;
            return dx * dx + dy * dy + dz * dz <= r * r ? 1 : 0;
        }).withGeometry(new double[] { 1, 1, 2 }, Axis.Z);
        assertEquals(1.0, area(v) / (4 * Math.PI * r * r), 0.03);
    }

    /** PuMA's 100³ grey sphere of radius 40 voxels, thresholded at 128 (file calibration ignored: voxel units). */
    @Test
    void pumaSphereR40() throws Exception {
        Volume grey = Phantoms.shared("puma_100_sphere_r40.tif");
        Volume v = threshold(grey);
        double truth = 4 * Math.PI * 40 * 40;
        double ratio = area(v) / truth;
        System.out.printf("PuMA sphere r40: estimated/true area = %.4f%n", ratio);
        assertEquals(1.0, ratio, 0.03);
    }

    /** PuMA's cylinder of radius 40 voxels through all 100 pages: lateral area 2π·40·100. */
    @Test
    void pumaCylinderR40() throws Exception {
        Volume v = threshold(Phantoms.shared("puma_100_cylinder_r40.tif"));
        assertEquals(100, v.dimensions()[2]);
        double truth = 2 * Math.PI * 40 * 100;
        double ratio = area(v) / truth;
        System.out.printf("PuMA cylinder r40: estimated/true area = %.4f%n", ratio);
        assertEquals(1.0, ratio, 0.03);
    }

    /** Label 1 for the class (grey >= 128 or < 128) that holds the volume's centre, 0 for the other. */
    private static Volume threshold(Volume grey) {
        long[] d = grey.dimensions();
        var ra = grey.image().randomAccess();
        boolean brightInside = ra.setPositionAndGet(d[0] / 2, d[1] / 2, d[2] / 2).getRealDouble() >= 128;
        return Phantoms.volume((int) d[0], (int) d[1], (int) d[2], (x, y, z) -> {
            boolean bright = ra.setPositionAndGet(x, y, z).getRealDouble() >= 128;
            return bright == brightInside ? 1 : 0;
        });
    }

    @Test
    void contactFractionOfTwoHalfSpacesIsExact() throws AnalysisException {
        // AM below z = 10, SE above in x < 10, VOID above in x >= 10: AM's top is half SE, half void
        Volume v = Phantoms.volume(20, 20, 20, (x, y, z) -> z < 10 ? Phantoms.AM : x < 10 ? Phantoms.SE
                : Phantoms.VOID);
        Result r = new Contact().run(Phantoms.inputs(Phantoms.labels(v)), new ContactSettings(), Monitor.NONE);
        assertEquals(400, r.metrics().get("surface.AM.area").value(), 1e-9);
        assertEquals(0.5, r.metrics().get("contact.AM_SE.fraction").value(), 1e-12);
        assertEquals(0.5, r.metrics().get("contact.AM_VOID.fraction").value(), 1e-12);
        assertTrue(r.metrics().get("contact.SE_VOID.fraction").value() > 0);
    }
}
