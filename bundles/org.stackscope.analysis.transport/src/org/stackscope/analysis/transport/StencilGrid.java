package org.stackscope.analysis.transport;

/**
 * A symmetric 7-point conductance stencil on an {@code nu × nv × nw} grid (flat index {@code u + nu * (v + nv * w)},
 * {@code w} along the flow): one level of the multigrid hierarchy. Subclasses supply the stencil one row at a time
 * ({@link #fillRow}), only for the cells a kernel touches (one colour of a red-black sweep is half the row); the
 * kernels here work on those rows, in parallel over slices, each cell written by one thread.
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

    /** Grids this small run on the calling thread: handing them to the pool costs more than it saves. */
    private static final int SERIAL_CELLS = 1 << 15;

    /** The stencil of one row of cells (fixed v and w), per-thread scratch. */
    static final class Row {
        /** Conductance of the face to the +u neighbour (the last one wraps to u = 0 when periodic, else 0). */
        final float[] guPlus;
        /** Conductance of the face to the -u neighbour (the first one wraps to u = nu - 1 when periodic, else 0). */
        final float[] guMinus;
        final float[] gvPlus;
        final float[] gvMinus;
        final float[] gwPlus;
        final float[] gwMinus;
        /** Conductance to the fixed-concentration faces (inlet and outlet slices only). */
        final float[] boundary;

        Row(int nu) {
            guPlus = new float[nu];
            guMinus = new float[nu];
            gvPlus = new float[nu];
            gvMinus = new float[nu];
            gwPlus = new float[nu];
            gwMinus = new float[nu];
            boundary = new float[nu];
        }
    }

    /** Fills {@code row} with the stencil of the cells {@code (u, v, w)}, u = first, first + step, ... < nu. */
    abstract void fillRow(int v, int w, Row row, int first, int step);

    /** Like {@link SlicePool#forEach} over the slices of this grid, but on the calling thread for small grids. */
    private void forSlices(SlicePool pool, int slices, SlicePool.SliceRange task) {
        if (cells() < SERIAL_CELLS) {
            task.run(0, slices);
        } else {
            pool.forEach(slices, task);
        }
    }

    final int cells() {
        return nu * nv * nw;
    }

    final int rowStart(int v, int w) {
        return (w * nv + v) * nu;
    }

    /** {@code out = A x}. */
    final void apply(SlicePool pool, float[] x, float[] out) {
        forSlices(pool, nw, (from, to) -> {
            Row row = new Row(nu);
            for (int w = from; w < to; w++) {
                for (int v = 0; v < nv; v++) {
                    fillRow(v, w, row, 0, 1);
                    int start = rowStart(v, w);
                    Neighbours nb = new Neighbours(v, w);
                    for (int u = 0; u < nu; u++) {
                        out[start + u] = (float) (diagonal(row, u) * x[start + u] - nb.sum(row, x, u));
                    }
                }
            }
        });
    }

    /**
     * One symmetric-pair Gauss-Seidel sweep of A e = f: the cells of {@code colour} ({@code (u + v + w) % 2}), then
     * the others; {@code fromZero} when e is 0 so far (no neighbours to sum, the other colour is set to 0). Both
     * half-sweeps run in one pass over the slices, the second a slice behind, so each slice is read while in cache;
     * the second half-sweep of the first and last slice of a thread's block needs the neighbouring block's first
     * half-sweep and follows once all blocks are done. Every cell sees the same values as in two separate passes.
     */
    final void smooth(SlicePool pool, float[] f, float[] e, int colour, boolean fromZero) {
        forSlices(pool, nw, (from, to) -> {
            Row row = new Row(nu);
            for (int w = from; w < to; w++) {
                halfSweep(w, colour, fromZero, f, e, row);
                if (w - 1 > from) {
                    halfSweep(w - 1, 1 - colour, false, f, e, row);
                }
            }
        });
        forSlices(pool, nw, (from, to) -> {
            Row row = new Row(nu);
            halfSweep(from, 1 - colour, false, f, e, row);
            if (to - 1 > from) {
                halfSweep(to - 1, 1 - colour, false, f, e, row);
            }
        });
    }

    private void halfSweep(int w, int colour, boolean fromZero, float[] f, float[] e, Row row) {
        for (int v = 0; v < nv; v++) {
            int first = (colour + v + w) & 1;
            fillRow(v, w, row, first, 2);
            int start = rowStart(v, w);
            if (fromZero) {
                java.util.Arrays.fill(e, start, start + nu, 0f);
            }
            Neighbours nb = new Neighbours(v, w);
            for (int u = first; u < nu; u += 2) {
                double d = diagonal(row, u);
                double neighbours = fromZero ? 0 : nb.sum(row, e, u);
                e[start + u] = d > 0 ? (float) ((f[start + u] + neighbours) / d) : 0f;
            }
        }
    }

    /**
     * {@code fc = Pᵀ (f - A e)}: residual summed over each 2×2×2 block of cells into the coarse grid, right after a
     * half-sweep of the other colour. That half-sweep zeroed the residual of its own cells (a cell without conductance
     * has f = 0 too), so only the cells of {@code colour} contribute.
     */
    final void restrictResidual(SlicePool pool, float[] f, float[] e, int colour, StencilGrid coarse, float[] fc) {
        forSlices(pool, coarse.nw, (from, to) -> {
            Row row = new Row(nu);
            for (int cw = from; cw < to; cw++) {
                java.util.Arrays.fill(fc, coarse.rowStart(0, cw), coarse.rowStart(0, cw + 1), 0f);
                for (int w = 2 * cw; w < Math.min(2 * cw + 2, nw); w++) {
                    for (int v = 0; v < nv; v++) {
                        int first = (colour + v + w) & 1;
                        fillRow(v, w, row, first, 2);
                        int start = rowStart(v, w);
                        int coarseStart = coarse.rowStart(v / 2, cw);
                        Neighbours nb = new Neighbours(v, w);
                        for (int u = first; u < nu; u += 2) {
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
        forSlices(pool, nw, (from, to) -> {
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
        return row.guPlus[u] + row.guMinus[u] + row.gvPlus[u] + row.gvMinus[u] + row.gwPlus[u]
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
            return (double) row.guPlus[u] * x[start + plusU] + (double) row.guMinus[u] * x[start + minusU]
                    + (double) row.gvPlus[u] * x[plusV + u] + (double) row.gvMinus[u] * x[minusV + u]
                    + (double) row.gwPlus[u] * x[plusW + u] + (double) row.gwMinus[u] * x[minusW + u];
        }
    }
}
