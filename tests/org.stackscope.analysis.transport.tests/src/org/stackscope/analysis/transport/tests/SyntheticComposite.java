package org.stackscope.analysis.transport.tests;

import java.util.Map;
import java.util.SplittableRandom;

import org.stackscope.core.model.Axis;
import org.stackscope.core.model.Volume;

import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/** Benchmark structures: a matrix (label 0) with randomly placed, overlapping spheres (label 1). */
final class SyntheticComposite {

    private SyntheticComposite() {
    }

    /** Spheres of {@code radius} voxels until the matrix is down to about {@code matrixFraction}; 1 µm voxels. */
    static Volume spheres(int nx, int ny, int nz, int radius, double matrixFraction, long seed) {
        PlanarImg<UnsignedByteType, ByteArray> img = PlanarImgs.unsignedBytes(nx, ny, nz);
        // Boolean model: matrix fraction = exp(-n * sphere volume / box volume)
        double sphere = 4.0 / 3 * Math.PI * radius * radius * radius;
        long count = Math.round(-Math.log(matrixFraction) * nx * (double) ny * nz / sphere);
        SplittableRandom random = new SplittableRandom(seed);
        for (long s = 0; s < count; s++) {
            int cx = random.nextInt(nx);
            int cy = random.nextInt(ny);
            int cz = random.nextInt(nz);
            for (int z = Math.max(0, cz - radius); z <= Math.min(nz - 1, cz + radius); z++) {
                byte[] plane = img.getPlane(z).getCurrentStorageArray();
                for (int y = Math.max(0, cy - radius); y <= Math.min(ny - 1, cy + radius); y++) {
                    int dyz = (y - cy) * (y - cy) + (z - cz) * (z - cz);
                    for (int x = Math.max(0, cx - radius); x <= Math.min(nx - 1, cx + radius); x++) {
                        if ((x - cx) * (x - cx) + dyz <= radius * radius) {
                            plane[x + nx * y] = 1;
                        }
                    }
                }
            }
        }
        return new Volume(img, "uint8", new double[] { 1, 1, 1 }, Axis.Z, Map.of());
    }

    /** Fraction of label-0 voxels. */
    static double matrixFraction(Volume volume) {
        @SuppressWarnings("unchecked")
        PlanarImg<UnsignedByteType, ByteArray> img = (PlanarImg<UnsignedByteType, ByteArray>) volume.image();
        long zero = 0;
        long total = 0;
        for (int z = 0; z < img.numSlices(); z++) {
            for (byte b : img.getPlane(z).getCurrentStorageArray()) {
                zero += b == 0 ? 1 : 0;
                total++;
            }
        }
        return (double) zero / total;
    }
}
