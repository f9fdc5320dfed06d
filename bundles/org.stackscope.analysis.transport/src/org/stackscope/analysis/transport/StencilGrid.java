package org.stackscope.analysis.transport;

/**
 * A symmetric 7-point conductance stencil on an {@code nu × nv × nw} grid (flat index {@code u + nu * (v + nv * w)},
 * {@code w} along the flow): one level of the multigrid hierarchy. A level hands out its face conductances one row
 * at a time ({@link #faces}): for every cell the faces to its +u, +v and +w neighbours and its -v and -w faces (the +v
 * and +w faces of the neighbouring rows); the -u face is the +u face of the previous cell. Stored levels point into
 * their arrays, the finest level builds the row from the phases, only for the cells a kernel touches (one colour of a
 * red-black sweep is half the row), into a row-sized scratch that stays in the first-level cache; with one conducting
 * phase its own row kernels ({@link #sweepRow}, {@link #applyRow}, {@link #residualRow}) read one neighbour code per
 * cell instead. The kernels work in parallel over slices, each cell written by one thread. The +u face of the last
 * cell of a row (and the +v face of the last row) wraps around to the first when the sides are periodic and is 0
 * otherwise, so row ends need no special case besides the index wrap.
 * A cell with no conductance at all (outside the phase, or trimmed) has a zero diagonal and is kept at zero.
 */
abstract class StencilGrid {

    final int nu;
    final int nv;
    final int nw;
    final int plane;
    /** Whether the grid wraps around along u and v (periodic side faces). */
    final boolean periodicU;
    final boolean periodicV;
    /**
     * Whether cells of one colour ({@code (u + v + w) % 2}) never neighbour each other, which holds unless a periodic
     * side has an odd number of cells. A half-sweep then leaves the residual of its colour at zero (up to rounding)
     * and never reads the old values of its colour: restriction after a half-sweep of colour 1 needs the residual of
     * colour 0 only, and prolongation before one needs to correct colour 0 only.
     */
    final boolean twoColoured;
    /**
     * Conductance of each cell of the first slice to the inlet face and of the last slice to the outlet face (one
     * plane holding both when there is a single slice); {@link #zeros} for the slices in between.
     */
    final float[] inletBoundary;
    final float[] outletBoundary;
    private final float[] zeros;

    StencilGrid(int nu, int nv, int nw, boolean periodicU, boolean periodicV) {
        this.nu = nu;
        this.nv = nv;
        this.nw = nw;
        this.plane = nu * nv;
        this.periodicU = periodicU && nu > 1;
        this.periodicV = periodicV && nv > 1;
        this.twoColoured = !(this.periodicU && (nu & 1) == 1) && !(this.periodicV && (nv & 1) == 1);
        inletBoundary = new float[plane];
        outletBoundary = nw > 1 ? new float[plane] : inletBoundary;
        zeros = new float[plane];
    }

    /** Grids this small run on the calling thread: handing them to the pool costs more than it saves. */
    private static final int SERIAL_CELLS = 1 << 16;

    /**
     * The faces of one row (v, w): cell u's faces to its +u, +v and +w neighbours are {@code gu[at + u]},
     * {@code gv[at + u]}, {@code gw[at + u]}; its -v and -w faces {@code gs[atS + u]} and {@code gb[atB + u]} (the +v
     * and +w faces of the neighbouring rows); its conductance to the inlet or outlet face {@code bd[atD + u]}.
     * Per-thread; grids that build their faces on the fly fill the scratch rows.
     */
    static final class Faces {
        float[] gu;
        float[] gv;
        float[] gw;
        int at;
        float[] gs;
        int atS;
        float[] gb;
        int atB;
        float[] bd;
        int atD;
        /** Row ({@code v + nv * w}) and cells (first, step) whose faces are in the scratch rows; row -1 for none. */
        int row = -1;
        int first;
        int step;
        final float[] scratchU;
        float[] scratchV;
        final float[] scratchW;
        float[] scratchS;
        final float[] scratchB;

