package org.stackscope.analysis.microstructure;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.stackscope.core.api.CanceledException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.concurrent.Futures;

/**
 * Splits one phase into particles: exact Euclidean distance transform of the phase (separable, Felzenszwalb &
 * Huttenlocher lower envelope of parabolas, with the voxel size per axis), then a watershed of the distance map
 * from its h-maxima: voxels are flooded in order of decreasing distance with union-find, and two basins meeting at a
 * saddle stay separate only if both peaks rise at least {@code h} above the saddle (otherwise the lower one is
 * merged into the higher, as marker-controlled watershed from h-maxima does). The volume's border does not count
 * as background. Everything is in a fixed order, so the labels do not depend on the thread count.
 */
final class ParticleLabels {

    /** Particle index (1..count) per voxel (x + nx * (y + ny * z)), 0 outside the phase. */
    final int[] label;
    final int count;

    private ParticleLabels(int[] label, int count) {
        this.label = label;
        this.count = count;
    }

    static ParticleLabels of(LabelPlanes planes, int phase, double[] voxelUm, double hUm, ExecutorService pool,
            Monitor monitor) {
        int nx = planes.nx;
        int ny = planes.ny;
        int nz = planes.nz;
        int n = Math.multiplyExact(Math.multiplyExact(nx, ny), nz);
        float[] d2 = new float[n];
        int inside = 0;
        for (int z = 0; z < nz; z++) {
            byte[] p = planes.planes[z];
            for (int i = 0; i < p.length; i++) {
                boolean in = (p[i] & 0xff) == phase;
                d2[z * p.length + i] = in ? Float.POSITIVE_INFINITY : 0;
                inside += in ? 1 : 0;
            }
        }
        int[] dims = { nx, ny, nz };
        int[] stride = { 1, nx, nx * ny };
        for (int axis = 0; axis < 3; axis++) {
            transformAxis(d2, dims, stride, axis, voxelUm[axis], pool, monitor);
        }
        // flood order: decreasing distance, ties by voxel index (a total order)
        long[] order = new long[inside];
        for (int i = 0, k = 0; i < n; i++) {
            if (d2[i] > 0) {
                order[k++] = ((long) Float.floatToIntBits(d2[i]) << 32) | i;
            }
        }
        Arrays.parallelSort(order);
        int[] label = new int[n];
        int[] parent = new int[16];
        float[] peak = new float[16];
        int components = 0;
        int[] roots = new int[6];
        for (int k = inside - 1; k >= 0; k--) {
            if ((k & 0xfffff) == 0 && monitor.isCanceled()) {
                throw new CanceledException();
            }
            int v = (int) order[k];
            int x = v % nx;
            int y = v / nx % ny;
            int z = v / (nx * ny);
            int found = 0;
            found = neighbour(label, parent, x > 0 ? v - 1 : -1, roots, found);
            found = neighbour(label, parent, x < nx - 1 ? v + 1 : -1, roots, found);
            found = neighbour(label, parent, y > 0 ? v - nx : -1, roots, found);
            found = neighbour(label, parent, y < ny - 1 ? v + nx : -1, roots, found);
            found = neighbour(label, parent, z > 0 ? v - stride[2] : -1, roots, found);
            found = neighbour(label, parent, z < nz - 1 ? v + stride[2] : -1, roots, found);
            float level = (float) Math.sqrt(d2[v]);
            if (found == 0) {
                if (components + 1 == parent.length) {
                    parent = Arrays.copyOf(parent, parent.length * 2);
                    peak = Arrays.copyOf(peak, peak.length * 2);
                }
                components++;
                parent[components] = components;
                peak[components] = level;
                label[v] = components;
                continue;
            }
            int main = roots[0];
            for (int r = 1; r < found; r++) {
                if (peak[roots[r]] > peak[main] || (peak[roots[r]] == peak[main] && roots[r] < main)) {
                    main = roots[r];
                }
            }
            for (int r = 0; r < found; r++) {
                if (roots[r] != main && peak[roots[r]] - level < hUm) {
                    parent[roots[r]] = main; // a shallow basin joins the deeper one
                }
            }
            label[v] = main;
        }
        // particle numbers in scan order of their first voxel
        int[] number = new int[components + 1];
        int particles = 0;
        for (int i = 0; i < n; i++) {
            if (label[i] != 0) {
                int root = find(parent, label[i]);
                if (number[root] == 0) {
                    number[root] = ++particles;
                }
                label[i] = number[root];
            }
        }
        return new ParticleLabels(label, particles);
    }

    /** Adds the root of a labelled neighbour to {@code roots} unless already there; returns the new count. */
    private static int neighbour(int[] label, int[] parent, int w, int[] roots, int found) {
        if (w < 0 || label[w] == 0) {
            return found;
        }
        int root = find(parent, label[w]);
        for (int r = 0; r < found; r++) {
            if (roots[r] == root) {
                return found;
            }
        }
        roots[found] = root;
        return found + 1;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Squared distance along one axis for every line, lines in parallel (each line is independent). */
    private static void transformAxis(float[] d2, int[] dims, int[] stride, int axis, double h,
            ExecutorService pool, Monitor monitor) {
        int len = dims[axis];
        int a1 = axis == 0 ? 1 : 0;
        int a2 = axis == 2 ? 1 : 2;
        java.util.List<Future<?>> futures = new java.util.ArrayList<>();
        for (int j = 0; j < dims[a2]; j++) {
            int outer = j;
            futures.add(pool.submit(() -> {
                if (monitor.isCanceled()) {
                    throw new CanceledException();
                }
                float[] f = new float[len];
                float[] out = new float[len];
                int[] v = new int[len];
                double[] zs = new double[len + 1];
                for (int i = 0; i < dims[a1]; i++) {
                    int base = i * stride[a1] + outer * stride[a2];
                    for (int q = 0; q < len; q++) {
                        f[q] = d2[base + q * stride[axis]];
                    }
                    lowerEnvelope(f, out, v, zs, h);
                    for (int q = 0; q < len; q++) {
                        d2[base + q * stride[axis]] = out[q];
                    }
                }
                return null;
            }));
        }
        Futures.awaitAll(futures, () -> { });
    }

    /**
     * 1-D squared distance transform: out[p] = min_q f[q] + (h (p - q))². Infinite entries (phase voxels with no
     * background on the line yet) stay infinite when the whole line is phase: the border is not background.
     */
    static void lowerEnvelope(float[] f, float[] out, int[] v, double[] z, double h) {
        int len = f.length;
        int k = -1;
        double h2 = h * h;
        for (int q = 0; q < len; q++) {
            if (f[q] == Float.POSITIVE_INFINITY) {
                continue;
            }
            if (k < 0) {
                k = 0;
                v[0] = q;
                z[0] = Double.NEGATIVE_INFINITY;
                z[1] = Double.POSITIVE_INFINITY;
                continue;
            }
            double s;
            while (true) {
                int p = v[k];
                s = ((f[q] + h2 * q * q) - (f[p] + h2 * (double) p * p)) / (2 * h2 * (q - p));
                if (s <= z[k]) {
                    k--;
                    if (k < 0) {
                        break;
                    }
                } else {
                    break;
                }
            }
            k++;
            v[k] = q;
            z[k] = k == 0 ? Double.NEGATIVE_INFINITY : s;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        if (k < 0) {
            Arrays.fill(out, Float.POSITIVE_INFINITY);
            return;
        }
        int j = 0;
        for (int q = 0; q < len; q++) {
            while (z[j + 1] < q) {
                j++;
            }
            double dq = h * (q - v[j]);
            out[q] = (float) (dq * dq + f[v[j]]);
        }
    }
}
