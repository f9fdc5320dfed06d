package org.stackscope.analysis.microstructure.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.stackscope.core.api.DataObject;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.LabelVolume;
import org.stackscope.core.model.Volume;
import org.stackscope.io.volume.tiff.TiffImporter;

import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Phantoms with known geometry: digital spheres and cylinders, and composites of active-material spheres in
 * electrolyte with voids laid around each particle on a known part of its surface, so that the true contact
 * fraction per polar angle is analytic.
 */
final class Phantoms {

    static final int VOID = 0;
    static final int SE = 1;
    static final int AM = 2;
    static final Map<Integer, String> PHASES = Map.of(VOID, "VOID", SE, "SE", AM, "AM");

    interface LabelFunction {
        int label(int x, int y, int z);
    }

    private Phantoms() {
    }

    static Volume volume(int nx, int ny, int nz, LabelFunction f) {
        PlanarImg<UnsignedByteType, ByteArray> img = PlanarImgs.unsignedBytes(nx, ny, nz);
        for (int z = 0; z < nz; z++) {
            byte[] plane = img.getPlane(z).getCurrentStorageArray();
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    plane[x + nx * y] = (byte) f.label(x, y, z);
                }
            }
        }
        return new Volume(img, "uint8", new double[] { 1, 1, 1 }, Axis.Z, Map.of());
    }

    static Inputs inputs(DataObject data) {
        return new Inputs(List.of(new Inputs.Input(Path.of("phantom.tif"), "0", "phantom", data)));
    }

    /** Label 1 inside a sphere of radius r (voxel centres at integer positions, centre off the grid), 0 outside. */
    static Volume sphere(double r) {
        int n = (int) Math.ceil(2 * r) + 8;
        double c = n / 2.0 + 0.37;
        double cy = n / 2.0 + 0.21;
        double cz = n / 2.0 + 0.13;
        return volume(n, n, n, (x, y, z) -> sq(x - c) + sq(y - cy) + sq(z - cz) <= r * r ? 1 : 0);
    }

    /** Label 1 inside a cylinder of radius r whose axis runs along {@code axis} through the whole volume. */
    static Volume cylinder(double r, Axis axis, int length) {
        int n = (int) Math.ceil(2 * r) + 8;
        double c = n / 2.0 + 0.29;
        double d = n / 2.0 + 0.11;
        int[] dims = { n, n, n };
        dims[axis.index()] = length;
        return volume(dims[0], dims[1], dims[2], (x, y, z) -> {
            double[] p = { x, y, z };
            double u = p[(axis.index() + 1) % 3] - c;
            double v = p[(axis.index() + 2) % 3] - d;
            return u * u + v * v <= r * r ? 1 : 0;
        });
    }

    /** Where, around each particle, the voids lie. */
    enum Loss {
        /** Void on the particle's surface where the polar angle to Z exceeds 90° - halfAngle (an equatorial belt). */
        BELT,
        /** Void on a cap of the given half angle around +X (contact lost on one side). */
        CAP_X,
        /** Void on the whole surface (an isolated particle). */
        SHELL
    }

    /**
     * A composite of AM spheres of radius {@code r} on a cubic grid of pitch {@code pitch} ({@code cells}³ of them,
     * centres slightly off the voxel grid) in SE; a void shell of thickness {@code t} covers each particle's surface
     * where {@code loss} says (decided by the direction from the particle centre, so the truth is analytic).
     */
    static Volume composite(int cells, int pitch, double r, double t, Loss loss, double halfAngleDeg) {
        int n = cells * pitch;
        double sinBelt = Math.sin(Math.toRadians(halfAngleDeg));
        double cosCap = Math.cos(Math.toRadians(halfAngleDeg));
        return volume(n, n, n, (x, y, z) -> {
            double dx = x % pitch - pitch / 2.0 + 0.23;
            double dy = y % pitch - pitch / 2.0 + 0.41;
            double dz = z % pitch - pitch / 2.0 + 0.17;
            double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
            if (d <= r) {
                return AM;
            }
            if (d > r + t) {
                return SE;
            }
            return switch (loss) {
                case BELT -> Math.abs(dz) / d < sinBelt ? VOID : SE;
                case CAP_X -> dx / d > cosCap ? VOID : SE;
                case SHELL -> VOID;
            };
        });
    }

    static LabelVolume labels(Volume v) {
        return new LabelVolume(v, PHASES);
    }

    /** True fraction of a sphere's surface in the folded polar band [t1, t2] (deg) that touches the belt void. */
    static double beltFraction(double t1, double t2, double halfAngleDeg) {
        double edge = 90 - halfAngleDeg;
        if (t2 <= edge) {
            return 0;
        }
        double lo = Math.max(t1, edge);
        return (cos(lo) - cos(t2)) / (cos(t1) - cos(t2));
    }

    private static double cos(double deg) {
        return Math.cos(Math.toRadians(deg));
    }

    private static double sq(double v) {
        return v * v;
    }

    /** A volume of shared/testdata/volumes (folder from the system property stackscope.shared); skips if absent. */
    static Volume shared(String name) throws Exception {
        String shared = System.getProperty("stackscope.shared");
        Path file = shared == null ? null : Path.of(shared, "testdata", "volumes", name);
        assumeTrue(file != null && Files.isRegularFile(file), "shared test data not available: " + name);
        return new TiffImporter().read(file, ImportSettings.DEFAULTS, Monitor.NONE);
    }
}
