package org.stackscope.analysis.microstructure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.stackscope.core.api.Monitor;

/**
 * The packed plane-wise scan (at most eight labels present) against the per-voxel 27-neighbour scan, face by face:
 * same faces in the same order, normals and areas equal to 1e-12, on random 3-4 phase volumes of odd sizes (1-3
 * voxels thick along each axis, several chunks along Z) with anisotropic voxels; and identical for 1 and 3 threads.
 * In this package (the fragment shares the host's class loader) because SurfaceScan is package-private.
 */
class SurfaceScanPackedTest {

    private static final double[] VOXEL_UM = { 0.7, 1.3, 2.1 };

    /** Every face as (x, y, z, axis, a, b) and (na, areaA, nb, areaB). */
    private static final class Faces implements SurfaceScan.FaceSink {
        final List<int[]> where = new ArrayList<>();
        final List<double[]> what = new ArrayList<>();
        private final int skipped;

        Faces(int skipped) {
            this.skipped = skipped;
        }

        @Override
        public boolean wants(int a, int b) {
            return a != skipped && b != skipped;
        }

        @Override
        public void face(int x, int y, int z, int axis, int a, int b, double[] na, double areaA, double[] nb,
                double areaB) {
            where.add(new int[] { x, y, z, axis, a, b });
            what.add(new double[] { na[0], na[1], na[2], areaA, nb[0], nb[1], nb[2], areaB });
        }
    }

