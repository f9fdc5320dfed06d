package org.stackscope.analysis.microstructure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.stackscope.core.api.CanceledException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.concurrent.Futures;

/**
 * Connected voids (6-connected voxels of one label) and the principal axes of each: runs of void along X are found
 * per plane in parallel, joined with union-find over runs (not voxels, so memory follows the void surface), and the
 * second moments of every void are summed in closed form per run. Order of all sums is fixed: identical results for
 * any thread count.
 */
final class VoidShapes {

    /**
     * Per void: voxel count, centroid (voxel index units), semi-axes of the equivalent ellipsoid (µm, a >= b >= c),
     * the unit minor axis, and whether it touches the volume border.
     */
    final long[] voxels;
    final double[][] centroid;
    final double[][] semiAxesUm;
    final double[][] minorAxis;
    final boolean[] touchesBorder;

    private VoidShapes(int count) {
        voxels = new long[count];
        centroid = new double[count][];
        semiAxesUm = new double[count][];
        minorAxis = new double[count][];
        touchesBorder = new boolean[count];
    }

    int count() {
        return voxels.length;
    }

    /** Runs of one plane: start (inclusive), end (exclusive) and row of each, in row order; rowStart[y] indexes them. */
    private record Runs(int[] start, int[] end, int[] rowStart) {
    }

