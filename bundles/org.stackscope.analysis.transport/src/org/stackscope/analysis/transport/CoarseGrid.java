package org.stackscope.analysis.transport;

import java.util.Arrays;

/**
 * A coarse multigrid level: the Galerkin operator {@code Pᵀ A P} of a finer grid with piecewise-constant
 * prolongation over 2×2×2 blocks. That operator is again a 7-point stencil whose face conductances are the sums of
 * the fine faces between two blocks, so blocks stay connected exactly where the pore space connects them.
 */
final class CoarseGrid extends StencilGrid {

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
                        fine.fillRow(v, w, row);
                        boolean lastV = c.nv > 1 && v == lastOfBlock(v / 2, fine.nv);
                        int start = c.rowStart(v / 2, cw);
                        for (int u = 0; u < fine.nu; u++) {
                            int i = start + u / 2;
                            c.boundary[i] += row.boundary[u];
                            if (c.nu > 1 && u == lastOfBlock(u / 2, fine.nu)) {
                                c.gu[i] += row.gu[u];
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

    /** The last fine index of coarse block {@code block} (blocks hold two cells, the last one may hold one). */
    private static int lastOfBlock(int block, int fineSize) {
        return Math.min(2 * block + 1, fineSize - 1);
    }

    @Override
    void fillRow(int v, int w, Row row) {
        int start = rowStart(v, w);
        System.arraycopy(gu, start, row.gu, 0, nu);
        System.arraycopy(gv, start, row.gvPlus, 0, nu);
        System.arraycopy(gw, start, row.gwPlus, 0, nu);
        System.arraycopy(boundary, start, row.boundary, 0, nu);
        if (v > 0 || periodicV) {
            System.arraycopy(gv, rowStart(v > 0 ? v - 1 : nv - 1, w), row.gvMinus, 0, nu);
        } else {
            Arrays.fill(row.gvMinus, 0f);
        }
        if (w > 0) {
            System.arraycopy(gw, rowStart(v, w - 1), row.gwMinus, 0, nu);
        } else {
            Arrays.fill(row.gwMinus, 0f);
        }
    }
}