    /** Random blobs of the given labels (first one the matrix) with scattered single voxels of every label. */
    private static byte[][] blobs(int nx, int ny, int nz, int[] labels, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] planes = new byte[nz][nx * ny];
        for (byte[] plane : planes) {
            Arrays.fill(plane, (byte) labels[0]);
        }
        int blobs = Math.max(2, nx * ny * nz / 60);
        for (int k = 0; k < blobs; k++) {
            int label = labels[1 + random.nextInt(labels.length - 1)];
            double cx = random.nextDouble(nx), cy = random.nextDouble(ny), cz = random.nextDouble(nz);
            double r = 1 + random.nextDouble(3);
            for (int z = 0; z < nz; z++) {
                for (int y = 0; y < ny; y++) {
                    for (int x = 0; x < nx; x++) {
                        double dx = x - cx, dy = y - cy, dz = z - cz;
                        if (dx * dx + dy * dy + dz * dz <= r * r) {
                            planes[z][x + nx * y] = (byte) label;
                        }
                    }
                }
            }
        }
        for (int k = 0; k < nx * ny * nz / 20; k++) {
            planes[random.nextInt(nz)][random.nextInt(nx * ny)] = (byte) labels[random.nextInt(labels.length)];
        }
        return planes;
    }

    private static int[] present(byte[][] planes) {
        boolean[] seen = new boolean[256];
        for (byte[] plane : planes) {
            for (byte b : plane) {
                seen[b & 0xff] = true;
            }
        }
        return IntStream.range(0, 256).filter(v -> seen[v]).toArray();
    }

    private static List<Faces> packed(int nx, int ny, int nz, byte[][] planes, int threads, int skipped) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            return SurfaceScan.runLabels(nx, ny, nz, VOXEL_UM, planes, present(planes), () -> new Faces(skipped),
                    pool, Monitor.NONE);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Faces> perVoxel(int nx, int ny, int nz, byte[][] planes, int skipped) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            return SurfaceScan.run(nx, ny, nz, VOXEL_UM, SurfaceScan.ofBytes(planes), 256, () -> new Faces(skipped),
                    pool, Monitor.NONE);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Faces of each chunk compared by position (the packed scan visits a chunk by strips of rows). */
    private static void assertSame(List<Faces> expected, List<Faces> actual, double tolerance, String name) {
        assertEquals(expected.size(), actual.size(), name);
        for (int c = 0; c < expected.size(); c++) {
            Faces e = expected.get(c), a = actual.get(c);
            assertEquals(e.where.size(), a.where.size(), name + " chunk " + c);
            Integer[] eOrder = byPosition(e), aOrder = byPosition(a);
            for (int f = 0; f < eOrder.length; f++) {
                int[] where = e.where.get(eOrder[f]);
                assertArrayEquals(where, a.where.get(aOrder[f]), name + " chunk " + c);
                assertArrayEquals(e.what.get(eOrder[f]), a.what.get(aOrder[f]), tolerance,
                        name + " face at " + Arrays.toString(where));
            }
        }
    }

    /** Face indices sorted by z, y, x, axis. */
    private static Integer[] byPosition(Faces faces) {
        Integer[] order = new Integer[faces.where.size()];
        Arrays.setAll(order, f -> f);
        Comparator<int[]> position = Comparator.<int[]> comparingInt(w -> w[2]).thenComparingInt(w -> w[1])
                .thenComparingInt(w -> w[0]).thenComparingInt(w -> w[3]);
        Arrays.sort(order, (f, g) -> position.compare(faces.where.get(f), faces.where.get(g)));
        return order;
    }

    @Test
    void packedScanGivesThePerVoxelNormalsAndAreasOnEveryFace() {
        int[][] sizes = { { 1, 7, 11 }, { 9, 1, 13 }, { 11, 13, 1 }, { 2, 3, 19 }, { 3, 17, 2 }, { 13, 2, 3 },
                { 17, 19, 21 }, { 23, 5, 9 }, { 700, 27, 3 } };
        int[][] labelSets = { { 1, 0, 2 }, { 200, 0, 3, 7 } };
        long faces = 0;
        long seed = 1;
        for (int[] size : sizes) {
            for (int[] labels : labelSets) {
                int nx = size[0], ny = size[1], nz = size[2];
                byte[][] planes = blobs(nx, ny, nz, labels, seed++);
                String name = nx + "x" + ny + "x" + nz + " labels " + Arrays.toString(labels);
                List<Faces> expected = perVoxel(nx, ny, nz, planes, -1);
                assertSame(expected, packed(nx, ny, nz, planes, 1, -1), 1e-12, name);
                // skipped pairs (wants) are skipped alike
                assertSame(perVoxel(nx, ny, nz, planes, labels[1]), packed(nx, ny, nz, planes, 1, labels[1]), 1e-12,
                        name + " without " + labels[1]);
                faces += expected.stream().mapToLong(f -> f.where.size()).sum();
            }
        }
        assertTrue(faces > 10_000, "faces compared: " + faces);
    }

    @Test
    void packedScanGivesIdenticalChunksForOneAndThreeThreads() {
        byte[][] planes = blobs(21, 17, 45, new int[] { 2, 0, 1, 3 }, 99);
        assertSame(packed(21, 17, 45, planes, 1, -1), packed(21, 17, 45, planes, 3, -1), 0, "1 vs 3 threads");
    }

    @Test
    void moreThanEightLabelsTakeThePerVoxelScan() {
        int[] labels = { 0, 1, 2, 3, 4, 5, 6, 7, 8 };
        byte[][] planes = blobs(15, 14, 13, labels, 5);
        assertEquals(9, present(planes).length);
        assertSame(perVoxel(15, 14, 13, planes, -1), packed(15, 14, 13, planes, 2, -1), 0, "nine labels");
    }

    @Test
    void aLabelMissingFromThePresentListIsRejected() {
        byte[][] planes = blobs(6, 5, 4, new int[] { 1, 2 }, 3);
        planes[2][7] = 9;
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Exception e = assertThrows(RuntimeException.class, () -> SurfaceScan.runLabels(6, 5, 4, VOXEL_UM, planes,
                    new int[] { 1, 2 }, () -> new Faces(-1), pool, Monitor.NONE));
            Throwable cause = e;
            while (!(cause instanceof IllegalArgumentException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertTrue(cause instanceof IllegalArgumentException && cause.getMessage().contains("label 9"),
                    e.toString());
        } finally {
            pool.shutdownNow();
        }
    }
}