    static VoidShapes of(LabelPlanes planes, int label, double[] voxelUm, ExecutorService pool, Monitor monitor) {
        int nx = planes.nx;
        int ny = planes.ny;
        int nz = planes.nz;
        List<Future<Runs>> futures = new ArrayList<>(nz);
        for (int z = 0; z < nz; z++) {
            byte[] plane = planes.planes[z];
            futures.add(pool.submit(() -> {
                if (monitor.isCanceled()) {
                    throw new CanceledException();
                }
                return runs(plane, nx, ny, (byte) label);
            }));
        }
        List<Runs> runs = Futures.awaitAll(futures, () -> { });
        int[] firstRun = new int[nz + 1];
        for (int z = 0; z < nz; z++) {
            firstRun[z + 1] = Math.addExact(firstRun[z], runs.get(z).start.length);
        }
        int[] parent = new int[firstRun[nz]];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int z = 0; z < nz; z++) {
            Runs here = runs.get(z);
            for (int y = 0; y < ny; y++) {
                if (y > 0) {
                    join(parent, here, firstRun[z], y, here, firstRun[z], y - 1);
                }
                if (z > 0) {
                    join(parent, here, firstRun[z], y, runs.get(z - 1), firstRun[z - 1], y);
                }
            }
        }
        // number the voids in scan order of their first run, then sum moments run by run
        int[] id = new int[parent.length];
        int count = 0;
        for (int i = 0; i < parent.length; i++) {
            int root = find(parent, i);
            id[i] = root == i ? count++ : id[root];
        }
        double[][] m = new double[count][10]; // n, Σx, Σy, Σz, Σxx, Σyy, Σzz, Σxy, Σxz, Σyz
        VoidShapes out = new VoidShapes(count);
        for (int z = 0; z < nz; z++) {
            Runs r = runs.get(z);
            for (int y = 0; y < ny; y++) {
                for (int k = r.rowStart[y]; k < r.rowStart[y + 1]; k++) {
                    int v = id[firstRun[z] + k];
                    int x0 = r.start[k];
                    int x1 = r.end[k];
                    double n = x1 - x0;
                    double sx = n * (x0 + x1 - 1) / 2.0;
                    double sxx = squares(x1) - squares(x0);
                    double[] s = m[v];
                    s[0] += n;
                    s[1] += sx;
                    s[2] += n * y;
                    s[3] += n * z;
                    s[4] += sxx;
                    s[5] += n * y * (double) y;
                    s[6] += n * z * (double) z;
                    s[7] += sx * y;
                    s[8] += sx * z;
                    s[9] += n * y * (double) z;
                    if (x0 == 0 || x1 == nx || y == 0 || y == ny - 1 || z == 0 || z == nz - 1) {
                        out.touchesBorder[v] = true;
                    }
                }
            }
        }
        for (int v = 0; v < count; v++) {
            out.shape(v, m[v], voxelUm);
        }
        return out;
    }

    /** Σ k² for k = 0 .. m-1. */
    private static double squares(long m) {
        return (m - 1) * m * (2 * m - 1) / 6.0;
    }

    private void shape(int v, double[] s, double[] h) {
        double n = s[0];
        double[] c = { s[1] / n, s[2] / n, s[3] / n };
        voxels[v] = (long) n;
        centroid[v] = c;
        // covariance in µm², plus the spread of a voxel itself (h²/12) so that small voids are not degenerate
        double[][] cov = new double[3][3];
        cov[0][0] = (s[4] / n - c[0] * c[0] + 1.0 / 12) * h[0] * h[0];
        cov[1][1] = (s[5] / n - c[1] * c[1] + 1.0 / 12) * h[1] * h[1];
        cov[2][2] = (s[6] / n - c[2] * c[2] + 1.0 / 12) * h[2] * h[2];
        cov[0][1] = cov[1][0] = (s[7] / n - c[0] * c[1]) * h[0] * h[1];
        cov[0][2] = cov[2][0] = (s[8] / n - c[0] * c[2]) * h[0] * h[2];
        cov[1][2] = cov[2][1] = (s[9] / n - c[1] * c[2]) * h[1] * h[2];
        double[][] vectors = new double[3][3];
        double[] values = Eigen3.symmetric(cov, vectors);
        // a solid ellipsoid of semi-axis a has variance a²/5 along it
        semiAxesUm[v] = new double[] { Math.sqrt(5 * Math.max(0, values[0])), Math.sqrt(5 * Math.max(0, values[1])),
            Math.sqrt(5 * Math.max(0, values[2])) };
        minorAxis[v] = vectors[2];
    }

    private static Runs runs(byte[] plane, int nx, int ny, byte label) {
        int[] start = new int[16];
        int[] end = new int[16];
        int[] rowStart = new int[ny + 1];
        int k = 0;
        for (int y = 0; y < ny; y++) {
            rowStart[y] = k;
            int row = y * nx;
            int x = 0;
            while (x < nx) {
                if (plane[row + x] != label) {
                    x++;
                    continue;
                }
                int from = x;
                while (x < nx && plane[row + x] == label) {
                    x++;
                }
                if (k == start.length) {
                    start = java.util.Arrays.copyOf(start, 2 * k);
                    end = java.util.Arrays.copyOf(end, 2 * k);
                }
                start[k] = from;
                end[k] = x;
                k++;
            }
        }
        rowStart[ny] = k;
        return new Runs(java.util.Arrays.copyOf(start, k), java.util.Arrays.copyOf(end, k), rowStart);
    }

    /** Unites overlapping runs of row y of {@code a} and row yb of {@code b} (both sorted by start). */
    private static void join(int[] parent, Runs a, int offsetA, int y, Runs b, int offsetB, int yb) {
        int i = a.rowStart[y];
        int iEnd = a.rowStart[y + 1];
        int j = b.rowStart[yb];
        int jEnd = b.rowStart[yb + 1];
        while (i < iEnd && j < jEnd) {
            if (a.start[i] < b.end[j] && b.start[j] < a.end[i]) {
                union(parent, offsetA + i, offsetB + j);
            }
            if (a.end[i] < b.end[j]) {
                i++;
            } else {
                j++;
            }
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Union keeping the smaller index as root, so roots are each void's first run in scan order. */
    private static void union(int[] parent, int i, int j) {
        int a = find(parent, i);
        int b = find(parent, j);
        if (a < b) {
            parent[b] = a;
        } else if (b < a) {
            parent[a] = b;
        }
    }
}
