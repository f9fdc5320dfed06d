package org.stackscope.analysis.microstructure;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import org.stackscope.core.api.CanceledException;
import org.stackscope.core.api.Monitor;

/**
 * {@link SurfaceScan}'s face scan for label planes with at most {@link #LANES} labels, with every Sobel gradient
 * computed for whole planes at once. Each voxel's indicators of all labels are packed into one long, 8 bits (a lane)
 * per label, and the separable 3x3x3 Sobel filters (smoothing [1 2 1], derivative [-1 0 1] along each axis) run on
 * those longs: a few plain array loops per plane, which the JIT vectorises, give every label's gradient at every
 * voxel, where the per-voxel scan needs 27 lookups per voxel and label. A derivative adds a bias to every lane so
 * that lanes stay within 0..32: no carry or borrow ever crosses into the next lane. Edges repeat the outer voxels as
 * in the per-voxel scan, and faces are visited in the same order, so normals, areas and sums are the same.
 */
final class PackedScan {

    /** Labels one long holds. */
    static final int LANES = 8;
    private static final long ONES = 0x0101010101010101L;
    /** Bias of a gradient lane: its -16..16 is stored as 0..32. */
    private static final int BIAS = 16;

    private final int nx;
    private final int ny;
    private final int nz;
    private final byte[][] labels;
    /** By label value: 1 in the label's lane. */
    private final long[] indicator;
    /** By label value: the bit offset of its lane. */
    private final int[] shift;
    private final double[] inverseVoxel;
    private final double[] faceArea;

    /** Per plane, in a ring of 3 by z % 3: Sy Sx P, Sy Dx P (bias 4) and Dy Sx P (bias 4). */
    private final long[][] smooth = new long[3][];
    private final long[][] xDerivative = new long[3][];
    private final long[][] yDerivative = new long[3][];
    private final int[] planeZ = { -1, -1, -1 };
    /** Gradient planes (bias 16 per lane) in a ring of 2 by z % 2. */
    private final long[][] gx = new long[2][];
    private final long[][] gy = new long[2][];
    private final long[][] gz = new long[2][];
    private final int[] gradientZ = { -1, -1 };
    /** Rows filtered along X, ring of 3 by y % 3: Sx P and Dx P (bias 1); and one row of P. */
    private final long[][] sxRows = new long[3][];
    private final long[][] dxRows = new long[3][];
    private final int[] rowY = new int[3];
    private final long[] packed;

    private final double[] gA = new double[3];
    private final double[] gB = new double[3];
    private final double[] nA = new double[3];
    private final double[] nB = new double[3];

