package org.stackscope.analysis.microstructure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.stackscope.core.api.Monitor;

/**
 * {@link PackedScan} against the per-voxel scan it replaces for label volumes: every face, with its normals and
 * areas, must come out the same, in the same order (in the host's package: the scans are package-private).
 */
class PackedScanTest {

    /** Every face a scan reports, as numbers. */
    private static final class Recorder implements SurfaceScan.FaceSink {
        final List<double[]> faces = new ArrayList<>();

        @Override
        public void face(int x, int y, int z, int axis, int a, int b, double[] na, double areaA, double[] nb,
                double areaB) {
            faces.add(new double[] { x, y, z, axis, a, b, na[0], na[1], na[2], areaA, nb[0], nb[1], nb[2], areaB });
        }
    }

    /** Smooth-ish random labels: blobs of a few labels with single-voxel specks, so faces see 2 to 4 labels. */
    private static byte[][] labels(int nx, int ny, int nz, int[] values, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = new double[12][];
        for (int k = 0; k < centres.length; k++) {
            centres[k] = new double[] { random.nextDouble() * nx, random.nextDouble() * ny, random.nextDouble() * nz,
                    1 + random.nextDouble() * 4, values[random.nextInt(values.length)] };
        }
        byte[][] planes = new byte[nz][nx * ny];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    int v = values[0];
                    for (double[] c : centres) {
                        double dx = x - c[0];
                        double dy = y - c[1];
                        double dz = z - c[2];
                        if (dx * dx + dy * dy + dz * dz <= c[3] * c[3]) {
                            v = (int) c[4];
                        }
                    }
                    if (random.nextInt(50) == 0) {
                        v = values[random.nextInt(values.length)];
                    }
                    planes[z][y * nx + x] = (byte) v;
                }
            }
        }
        return planes;
    }

    private static int[] present(byte[][] planes) {
        boolean[] seen = new boolean[256];
        for (byte[] p : planes) {
            for (byte v : p) {
                seen[v & 0xff] = true;
            }
        }
        return java.util.stream.IntStream.range(0, 256).filter(v -> seen[v]).toArray();
    }

    @Test
    void packedScanReportsTheSameFacesNormalsAndAreasAsThePerVoxelScan() {
        int[][] sizes = { { 23, 17, 19 }, { 1, 9, 11 }, { 9, 1, 13 }, { 10, 12, 1 }, { 2, 3, 2 }, { 31, 2, 17 },
                { 16, 16, 16 } };
        int[][] labelSets = { { 0, 1, 2 }, { 3, 7, 200, 9 }, { 0, 1, 2, 3, 4, 5, 6, 7 } };
        double[][] voxelSizes = { { 1, 1, 1 }, { 0.5, 0.7, 2.3 } };
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            long seed = 1;
            int compared = 0;
            for (int[] size : sizes) {
                for (int[] values : labelSets) {
                    for (double[] voxel : voxelSizes) {
                        byte[][] planes = labels(size[0], size[1], size[2], values, seed++);
                        int[] present = present(planes);
                        List<Recorder> perVoxel = SurfaceScan.run(size[0], size[1], size[2], voxel,
                                SurfaceScan.ofBytes(planes), 256, Recorder::new, pool, Monitor.NONE);
                        List<Recorder> packed = SurfaceScan.run(size[0], size[1], size[2], voxel, planes, present,
                                Recorder::new, pool, Monitor.NONE);
                        assertEquals(perVoxel.size(), packed.size());
                        for (int c = 0; c < perVoxel.size(); c++) {
                            List<double[]> expected = perVoxel.get(c).faces;
                            List<double[]> actual = packed.get(c).faces;
                            assertEquals(expected.size(), actual.size(), "faces in chunk " + c);
                            for (int f = 0; f < expected.size(); f++) {
                                assertArrayEquals(expected.get(f), actual.get(f), 0, "face " + f + " of chunk " + c);
                            }
                            compared += expected.size();
                        }
                    }
                }
            }
            assertTrue(compared > 10_000, "faces compared: " + compared);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void moreThanEightLabelsFallBackToThePerVoxelScan() {
        int[] values = { 0, 1, 2, 3, 4, 5, 6, 7, 8 };
        byte[][] planes = labels(12, 11, 10, values, 99);
        int[] present = present(planes);
        assertEquals(9, present.length);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Recorder> perVoxel = SurfaceScan.run(12, 11, 10, new double[] { 1, 1, 1 },
                    SurfaceScan.ofBytes(planes), 256, Recorder::new, pool, Monitor.NONE);
            List<Recorder> viaLabels = SurfaceScan.run(12, 11, 10, new double[] { 1, 1, 1 }, planes, present,
                    Recorder::new, pool, Monitor.NONE);
            for (int c = 0; c < perVoxel.size(); c++) {
                assertEquals(perVoxel.get(c).faces.size(), viaLabels.get(c).faces.size());
                for (int f = 0; f < perVoxel.get(c).faces.size(); f++) {
                    assertArrayEquals(perVoxel.get(c).faces.get(f), viaLabels.get(c).faces.get(f), 0);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
