package org.stackscope.analysis.transport;

import java.util.ArrayList;
import java.util.List;

/**
 * A symmetric V-cycle used as preconditioner: red-black Gauss-Seidel smoothing (red then black before the coarse
 * correction, black then red after it, which keeps the cycle symmetric as conjugate gradients require) and Galerkin
 * coarse levels built by {@link CoarseGrid#coarsen}.
 */
final class Multigrid {

    /** Coarsening stops at this many cells; the coarsest level is smoothed {@link #COARSEST_SWEEPS} times. */
    private static final int COARSEST_CELLS = 64;
    private static final int COARSEST_SWEEPS = 16;
    /**
     * Piecewise-constant prolongation under-estimates smooth corrections; scaling them up is the usual remedy for
     * aggregation multigrid (the scale keeps the preconditioner symmetric).
     */
    private static final float CORRECTION_WEIGHT = 1.6f;

    private final SlicePool pool;
    private final List<StencilGrid> levels = new ArrayList<>();
    /** Right-hand side and correction per level (index 0 unused: the caller's vectors). */
    private final List<float[]> rhs = new ArrayList<>();
    private final List<float[]> correction = new ArrayList<>();

    Multigrid(StencilGrid fine, SlicePool pool) {
        this.pool = pool;
        levels.add(fine);
        rhs.add(null);
        correction.add(null);
        StencilGrid level = fine;
        while (level.cells() > COARSEST_CELLS && (level.nu > 1 || level.nv > 1 || level.nw > 1)) {
            level = CoarseGrid.coarsen(level, pool);
            levels.add(level);
            rhs.add(new float[level.cells()]);
            correction.add(new float[level.cells()]);
        }
    }

    int levels() {
        return levels.size();
    }

    /** {@code z = M⁻¹ r}. */
    void apply(float[] r, float[] z) {
        cycle(0, r, z);
    }

    private void cycle(int l, float[] f, float[] e) {
        StencilGrid grid = levels.get(l);
        if (l == levels.size() - 1) {
            for (int sweep = 0; sweep < COARSEST_SWEEPS; sweep++) {
                grid.smooth(pool, f, e, 0, sweep == 0);
                grid.smooth(pool, f, e, 1, false);
            }
            return;
        }
        grid.smooth(pool, f, e, 0, true);
        StencilGrid coarse = levels.get(l + 1);
        grid.restrictResidual(pool, f, e, 0, coarse, rhs.get(l + 1));
        cycle(l + 1, rhs.get(l + 1), correction.get(l + 1));
        grid.prolongAdd(pool, coarse, correction.get(l + 1), CORRECTION_WEIGHT, e);
        grid.smooth(pool, f, e, 1, false);
    }
}