        Faces(StencilGrid grid, boolean scratch) {
            int n = scratch ? grid.nu : 0;
            scratchU = new float[n];
            scratchV = new float[n];
            scratchW = new float[n];
            scratchS = new float[n];
            scratchB = new float[n];
        }
    }

    /**
     * Points {@code f} at the faces of row (v, w); only those of the cells u = first, first + step, ... need to be
     * right (and all +u faces).
     */
    abstract void faces(int v, int w, Faces f, int first, int step);

    /** A per-thread {@link Faces} for this grid. */
    abstract Faces newFaces();

    /** Sets the boundary conductances of row (v, w). */
    final void boundaryOf(int v, int w, Faces f) {
        f.bd = w == 0 ? inletBoundary : w == nw - 1 ? outletBoundary : zeros;
        f.atD = v * nu;
    }

    /** Faces of missing neighbours. */
    final float[] zeros() {
        return zeros;
    }

    /** Like {@link SlicePool#forEach} over the slices of this grid, but on the calling thread for small grids. */
    final void forSlices(SlicePool pool, int slices, SlicePool.SliceRange task) {
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

    /**
     * Whether row (v, w) has its ±v and ±w neighbour rows inside the grid, without wrapping around, and cells
     * between its ends: the fast row kernels read those cells' neighbours at fixed offsets of one array.
     */
    final boolean interiorRow(int v, int w) {
        return v > 0 && v < nv - 1 && w > 0 && w < nw - 1 && nu > 2;
    }

    /** Per-thread scratch: the faces and the sums of one row. */
    final class Scratch {
        final Faces faces = newFaces();
        /** Σ g·x over the six neighbours of each cell of the row, in double: float sums would stall the residual. */
        final double[] sum = new double[nu];
        /** Σ g over the six faces plus the boundary conductance (the diagonal of A). */
        final double[] diagonal = new double[nu];
    }

    /**
     * Fills {@code s.sum} and {@code s.diagonal} for the cells u = first, first + step, ... of row (v, w); with
     * {@code sums} false only the diagonal. The -u face of u = 0 is the +u face of the last cell, 0 unless periodic.
     */
    void rowSums(Scratch s, int v, int w, float[] x, boolean sums, int first, int step) {
        Faces f = s.faces;
        faces(v, w, f, first, step);
        int i0 = rowStart(v, w);
        float[] gu = f.gu;
        float[] gv = f.gv;
        float[] gw = f.gw;
        float[] gs = f.gs;
        float[] gb = f.gb;
        float[] bd = f.bd;
        int a = f.at;
        int as = f.atS;
        int b = f.atB;
        int r = f.atD;
        double[] diagonal = s.diagonal;
        double[] sum = s.sum;
        if (!sums) {
            for (int u = first; u < nu; u += step) {
                int west = u > 0 ? u - 1 : nu - 1;
                diagonal[u] = (double) gu[a + u] + gu[a + west] + gv[a + u] + gs[as + u] + gw[a + u] + gb[b + u]
                        + bd[r + u];
            }
            return;
        }
        int iN = v < nv - 1 ? i0 + nu : periodicV ? i0 - (nv - 1) * nu : i0;
        int iS = v > 0 ? i0 - nu : periodicV ? i0 + (nv - 1) * nu : i0;
        int iT = w < nw - 1 ? i0 + plane : i0;
        int iB = w > 0 ? i0 - plane : i0;
        for (int u = first; u < nu; u += step) {
            int east = u < nu - 1 ? u + 1 : 0;
            int west = u > 0 ? u - 1 : nu - 1;
            float gE = gu[a + u];
            float gW = gu[a + west];
            float gN = gv[a + u];
            float gS = gs[as + u];
            float gT = gw[a + u];
            float gB = gb[b + u];
            diagonal[u] = (double) gE + gW + gN + gS + gT + gB + bd[r + u];
            sum[u] = (double) gE * x[i0 + east] + (double) gW * x[i0 + west] + (double) gN * x[iN + u]
                    + (double) gS * x[iS + u] + (double) gT * x[iT + u] + (double) gB * x[iB + u];
        }
    }

    /** {@code out = A x}; returns {@code x · A x}, summed per slice and then in slice order (any thread count). */
    final double apply(SlicePool pool, float[] x, float[] out) {
        double[] dots = new double[nw];
        forSlices(pool, nw, (from, to) -> {
            Scratch s = new Scratch();
            for (int w = from; w < to; w++) {
                double dot = 0;
                for (int v = 0; v < nv; v++) {
                    dot = applyRow(s, v, w, x, out, dot);
                }
                dots[w] = dot;
            }
        });
        double total = 0;
        for (double d : dots) {
            total += d;
        }
        return total;
    }

    /** {@code out = A x} on row (v, w); returns {@code dot} plus the row's {@code x · A x} ({@link #dot}). */
    double applyRow(Scratch s, int v, int w, float[] x, float[] out, double dot) {
        rowSums(s, v, w, x, true, 0, 1);
        int i0 = rowStart(v, w);
        double[] sum = s.sum;
        double[] diagonal = s.diagonal;
        for (int u = 0; u < nu; u++) {
            out[i0 + u] = (float) (diagonal[u] * x[i0 + u] - sum[u]);
        }
        return dot + dot(x, out, i0, i0 + nu);
    }

    /**
     * {@code Σ a·b} over {@code [from, to)} in double, in four partial sums (a single chain of dependent additions
     * takes about four times as long); a fixed order, so the same for any thread count.
     */
    static double dot(float[] a, float[] b, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += (double) a[i] * b[i];
            s1 += (double) a[i + 1] * b[i + 1];
            s2 += (double) a[i + 2] * b[i + 2];
            s3 += (double) a[i + 3] * b[i + 3];
        }
        for (; i < to; i++) {
            s0 += (double) a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * One Gauss-Seidel half-sweep of A e = f over the cells of {@code colour} ({@code (u + v + w) % 2});
     * {@code fromZero} when e is 0 so far (no neighbours to sum, the other colour is set to 0). A cell without
     * conductance has f = 0 and gets 0 (its diagonal is raised to the smallest normal double instead of tested).
     */
    final void halfSweep(SlicePool pool, float[] f, float[] e, int colour, boolean fromZero) {
        forSlices(pool, nw, (from, to) -> {
            Scratch s = new Scratch();
            for (int w = from; w < to; w++) {
                for (int v = 0; v < nv; v++) {
                    sweepRow(s, v, w, f, e, (colour + v + w) & 1, fromZero);
                }
            }
        });
    }

    /** The half-sweep on row (v, w): the cells u = first, first + 2, ... */
    void sweepRow(Scratch s, int v, int w, float[] f, float[] e, int first, boolean fromZero) {
        int i0 = rowStart(v, w);
        if (fromZero) {
            rowSums(s, v, w, e, false, first, 2);
            double[] diagonal = s.diagonal;
            java.util.Arrays.fill(e, i0, i0 + nu, 0f);
            for (int u = first; u < nu; u += 2) {
                e[i0 + u] = (float) (f[i0 + u] / Math.max(diagonal[u], Double.MIN_NORMAL));
            }
            return;
        }
        // rowSums and the update in one loop (the same arithmetic): a pass less over the row
        Faces faces = s.faces;
        faces(v, w, faces, first, 2);
        float[] gu = faces.gu;
        float[] gv = faces.gv;
        float[] gw = faces.gw;
        float[] gs = faces.gs;
        float[] gb = faces.gb;
        float[] bd = faces.bd;
        int a = faces.at;
        int as = faces.atS;
        int b = faces.atB;
        int r = faces.atD;
        int iN = v < nv - 1 ? i0 + nu : periodicV ? i0 - (nv - 1) * nu : i0;
        int iS = v > 0 ? i0 - nu : periodicV ? i0 + (nv - 1) * nu : i0;
        int iT = w < nw - 1 ? i0 + plane : i0;
        int iB = w > 0 ? i0 - plane : i0;
        for (int u = first; u < nu; u += 2) {
            int east = u < nu - 1 ? u + 1 : 0;
            int west = u > 0 ? u - 1 : nu - 1;
            float gE = gu[a + u];
            float gW = gu[a + west];
            float gN = gv[a + u];
            float gS = gs[as + u];
            float gT = gw[a + u];
            float gB = gb[b + u];
            double diagonal = (double) gE + gW + gN + gS + gT + gB + bd[r + u];
            double sum = (double) gE * e[i0 + east] + (double) gW * e[i0 + west] + (double) gN * e[iN + u]
                    + (double) gS * e[iS + u] + (double) gT * e[iT + u] + (double) gB * e[iB + u];
            e[i0 + u] = (float) ((f[i0 + u] + sum) / Math.max(diagonal, Double.MIN_NORMAL));
        }
    }

    /** {@code s.sum = f - A e} on row (v, w), for the cells u = first, first + step, ... (step 1 or 2). */
    void residualRow(Scratch s, int v, int w, float[] f, float[] e, int first, int step) {
        rowSums(s, v, w, e, true, first, step);
        int i0 = rowStart(v, w);
        double[] sum = s.sum;
        double[] diagonal = s.diagonal;
        for (int u = first; u < nu; u += step) {
            sum[u] += f[i0 + u] - diagonal[u] * e[i0 + u];
        }
    }

    /**
     * {@code fc = Pᵀ (f - A e)}: the residual summed over each 2×2×2 block of cells into the coarse grid, right after
     * a half-sweep of colour 1 (of colour 0 only when {@link #twoColoured}).
     */
    final void restrictResidual(SlicePool pool, float[] f, float[] e, StencilGrid coarse, float[] fc) {
        int step = twoColoured ? 2 : 1;
        forSlices(pool, coarse.nw, (from, to) -> {
            Scratch s = new Scratch();
            for (int cw = from; cw < to; cw++) {
                java.util.Arrays.fill(fc, coarse.rowStart(0, cw), coarse.rowStart(0, cw + 1), 0f);
                for (int w = 2 * cw; w < Math.min(2 * cw + 2, nw); w++) {
                    for (int v = 0; v < nv; v++) {
                        if (step == 2) {
                            java.util.Arrays.fill(s.sum, 0);
                        }
                        residualRow(s, v, w, f, e, (v + w) & (step - 1), step);
                        int coarseStart = coarse.rowStart(v / 2, cw);
                        double[] sum = s.sum;
                        for (int u = 0; u < nu - 1; u += 2) {
                            fc[coarseStart + (u >> 1)] += (float) (sum[u] + sum[u + 1]);
                        }
                        if ((nu & 1) == 1) {
                            fc[coarseStart + (nu >> 1)] += (float) sum[nu - 1];
                        }
                    }
                }
            }
        });
    }

    /**
     * {@code e += weight · P ec}: each cell gets the correction of its coarse block (piecewise constant), right
     * before a half-sweep of colour 1 (so only the cells of colour 0 when {@link #twoColoured}).
     */
    void prolongAdd(SlicePool pool, StencilGrid coarse, float[] ec, float weight, float[] e) {
        int step = twoColoured ? 2 : 1;
        forSlices(pool, nw, (from, to) -> {
            for (int w = from; w < to; w++) {
                for (int v = 0; v < nv; v++) {
                    int start = rowStart(v, w);
                    int coarseStart = coarse.rowStart(v / 2, w / 2);
                    for (int u = (v + w) & (step - 1); u < nu; u += step) {
                        e[start + u] += weight * ec[coarseStart + (u >> 1)];
                    }
                }
            }
        });
    }
}