    /** @param present the label values in the planes, at most {@link #LANES}; each gets the lane of its index */
    PackedScan(int nx, int ny, int nz, double[] voxelUm, byte[][] labels, int[] present) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.labels = labels;
        this.inverseVoxel = SurfaceScan.inverse(voxelUm);
        this.faceArea = SurfaceScan.faceAreas(voxelUm);
        indicator = new long[256];
        shift = new int[256];
        for (int k = 0; k < present.length; k++) {
            indicator[present[k]] = 1L << (8 * k);
            shift[present[k]] = 8 * k;
        }
        int n = nx * ny;
        for (int s = 0; s < 3; s++) {
            smooth[s] = new long[n];
            xDerivative[s] = new long[n];
            yDerivative[s] = new long[n];
            sxRows[s] = new long[nx];
            dxRows[s] = new long[nx];
        }
        for (int s = 0; s < 2; s++) {
            gx[s] = new long[n];
            gy[s] = new long[n];
            gz[s] = new long[n];
        }
        packed = new long[nx];
    }

    /** Passes the faces of planes from .. to-1 (and those to the plane above) to the sink, in scan order. */
    void scan(int from, int to, SurfaceScan.FaceSink sink, Monitor monitor) {
        for (int z = from; z < to; z++) {
            if (monitor.isCanceled()) {
                throw new CanceledException();
            }
            byte[] here = labels[z];
            boolean hasAbove = z + 1 < nz;
            byte[] above = hasAbove ? labels[z + 1] : null;
            int gz0 = gradient(z);
            int gAbove = hasAbove ? gradient(z + 1) : -1;
            for (int y = 0; y < ny; y++) {
                int row = y * nx;
                int end = row + nx;
                boolean lastRow = y + 1 >= ny;
                // groups of 8 voxels: the voxels with a face up X, Y or Z found by comparing 8 labels at once
                for (int g = row; g < end; g += 8) {
                    int count = Math.min(8, end - g);
                    int candidates = count == 8 && g + 8 < end && !lastRow && hasAbove
                            ? faceMask(here, above, g) : 0xff >>> (8 - count);
                    for (; candidates != 0; candidates &= candidates - 1) {
                        int i = g + Integer.numberOfTrailingZeros(candidates);
                        int x = i - row;
                        byte a = here[i];
                        if (x + 1 < nx && here[i + 1] != a) {
                            face(sink, x, y, z, 0, a & 0xff, here[i + 1] & 0xff, gz0, i, gz0, i + 1);
                        }
                        if (!lastRow && here[i + nx] != a) {
                            face(sink, x, y, z, 1, a & 0xff, here[i + nx] & 0xff, gz0, i, gz0, i + nx);
                        }
                        if (hasAbove && above[i] != a) {
                            face(sink, x, y, z, 2, a & 0xff, above[i] & 0xff, gz0, i, gAbove, i);
                        }
                    }
                }
            }
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    /** Bit j set if voxel g + j differs from its neighbour up X, Y or Z (all of them inside the volume). */
    private int faceMask(byte[] here, byte[] above, int g) {
        long centre = (long) LONGS.get(here, g);
        long differ = ((long) LONGS.get(here, g + 1) ^ centre) | ((long) LONGS.get(here, g + nx) ^ centre)
                | ((long) LONGS.get(above, g) ^ centre);
        return Segmentation.nonZeroBytes(differ);
    }

    /**
     * The face between voxel i (code a, gradient slot gp) and its neighbour q (code b, slot gq): each label's normal
     * from its gradient summed over both voxels.
     */
    private void face(SurfaceScan.FaceSink sink, int x, int y, int z, int axis, int a, int b, int gp, int i, int gq,
            int q) {
        if (!sink.wants(a, b)) {
            return;
        }
        long px = gx[gp][i];
        long py = gy[gp][i];
        long pz = gz[gp][i];
        long qx = gx[gq][q];
        long qy = gy[gq][q];
        long qz = gz[gq][q];
        int sa = shift[a];
        int sb = shift[b];
        gA[0] = ((px >>> sa) & 0xff) + ((qx >>> sa) & 0xff) - 2 * BIAS;
        gA[1] = ((py >>> sa) & 0xff) + ((qy >>> sa) & 0xff) - 2 * BIAS;
        gA[2] = ((pz >>> sa) & 0xff) + ((qz >>> sa) & 0xff) - 2 * BIAS;
        gB[0] = ((px >>> sb) & 0xff) + ((qx >>> sb) & 0xff) - 2 * BIAS;
        gB[1] = ((py >>> sb) & 0xff) + ((qy >>> sb) & 0xff) - 2 * BIAS;
        gB[2] = ((pz >>> sb) & 0xff) + ((qz >>> sb) & 0xff) - 2 * BIAS;
        double areaA = SurfaceScan.outward(gA, axis, 1, nA, inverseVoxel, faceArea);
        double areaB = SurfaceScan.outward(gB, axis, -1, nB, inverseVoxel, faceArea);
        sink.face(x, y, z, axis, a, b, nA, areaA, nB, areaB);
    }

    /** Slot of the gradient planes of plane z (0 <= z < nz), computed if not in the ring. */
    private int gradient(int z) {
        int slot = z & 1;
        if (gradientZ[slot] == z) {
            return slot;
        }
        int lo = filtered(z - 1);
        int mid = filtered(z);
        int hi = filtered(z + 1);
        long[] dxLo = xDerivative[lo];
        long[] dxMid = xDerivative[mid];
        long[] dxHi = xDerivative[hi];
        long[] dyLo = yDerivative[lo];
        long[] dyMid = yDerivative[mid];
        long[] dyHi = yDerivative[hi];
        long[] sLo = smooth[lo];
        long[] sHi = smooth[hi];
        long[] ox = gx[slot];
        long[] oy = gy[slot];
        long[] oz = gz[slot];
        long bias = BIAS * ONES;
        for (int i = 0; i < ox.length; i++) {
            ox[i] = dxLo[i] + 2 * dxMid[i] + dxHi[i];
            oy[i] = dyLo[i] + 2 * dyMid[i] + dyHi[i];
            oz[i] = sHi[i] + bias - sLo[i];
        }
        gradientZ[slot] = z;
        return slot;
    }

    /** Slot of plane z's XY-filtered planes (z clamped to the volume), computed if not in the ring. */
    private int filtered(int z) {
        int zc = Math.max(0, Math.min(nz - 1, z));
        int slot = zc % 3;
        if (planeZ[slot] == zc) {
            return slot;
        }
        byte[] p = labels[zc];
        long[] s = smooth[slot];
        long[] dx = xDerivative[slot];
        long[] dy = yDerivative[slot];
        long bias = 4 * ONES;
        java.util.Arrays.fill(rowY, -1);
        for (int y = 0; y < ny; y++) {
            long[] sxLow = xRow(p, Math.max(0, y - 1));
            long[] sxMid = xRow(p, y);
            long[] sxHigh = xRow(p, Math.min(ny - 1, y + 1));
            long[] dxLow = dxRows[Math.max(0, y - 1) % 3];
            long[] dxMid = dxRows[y % 3];
            long[] dxHigh = dxRows[Math.min(ny - 1, y + 1) % 3];
            int row = y * nx;
            for (int x = 0; x < nx; x++) {
                s[row + x] = sxLow[x] + 2 * sxMid[x] + sxHigh[x];
                dx[row + x] = dxLow[x] + 2 * dxMid[x] + dxHigh[x];
                dy[row + x] = sxHigh[x] + bias - sxLow[x];
            }
        }
        planeZ[slot] = zc;
        return slot;
    }

    /** Row y of plane p filtered along X (Sx into sxRows, Dx with bias 1 into dxRows, slot y % 3); returns Sx. */
    private long[] xRow(byte[] p, int y) {
        int slot = y % 3;
        long[] sx = sxRows[slot];
        if (rowY[slot] == y) {
            return sx;
        }
        long[] dx = dxRows[slot];
        int row = y * nx;
        for (int x = 0; x < nx; x++) {
            packed[x] = indicator[p[row + x] & 0xff];
        }
        int last = nx - 1;
        for (int x = 1; x < last; x++) {
            sx[x] = packed[x - 1] + 2 * packed[x] + packed[x + 1];
            dx[x] = packed[x + 1] + ONES - packed[x - 1];
        }
        // the edges repeat the outer voxel
        long right = packed[Math.min(1, last)];
        sx[0] = 3 * packed[0] + right;
        dx[0] = right + ONES - packed[0];
        if (last > 0) {
            long left = packed[last - 1];
            sx[last] = left + 3 * packed[last];
            dx[last] = packed[last] + ONES - left;
        }
        rowY[slot] = y;
        return sx;
    }
}
