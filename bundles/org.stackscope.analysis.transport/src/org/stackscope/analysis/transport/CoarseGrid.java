package org.stackscope.analysis.transport;

/**
 * A coarse multigrid level: the Galerkin operator {@code Pᵀ A P} of a finer grid with piecewise-constant
 * prolongation over 2×2×2 blocks. That operator is again a 7-point stencil whose face conductances are the sums of
 * the fine faces between two blocks, so blocks stay connected exactly where the pore space connects them. The
 * stencil is stored per cell, so a grid of this kind also serves as a stored copy of the finest level
 * ({@link #stored}).
 */
final class CoarseGrid extends StencilGrid {

    /** Heap taken per cell by the stored stencil. */
    static final int BYTES_PER_CELL = 3 * Float.BYTES;

    private final float[] gu;
    private final float[] gv;
    private final float[] gw;

    private CoarseGrid(int nu, int nv, int nw, boolean periodicU, boolean periodicV) {
        super(nu, nv, nw, periodicU, periodicV);
        int cells = nu * nv * nw;
        gu = new float[cells];
        gv = new float[cells];
        gw = new float[cells];
    }

    /** The next coarser level of {@code fine}; a face inside a block (also across a wrap-around) drops out. */
    static CoarseGrid coarsen(StencilGrid fine, SlicePool pool) {
        CoarseGrid c = new CoarseGrid((fine.nu + 1) / 2, (fine.nv + 1) / 2, (fine.nw + 1) / 2, fine.periodicU,
                fine.periodicV);
        fine.forSlices(pool, c.nw, (from, to) -> {
            Faces f = fine.newFaces();
            for (int cw = from; cw < to; cw++) {
                float[] coarseBoundary = cw == 0 ? c.inletBoundary : c.outletBoundary;
                for (int w = 2 * cw; w < Math.min(2 * cw + 2, fine.nw); w++) {
                    boolean lastW = c.nw > 1 && w == lastOfBlock(cw, fine.nw);
                    for (int v = 0; v < fine.nv; v++) {
                        fine.faces(v, w, f, 0, 1);
                        boolean lastV = c.nv > 1 && v == lastOfBlock(v / 2, fine.nv);
                        int start = c.rowStart(v / 2, cw);
                        for (int u = 0; u < fine.nu; u++) {
                            int i = start + u / 2;
                            float boundary = f.bd[f.atD + u];
                            if (boundary != 0) {
                                coarseBoundary[i - cw * c.plane] += boundary;
                            }
                            if (c.nu > 1 && u == lastOfBlock(u / 2, fine.nu)) {
                                c.gu[i] += f.gu[f.at + u];
                            }
                            if (lastV) {
                                c.gv[i] += f.gv[f.at + u];
                            }
                            if (lastW) {
                                c.gw[i] += f.gw[f.at + u];
                            }
                        }
                    }
                }
            }
        });
        return c;
    }

    /** The same operator as {@code grid}, bit for bit, but read from stored arrays instead of built per row. */
    static CoarseGrid stored(StencilGrid grid, SlicePool pool) {
        CoarseGrid c = new CoarseGrid(grid.nu, grid.nv, grid.nw, grid.periodicU, grid.periodicV);
        grid.forSlices(pool, c.nw, (from, to) -> {
            Faces f = grid.newFaces();
            for (int w = from; w < to; w++) {
                for (int v = 0; v < c.nv; v++) {
                    grid.faces(v, w, f, 0, 1);
                    int start = c.rowStart(v, w);
                    System.arraycopy(f.gu, f.at, c.gu, start, c.nu);
                    System.arraycopy(f.gv, f.at, c.gv, start, c.nu);
                    System.arraycopy(f.gw, f.at, c.gw, start, c.nu);
                }
            }
        });
        System.arraycopy(grid.inletBoundary, 0, c.inletBoundary, 0, c.plane);
        System.arraycopy(grid.outletBoundary, 0, c.outletBoundary, 0, c.plane);
        return c;
    }

    /** The last fine index of coarse block {@code block} (blocks hold two cells, the last one may hold one). */
    private static int lastOfBlock(int block, int fineSize) {
        return Math.min(2 * block + 1, fineSize - 1);
    }

    @Override
    Faces newFaces() {
        return new Faces(this, false);
    }

    @Override
    void faces(int v, int w, Faces f, int first, int step) {
        int start = rowStart(v, w);
        f.gu = gu;
        f.gv = gv;
        f.gw = gw;
        f.at = start;
        f.gs = v > 0 || periodicV ? gv : zeros();
        f.atS = v > 0 ? start - nu : periodicV ? rowStart(nv - 1, w) : 0;
        f.gb = w > 0 ? gw : zeros();
        f.atB = w > 0 ? start - plane : 0;
        boundaryOf(v, w, f);
    }
}
