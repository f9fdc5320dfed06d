package org.stackscope.analysis.microstructure.tests;

import java.util.Map;
import java.util.SplittableRandom;

import org.stackscope.core.model.Axis;
import org.stackscope.core.model.Volume;

import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.integer.UnsignedShortType;

/**
 * Synthetic composite with known truth: AM spheres (label 2) in SE (label 1) with voids (label 0) as belts around the
 * particles' equators (a shell of {@code beltThickness} voxels outside the sphere, within {@code beltHalfHeight} of
 * its equator plane, where no particle is), optionally under an SE-only separator of {@code separatorSlices} slices
 * at the top of Z. Rendered to 16-bit grey by the class means, a Gaussian blur (the CT point-spread function) and
 * Gaussian noise. Everything is generated plane by plane from a fixed seed.
 */
final class CompositePhantom {

    static final byte VOID = 0;
    static final byte SE = 1;
    static final byte AM = 2;

    /** Settings of the phantom; grey means in the CT order void < SE < AM. */
    static final class Spec {
        int nx = 96;
        int ny = 96;
        int nz = 64;
        double radius = 7;
        double radiusSpread = 1.5;
        int particles = 280;
        double beltThickness = 2.0;
        double beltHalfHeight = 3;
        int separatorSlices = 0;
        double[] means = { 8000, 22000, 40000 };
        double psfSigma = 1.0;
        double noise = 1500;
        long seed = 1;
    }

    final Spec spec;
    /** True labels {@code [z][x + y * nx]}. */
    final byte[][] truth;
    /** Rendered grey. */
    final short[][] grey;

    private CompositePhantom(Spec spec, byte[][] truth, short[][] grey) {
        this.spec = spec;
        this.truth = truth;
        this.grey = grey;
    }

    static CompositePhantom generate(Spec s) {
        SplittableRandom random = new SplittableRandom(s.seed);
        int compositeSlices = s.nz - s.separatorSlices;
        double[][] spheres = new double[s.particles][];
        for (int p = 0; p < s.particles; p++) {
            double r = s.radius + (random.nextDouble() * 2 - 1) * s.radiusSpread;
            // centres anywhere in the composite: particles are cut by the faces and by the separator, so the AM
            // fraction profile is flat up to the layer boundary
            spheres[p] = new double[] { random.nextDouble() * s.nx, random.nextDouble() * s.ny,
                    random.nextDouble() * compositeSlices, r };
        }
        byte[][] truth = new byte[s.nz][s.nx * s.ny];
        for (int z = 0; z < s.nz; z++) {
            byte[] t = truth[z];
            java.util.Arrays.fill(t, SE);
            if (z >= compositeSlices) {
                continue;
            }
            for (double[] sp : spheres) {
                double dz = z - sp[2];
                double outer = sp[3] + s.beltThickness;
                if (Math.abs(dz) > outer) {
                    continue;
                }
                paint(t, s, sp, dz, outer, Math.abs(dz) <= s.beltHalfHeight ? VOID : -1);
            }
            for (double[] sp : spheres) {
                double dz = z - sp[2];
                if (Math.abs(dz) <= sp[3]) {
                    paint(t, s, sp, dz, sp[3], AM);
                }
            }
        }
        return new CompositePhantom(s, truth, render(truth, s));
    }

    /** Sets voxels within {@code radius} of the sphere centre (in this plane) to {@code label} (skipped if < 0). */
    private static void paint(byte[] plane, Spec s, double[] sp, double dz, double radius, int label) {
        if (label < 0) {
            return;
        }
        double rr = radius * radius - dz * dz;
        for (int y = (int) Math.max(0, Math.floor(sp[1] - radius)); y <= Math.min(s.ny - 1, sp[1] + radius); y++) {
            for (int x = (int) Math.max(0, Math.floor(sp[0] - radius)); x <= Math.min(s.nx - 1, sp[0] + radius); x++) {
                double dx = x - sp[0];
                double dy = y - sp[1];
                if (dx * dx + dy * dy <= rr) {
                    plane[y * s.nx + x] = (byte) label;
                }
            }
        }
    }

