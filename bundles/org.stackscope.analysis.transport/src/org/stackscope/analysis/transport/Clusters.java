package org.stackscope.analysis.transport;

import org.stackscope.core.api.Monitor;

/**
 * Connected clusters of the selected voxels of a {@link PhaseMask}-ordered grid and how each touches the inlet
 * (first slice) and outlet (last slice) faces. Labelling is union-find on a primitive parent array: slabs of slices
 * are labelled in parallel, then joined across slab boundaries; the classification does not depend on the slabs.
 */
final class Clusters {

    /** Voxel classes in {@link #classes()}; -1 = not selected. */
    static final byte THROUGH = 0;
    static final byte INLET_ONLY = 1;
    static final byte OUTLET_ONLY = 2;
    static final byte ISOLATED = 3;

    private final byte[] classes;
    private final long[] voxelsPerClass;
    private final int clusters;

    private Clusters(byte[] classes, long[] voxelsPerClass, int clusters) {
        this.classes = classes;
        this.voxelsPerClass = voxelsPerClass;
        this.clusters = clusters;
    }

    /** Class of each voxel (THROUGH, INLET_ONLY, OUTLET_ONLY, ISOLATED or -1), in the grid's flat order. */
    byte[] classes() {
        return classes;
    }

    long voxels(byte voxelClass) {
        return voxelsPerClass[voxelClass];
    }

    long selectedVoxels() {
        return voxelsPerClass[0] + voxelsPerClass[1] + voxelsPerClass[2] + voxelsPerClass[3];
    }

    /** Number of connected clusters. */
    int count() {
        return clusters;
    }

    /**
     * Labels the voxels with a phase index {@code >= 0}.
     *
     * @param connectivity 6 (faces), 18 (faces and edges) or 26 (faces, edges and corners)
     * @param periodicSides whether clusters connect across the side faces (u and v wrap around)
     */
    static Clusters find(byte[] voxels, int nu, int nv, int nw, int connectivity, boolean periodicSides,
            SlicePool pool, Monitor monitor) {
        int[][] offsets = backwardOffsets(connectivity);
        int plane = nu * nv;
        int[] parent = new int[voxels.length];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i; // every voxel its own root before any union (wrap-around neighbours come later in scan order)
        }
        // slabs of slices, labelled independently (unions stay inside a slab's index range)
        int slabs = Math.max(1, Math.min(nw, 64));
        pool.forEach(slabs, (fromSlab, toSlab) -> {
            for (int s = fromSlab; s < toSlab; s++) {
                monitor.checkCanceled();
                int w0 = slabStart(s, slabs, nw);
                int w1 = slabStart(s + 1, slabs, nw);
                for (int w = w0; w < w1; w++) {
                    for (int v = 0; v < nv; v++) {
                        for (int u = 0; u < nu; u++) {
                            int i = (w * nv + v) * nu + u;
                            if (voxels[i] < 0) {
                                continue;
                            }
                            joinBackward(voxels, parent, offsets, u, v, w, w0, nu, nv, plane, periodicSides);
                        }
                    }
                }
            }
        });
        // join each slab to the slice before it (sequentially: these unions cross slab ranges)
        int[][] previousSliceOffsets = java.util.Arrays.stream(offsets).filter(o -> o[2] == -1)
                .toArray(int[][]::new);
        for (int s = 1; s < slabs; s++) {
            int w = slabStart(s, slabs, nw);
            for (int v = 0; v < nv; v++) {
                for (int u = 0; u < nu; u++) {
                    if (voxels[(w * nv + v) * nu + u] >= 0) {
                        joinBackward(voxels, parent, previousSliceOffsets, u, v, w, w - 1, nu, nv, plane,
                                periodicSides);
                    }
                }
            }
        }
        monitor.checkCanceled();
        // which roots touch the inlet and the outlet: flags kept in the class array, at the root's index
        byte[] classes = new byte[voxels.length];
        final byte inlet = 1;
        final byte outlet = 2;
        int lastSlice = (nw - 1) * plane;
        for (int i = 0; i < plane; i++) {
            if (voxels[i] >= 0) {
                classes[find(parent, i)] |= inlet;
            }
            if (voxels[lastSlice + i] >= 0) {
                classes[find(parent, lastSlice + i)] |= outlet;
            }
        }
        int roots = 0;
        for (int i = 0; i < voxels.length; i++) {
            if (voxels[i] >= 0 && parent[i] == i) {
                roots++;
            }
        }
        // a root is the lowest index of its cluster, so it is classified before any of its members, which copy it
        long[] counts = new long[4];
        for (int i = 0; i < voxels.length; i++) {
            if (voxels[i] < 0) {
                classes[i] = -1;
                continue;
            }
            int root = find(parent, i);
            classes[i] = root == i ? switch (classes[i]) {
                case inlet | outlet -> THROUGH;
                case inlet -> INLET_ONLY;
                case outlet -> OUTLET_ONLY;
                default -> ISOLATED;
            } : classes[root];
            counts[classes[i]]++;
        }
        return new Clusters(classes, counts, roots);
    }

    private static int slabStart(int slab, int slabs, int nw) {
        return (int) ((long) nw * slab / slabs);
    }

    /** Unions voxel (u, v, w) with its selected neighbours that come earlier in scan order, not before slice wMin. */
    private static void joinBackward(byte[] voxels, int[] parent, int[][] offsets, int u, int v, int w, int wMin,
            int nu, int nv, int plane, boolean periodic) {
        int i = (w * nv + v) * nu + u;
        for (int[] o : offsets) {
            int nw = w + o[2];
            if (nw < wMin) {
                continue;
            }
            int nu2 = u + o[0];
            int nv2 = v + o[1];
            if (nu2 < 0 || nu2 >= nu) {
                if (!periodic || nu < 3) {
                    continue;
                }
                nu2 = Math.floorMod(nu2, nu);
            }
            if (nv2 < 0 || nv2 >= nv) {
                if (!periodic || nv < 3) {
                    continue;
                }
                nv2 = Math.floorMod(nv2, nv);
            }
            int j = nw * plane + nv2 * nu + nu2;
            if (voxels[j] >= 0) {
                union(parent, i, j);
            }
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]]; // path halving
            i = parent[i];
        }
        return i;
    }

    /** Links the higher root below the lower one, so a root is always the lowest index of its tree. */
    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra < rb) {
            parent[rb] = ra;
        } else if (rb < ra) {
            parent[ra] = rb;
        }
    }

    /**
     * Neighbour offsets (du, dv, dw) that precede a voxel in scan order (w slowest), for 6-, 18- or 26-connectivity.
     * With wrap-around, a neighbour at u = -1 lies after the voxel in memory; union-find does not mind the order.
     */
    static int[][] backwardOffsets(int connectivity) {
        if (connectivity != 6 && connectivity != 18 && connectivity != 26) {
            throw new IllegalArgumentException("connectivity must be 6, 18 or 26, not " + connectivity);
        }
        java.util.List<int[]> out = new java.util.ArrayList<>();
        for (int dw = -1; dw <= 0; dw++) {
            for (int dv = -1; dv <= 1; dv++) {
                for (int du = -1; du <= 1; du++) {
                    boolean before = dw < 0 || (dw == 0 && (dv < 0 || (dv == 0 && du < 0)));
                    int order = Math.abs(du) + Math.abs(dv) + Math.abs(dw);
                    int maxOrder = connectivity == 6 ? 1 : connectivity == 18 ? 2 : 3;
                    if (before && order <= maxOrder) {
                        out.add(new int[] { du, dv, dw });
                    }
                }
            }
        }
        return out.toArray(int[][]::new);
    }
}
