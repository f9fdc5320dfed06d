package org.stackscope.analysis.transport;

/**
 * A symmetric 7-point conductance stencil on an {@code nu × nv × nw} grid (flat index {@code u + nu * (v + nv * w)},
 * {@code w} along the flow): one level of the multigrid hierarchy. Subclasses supply the stencil one row at a time
 * ({@link #fillRow}); the kernels here work on those rows, in parallel over slices, each cell written by one thread.
 * A cell with no conductance at all (outside the phase, or trimmed) has a zero diagonal and is kept at zero.
 */
abstract class StencilGrid {

    final int nu;
    final int nv;
    final int nw;
    /** Whether the grid wraps around along u and v (periodic side faces). */
    final boolean periodicU;
    final boolean periodicV;

    StencilGrid(int nu, int nv, int nw, boolean periodicU, boolean periodicV) {
        this.nu = nu;
        this.nv = nv;
        this.nw = nw;
        this.periodicU = periodicU && nu > 1;
        this.periodicV = periodicV && nv > 1;
    }

    /** The stencil of one row of cells (fixed v and w), per-thread scratch. */
    static final class Row {
        /** Conductance of the face to the +u neighbour (the last one wraps to u = 0 when periodic, else 0). */
        final float[] gu;
        final float[] gvPlus;
        final float[] gvMinus;
        final float[] gwPlus;
        final float[] gwMinus;
        /** Conductance to the fixed-concentration faces (inlet and outlet slices only). */
        final float[] boundary;

        Row(int nu) {
            gu = new float[nu];
            gvPlus = new float[nu];
            gvMinus = new float[nu];
            gwPlus = new float[nu];
            gwMinus = new float[nu];
            boundary = new float[nu];
        }
    }

    /** Fills {@code row} with the stencil of the cells {@code (0..nu-1, v, w)}. */
    abstract void fillRow(int v, int w, Row row);

    final int cells() {
        return nu * nv * nw;
    }

    final int rowStart(int v, int w) {
        return (w * nv + v) * nu;
    }

    /** {@code out = A x}. */
    final void apply(SlicePool pool, float[] x, float[] out) {
        pool.forEach(nw, (from, to) -> {
            Row row = new Row(nu);
            for (int w = from; w < to; w++) {
                for (int v = 0; v < nv; v++) {
                    fillRow(v, w, row);
                    int start = rowStart(v, w);
                    Neighbours nb = new Neighbours(v, w);
                    for (int u = 0; u < nu; u++) {
                        out[start + u] = (float) (diagonal(row, u) * x[start + u] - nb.sum(row, x, u));
                    }
                }
            }
        });
    }

    /** One Gauss-Seidel half-sweep over the cells of one colour ({@code (u + v + w) % 2 == colour}) of A e = f. */
    final void smooth(SlicePool pool, float[] f, float[] e, int colour) {
        pool.forEach(nw, (from, to) -> {
            Row row = new Row(nu);
            for (int w = from; w < to; w++) {
                for (int v = 0; v < nv; v++) {
                    fillRow(v, w, row);
                    int start = rowStart(v, w);
                    Neighbours nb = new Neighbours(v, w);
                    for (int u = (colour + v + w) & 1; u < nu; u += 2) {
                        double d = diagonal(row, u);
                        e[start + u] = d > 0 ? (float) ((f[start + u] + nb.sum(row, e, u)) / d) : 0f;
                    }
                }
            }
        });
    }

    /** {@code fc = Pᵀ (f - A e)}: residual summed over each 2×2×2 block of cells into the coarse grid. */
    final void restrictResidual(SlicePool pool, float[] f, float[] e, StencilGrid coarse, float[] fc) {
        pool.forEach(coarse.nw, (from, to) -> {
            Row row = new Row(nu);
            for (int cw = from; cw < to; cw++) {
                java.util.Arrays.fill(fc, coarse.rowStart(0, cw), coarse.rowStart(0, cw + 1), 0f);
                for (int w = 2 * cw; w < Math.min(2 * cw + 2, nw); w++) {
                    for (int v = 0; v < nv; v++) {
                        fillRow(v, w, row);
                        int start = rowStart(v, w);
                        int coarseStart = coarse.rowStart(v / 2, cw);
                        Neighbours nb = new Neighbours(v, w);
                        for (int u = 0; u < nu; u++) {
                            double residual = f[start + u] - (diagonal(row, u) * e[start + u] - nb.sum(row, e, u));
                            fc[coarseStart + u / 2] += (float) residual;
                        }
                    }
                }
            }
        });
    }

    /** {@code e += weight · P ec}: each cell gets the correction of its coarse block (piecewise constant). */
    final void prolongAdd(SlicePool pool, StencilGrid coarse, float[] ec, float weight, float[] e) {
        pool.forEach(nw, (from, to) -> {
            for (int w = from; w < to; w++) {
                for (int v = 0; v < nv; v++) {
                    int start = rowStart(v, w);
                    int coarseStart = coarse.rowStart(v / 2, w / 2);
                    for (int u = 0; u < nu; u++) {
                        e[start + u] += weight * ec[coarseStart + u / 2];
                    }
                }
            }
        });
    }

    final double diagonal(Row row, int u) {
        // the face to the -u neighbour is the +u face of cell u-1 (or of the last cell, 0 unless periodic)
        return row.gu[u] + row.gu[u > 0 ? u - 1 : nu - 1] + row.gvPlus[u] + row.gvMinus[u] + row.gwPlus[u]
                + row.gwMinus[u] + row.boundary[u];
    }

    /** Start indices of the rows next to row (v, w); a missing neighbour row (g = 0) points at the row itself. */
    private final class Neighbours {
        final int start;
        final int plusV;
        final int minusV;
        final int plusW;
        final int minusW;

        Neighbours(int v, int w) {
            int plane = nu * nv;
            start = rowStart(v, w);
            plusV = v < nv - 1 ? start + nu : start - (nv - 1) * nu;
            minusV = v > 0 ? start - nu : start + (nv - 1) * nu;
            plusW = w < nw - 1 ? start + plane : start;
            minusW = w > 0 ? start - plane : start;
        }

        /** Σ g·x over the six neighbours of cell u of the row. */
        double sum(Row row, float[] x, int u) {
            int plusU = u < nu - 1 ? u + 1 : 0;
            int minusU = u > 0 ? u - 1 : nu - 1;
            // in double: float sums would limit how far the residual can fall
            return (double) row.gu[u] * x[start + plusU] + (double) row.gu[minusU] * x[start + minusU]
                    + (double) row.gvPlus[u] * x[plusV + u] + (double) row.gvMinus[u] * x[minusV + u]
                    + (double) row.gwPlus[u] * x[plusW + u] + (double) row.gwMinus[u] * x[minusW + u];
        }
    }
}