    /** Grey = Gaussian blur of the class means + noise, plane by plane (z, then x, then y; edges replicated). */
    private static short[][] render(byte[][] truth, Spec s) {
        int r = (int) Math.ceil(3 * s.psfSigma);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = s.psfSigma > 0 ? Math.exp(-0.5 * i * i / (s.psfSigma * s.psfSigma)) : (i == 0 ? 1 : 0);
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        int n = s.nx * s.ny;
        short[][] grey = new short[s.nz][n];
        SplittableRandom noise = new SplittableRandom(s.seed * 31 + 7);
        double[] a = new double[n];
        double[] b = new double[n];
        for (int z = 0; z < s.nz; z++) {
            java.util.Arrays.fill(a, 0);
            for (int j = -r; j <= r; j++) {
                byte[] t = truth[Math.min(s.nz - 1, Math.max(0, z + j))];
                for (int i = 0; i < n; i++) {
                    a[i] += k[j + r] * s.means[t[i]];
                }
            }
            for (int y = 0; y < s.ny; y++) {
                for (int x = 0; x < s.nx; x++) {
                    double v = 0;
                    for (int j = -r; j <= r; j++) {
                        v += k[j + r] * a[y * s.nx + Math.min(s.nx - 1, Math.max(0, x + j))];
                    }
                    b[y * s.nx + x] = v;
                }
            }
            for (int y = 0; y < s.ny; y++) {
                for (int x = 0; x < s.nx; x++) {
                    double v = 0;
                    for (int j = -r; j <= r; j++) {
                        v += k[j + r] * b[Math.min(s.ny - 1, Math.max(0, y + j)) * s.nx + x];
                    }
                    v += s.noise * gaussian(noise);
                    grey[z][y * s.nx + x] = (short) Math.min(65535, Math.max(0, Math.round(v)));
                }
            }
        }
        return grey;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller, one value per call (deterministic sequence)
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    Volume volume() {
        PlanarImg<UnsignedShortType, ShortArray> img = PlanarImgs.unsignedShorts(spec.nx, spec.ny, spec.nz);
        for (int z = 0; z < spec.nz; z++) {
            img.setPlane(z, new ShortArray(grey[z]));
        }
        return new Volume(img, "uint16", new double[] { 0.5, 0.5, 0.5 }, Axis.Z, Map.of());
    }

    /** Fraction of voxels with this label. */
    static double fraction(byte[][] labels, int label) {
        long count = 0;
        long all = 0;
        for (byte[] p : labels) {
            for (byte v : p) {
                if (v == label) {
                    count++;
                }
            }
            all += p.length;
        }
        return (double) count / all;
    }

    /**
     * Contact fraction of AM with SE by face counting: AM faces touching SE / AM faces touching anything else. Biased
     * as a surface measure, but the same estimator on truth and segmentation shows a false skin.
     */
    static double amSeContact(byte[][] labels, int nx, int ny) {
        long se = 0;
        long all = 0;
        int nz = labels.length;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    if (labels[z][y * nx + x] != AM) {
                        continue;
                    }
                    int[][] nb = { { x - 1, y, z }, { x + 1, y, z }, { x, y - 1, z }, { x, y + 1, z }, { x, y, z - 1 },
                            { x, y, z + 1 } };
                    for (int[] q : nb) {
                        if (q[0] < 0 || q[1] < 0 || q[2] < 0 || q[0] >= nx || q[1] >= ny || q[2] >= nz) {
                            continue;
                        }
                        byte v = labels[q[2]][q[1] * nx + q[0]];
                        if (v != AM) {
                            all++;
                            if (v == SE) {
                                se++;
                            }
                        }
                    }
                }
            }
        }
        return (double) se / all;
    }

    /** Fraction of the true boundary voxels (a 6-neighbour of another true label) labelled correctly. */
    double boundaryAccuracy(byte[][] labels) {
        int nx = spec.nx;
        int ny = spec.ny;
        int nz = spec.nz;
        long boundary = 0;
        long correct = 0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    int i = y * nx + x;
                    byte t = truth[z][i];
                    boolean edge = (x > 0 && truth[z][i - 1] != t) || (x < nx - 1 && truth[z][i + 1] != t)
                            || (y > 0 && truth[z][i - nx] != t) || (y < ny - 1 && truth[z][i + nx] != t)
                            || (z > 0 && truth[z - 1][i] != t) || (z < nz - 1 && truth[z + 1][i] != t);
                    if (edge) {
                        boundary++;
                        if (labels[z][i] == t) {
                            correct++;
                        }
                    }
                }
            }
        }
        return (double) correct / boundary;
    }
}
