package org.stackscope.io.volume.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.stackscope.core.model.Axis;
import org.stackscope.core.model.Volume;
import org.stackscope.io.volume.tiff.SampleType;

import net.imglib2.RandomAccess;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;

/** Volumes with known voxel values, and checks that a read volume holds them. */
final class TestVolumes {

    private TestVolumes() {
    }

    /** A well-mixed 32-bit hash of the position; the same formula as make_libtiff_vectors.py. */
    static long noise(int x, int y, int z) {
        long h = (x * 73856093L ^ y * 19349663L ^ z * 83492791L) & 0xFFFFFFFFL;
        h = h * 2654435761L & 0xFFFFFFFFL;
        return h ^ h >>> 16;
    }

    /** {@code n} incompressible bytes. */
    static byte[] noiseBytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) noise(i, 0, 0);
        }
        return b;
    }

    /** The value {@code make_libtiff_vectors.py} and {@link #pattern} put at a position for a sample type. */
    static double expected(SampleType type, int x, int y, int z) {
        long h = noise(x, y, z);
        return switch (type) {
            case UINT8 -> h & 0xFF;
            case UINT16 -> h & 0xFFFF;
            case INT16 -> (short) (h & 0xFFFF);
            case FLOAT32 -> (h & 0xFFFFF) / 1024.0 - 512;
        };
    }

    /** A volume of the given type whose voxels are {@link #expected} values. */
    static Volume pattern(SampleType type, int width, int height, int depth, double... voxelSizeUm) {
        PlanarImg<? extends RealType<?>, ?> image = type.allocate(width, height, depth);
        RandomAccess<? extends RealType<?>> ra = image.randomAccess();
        for (int z = 0; z < depth; z++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    ra.setPosition(new int[] {x, y, z});
                    ra.get().setReal(expected(type, x, y, z));
                }
            }
        }
        return new Volume(image, type.id(), voxelSizeUm, Axis.Z, Map.of());
    }

    /** Asserts every voxel of {@code volume} equals {@link #expected} for {@code type}. */
    static void assertPattern(SampleType type, Volume volume, int width, int height, int depth) {
        assertPattern(volume, width, height, depth, (x, y, z) -> expected(type, x, y, z));
    }

    interface VoxelFunction {
        double at(int x, int y, int z);
    }

    static void assertPattern(Volume volume, int width, int height, int depth, VoxelFunction expected) {
        assertArrayEquals(new long[] {width, height, depth}, volume.dimensions());
        RandomAccess<? extends RealType<?>> ra = volume.image().randomAccess();
        for (int z = 0; z < depth; z++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    ra.setPosition(new int[] {x, y, z});
                    double want = expected.at(x, y, z);
                    double got = ra.get().getRealDouble();
                    if (Double.compare(want, got) != 0) {
                        assertEquals(want, got, "voxel (" + x + ", " + y + ", " + z + ")");
                    }
                }
            }
        }
    }
}
