package org.stackscope.analysis.transport;

/**
 * A coarse multigrid level: the Galerkin operator {@code Pᵀ A P} of a finer grid with piecewise-constant
 * prolongation over 2×2×2 blocks. That operator is again a 7-point stencil whose face conductances are the sums of
 * the fine faces between two blocks, so blocks stay connected exactly where the pore space connects them. The
 * stencil is stored per cell, so a grid of this kind also serves as a stored copy of the finest level
 * ({@link #stored}).
 */
final class CoarseGrid extends StencilGrid {

    /** Heap taken per cell by the stored stencil (three faces and the inverse diagonal). */
    static final int BYTES_PER_CELL = 4 * Float.BYTES;

    private final float[] gu;
    private final float[] gv;
    private final float[] gw;
    /** 1 / diagonal of each cell (0 for a cell without conductance), for the float smoother. */
    private final float[] inverseDiagonal;

    private CoarseGrid(int nu, int nv, int nw, boolean periodicU, boolean periodicV) {
        super(nu, nv, nw, periodicU, periodicV);
        int cells = nu * nv * nw;
        gu = new float[cells];
        gv = new float[cells];
        gw = new float[cells];
        inverseDiagonal = new float[cells];
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
        c.invertDiagonal(fine, pool);
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
        c.invertDiagonal(grid, pool);
        return c;
    }

    /** Fills {@link #inverseDiagonal} once the faces and boundary conductances are in place. */
    private void invertDiagonal(StencilGrid sizeOfWork, SlicePool pool) {
        sizeOfWork.forSlices(pool, nw, (from, to) -> {
            for (int w = from; w < to; w++) {
                for (int v = 0; v < nv; v++) {
                    int i0 = rowStart(v, w);
                    for (int u = 0; u < nu; u++) {
                        double d = diagonal(i0, u, v, w);
                        inverseDiagonal[i0 + u] = d > 0 ? (float) (1 / d) : 0f;
                    }
                }
            }
        });
    }

    /** The diagonal of A at cell u of row (v, w) starting at i0: its six faces and its boundary conductance. */
    private double diagonal(int i0, int u, int v, int w) {
        int i = i0 + u;
        float[] boundary = w == 0 ? inletBoundary : w == nw - 1 ? outletBoundary : zeros();
        double d = (double) gu[i] + gu[u > 0 ? i - 1 : i0 + nu - 1] + gv[i] + gw[i] + boundary[v * nu + u];
        if (v > 0 || periodicV) {
            d += gv[v > 0 ? i - nu : i + (nv - 1) * nu];
        }
        return w > 0 ? d + gw[i - plane] : d;
    }

    /*
     * The smoother and the residual for restriction in float from the stored faces. Rows with all four neighbour
     * rows inside the grid read them from the same arrays at fixed offsets; the first and last cells of a row (u may
     * wrap) and the rows on the grid's faces go cell by cell (neighbourSum).
     */

    /** Σ g·x over the six faces of cell u of row (v, w) starting at i0 (missing neighbours have no face). */
    private float neighbourSum(int i0, int u, int v, int w, float[] x) {
        int i = i0 + u;
        int west = u > 0 ? i - 1 : i0 + nu - 1; // the +u face of the last cell is 0 unless the sides are periodic
        float sum = gu[i] * x[u < nu - 1 ? i + 1 : i0] + gu[west] * x[west];
        if (v < nv - 1 || periodicV) {
            sum += gv[i] * x[v < nv - 1 ? i + nu : i - (nv - 1) * nu];
        }
        if (v > 0 || periodicV) {
            int south = v > 0 ? i - nu : i + (nv - 1) * nu;
            sum += gv[south] * x[south];
        }
        if (w < nw - 1) {
            sum += gw[i] * x[i + plane];
        }
        if (w > 0) {
            sum += gw[i - plane] * x[i - plane];
        }
        return sum;
    }

    @Override
    void sweepRow(Scratch s, int v, int w, float[] f, float[] e, int first, boolean fromZero) {
        int i0 = rowStart(v, w);
        float[] inverse = inverseDiagonal;
        if (fromZero) {
            java.util.Arrays.fill(e, i0, i0 + nu, 0f);
            for (int u = first; u < nu; u += 2) {
                e[i0 + u] = f[i0 + u] * inverse[i0 + u];
            }
            return;
        }
        boolean inside = interiorRow(v, w);
        if (inside) {
            int last = nu - 1;
            int north = nu;
            int top = plane;
            for (int u = 2 - first; u < last; u += 2) {
                int i = i0 + u;
                float total = gu[i] * e[i + 1] + gu[i - 1] * e[i - 1] + gv[i] * e[i + north]
                        + gv[i - north] * e[i - north] + gw[i] * e[i + top] + gw[i - top] * e[i - top];
                e[i] = (f[i] + total) * inverse[i];
            }
        }
        // what the loop left: the row ends (after the inner cells: no cell of one colour depends on another, unless
        // an odd periodic row wraps onto itself, and then still in a fixed order), or every cell of the colour
        int step = inside ? nu - 1 : 2;
        for (int u = inside ? 0 : first; u < nu; u += step) {
            if (((u ^ first) & 1) == 0) {
                e[i0 + u] = (f[i0 + u] + neighbourSum(i0, u, v, w, e)) * inverse[i0 + u];
            }
        }
    }

    /**
     * {@code s.sum = f - A e} on cells of row (v, w) as in the general kernel, in float (it is restricted into a
     * float vector); inside the grid as
     * {@code f + Σ g (e_neighbour - e)}, which loses less to cancellation than {@code f + Σ g e_neighbour - d e}.
     */
    @Override
    void residualRow(Scratch s, int v, int w, float[] f, float[] e, int first, int step) {
        int i0 = rowStart(v, w);
        double[] sum = s.sum;
        boolean inside = interiorRow(v, w);
        if (inside) {
            int last = nu - 1;
            int north = nu;
            int top = plane;
            for (int u = first == 0 ? step : first; u < last; u += step) {
                int i = i0 + u;
                float x = e[i];
                sum[u] = f[i] + gu[i] * (e[i + 1] - x) + gu[i - 1] * (e[i - 1] - x) + gv[i] * (e[i + north] - x)
                        + gv[i - north] * (e[i - north] - x) + gw[i] * (e[i + top] - x)
                        + gw[i - top] * (e[i - top] - x);
            }
        }
        int rest = inside ? nu - 1 : step;
        for (int u = inside ? 0 : first; u < nu; u += rest) {
            if (((u ^ first) & (step - 1)) == 0) {
                sum[u] = residualCell(i0, u, v, w, f, e);
            }
        }
    }

    private double residualCell(int i0, int u, int v, int w, float[] f, float[] e) {
        int i = i0 + u;
        return f[i] + neighbourSum(i0, u, v, w, e) - diagonal(i0, u, v, w) * e[i];
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
