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
    static final int BYTES_PER_CELL = 4 * Float.BYTES;

    private final float[] gu;
    private final float[] gv;
    private final float[] gw;
    private final float[] boundary;

    private CoarseGrid(int nu, int nv, int nw, boolean periodicU, boolean periodicV) {
        super(nu, nv, nw, periodicU, periodicV);
        int cells = nu * nv * nw;
        gu = new float[cells];
        gv = new float[cells];
        gw = new float[cells];
        boundary = new float[cells];
    }

    /** The next coarser level of {@code fine}; a face inside a block (also across a wrap-around) drops out. */
    static CoarseGrid coarsen(StencilGrid fine, SlicePool pool) {
        CoarseGrid c = new CoarseGrid((fine.nu + 1) / 2, (fine.nv + 1) / 2, (fine.nw + 1) / 2, fine.periodicU,
                fine.periodicV);
        pool.forEach(c.nw, (from, to) -> {
            StencilGrid.Row row = new StencilGrid.Row(fine.nu);
            for (int cw = from; cw < to; cw++) {
                for (int w = 2 * cw; w < Math.min(2 * cw + 2, fine.nw); w++) {
                    boolean lastW = c.nw > 1 && w == lastOfBlock(cw, fine.nw);
                    for (int v = 0; v < fine.nv; v++) {
                        fine.fillRow(v, w, row, 0, 1);
                        boolean lastV = c.nv > 1 && v == lastOfBlock(v / 2, fine.nv);
                        int start = c.rowStart(v / 2, cw);
                        for (int u = 0; u < fine.nu; u++) {
                            int i = start + u / 2;
                            c.boundary[i] += row.boundary[u];
                            if (c.nu > 1 && u == lastOfBlock(u / 2, fine.nu)) {
                                c.gu[i] += row.guPlus[u];
                            }
                            if (lastV) {
                                c.gv[i] += row.gvPlus[u];
                            }
                            if (lastW) {
                                c.gw[i] += row.gwPlus[u];
                            }
                        }
                    }
                }
            }
        });
        return c;
    }

    /** The same operator as {@code grid}, bit for bit, but read from stored arrays instead of rebuilt per row. */
    static CoarseGrid stored(StencilGrid grid, SlicePool pool) {
        CoarseGrid c = new CoarseGrid(grid.nu, grid.nv, grid.nw, grid.periodicU, grid.periodicV);
        pool.forEach(c.nw, (from, to) -> {
            StencilGrid.Row row = new StencilGrid.Row(c.nu);
            for (int w = from; w < to; w++) {
                for (int v = 0; v < c.nv; v++) {
                    grid.fillRow(v, w, row, 0, 1);
                    int start = c.rowStart(v, w);
                    System.arraycopy(row.guPlus, 0, c.gu, start, c.nu);
                    System.arraycopy(row.gvPlus, 0, c.gv, start, c.nu);
                    System.arraycopy(row.gwPlus, 0, c.gw, start, c.nu);
                    System.arraycopy(row.boundary, 0, c.boundary, start, c.nu);
                }
            }
        });
        return c;
    }

    /** The last fine index of coarse block {@code block} (blocks hold two cells, the last one may hold one). */
    private static int lastOfBlock(int block, int fineSize) {
        return Math.min(2 * block + 1, fineSize - 1);
    }

    @Override
    void fillRow(int v, int w, Row row, int first, int step) {
        int start = rowStart(v, w);
        int minusV = v > 0 || periodicV ? rowStart(v > 0 ? v - 1 : nv - 1, w) : -1;
        int minusW = w > 0 ? rowStart(v, w - 1) : -1;
        for (int u = first; u < nu; u += step) {
            int i = start + u;
            row.guPlus[u] = gu[i];
            // the -u face is the +u face of cell u - 1 or of the last cell, which is 0 unless periodic
            row.guMinus[u] = gu[u > 0 ? i - 1 : start + nu - 1];
            row.gvPlus[u] = gv[i];
            row.gvMinus[u] = minusV >= 0 ? gv[minusV + u] : 0f;
            row.gwPlus[u] = gw[i];
            row.gwMinus[u] = minusW >= 0 ? gw[minusW + u] : 0f;
            row.boundary[u] = boundary[i];
        }
    }
}
