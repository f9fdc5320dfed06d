package org.stackscope.analysis.transport;

import java.util.ArrayList;
import java.util.List;

/**
 * A symmetric multigrid cycle used as preconditioner: red-black Gauss-Seidel smoothing (red-black pairs before the
 * coarse correction, black-red pairs after it, which keeps the cycle symmetric as conjugate gradients require) and
 * Galerkin coarse levels built by {@link CoarseGrid#coarsen}. Every level smooths with two pairs; the finest level
 * visits the next level once, every coarser level visits its next one twice (a W-cycle below the finest level), which
 * takes out much of what piecewise-constant prolongation leaves. On the benchmark composites (TortuosityBench) one
 * pair on the finest level needs 15 iterations instead of 10 (128³, 14 % longer on one thread) and 15 instead of 12
 * (256×512×512, where the volume does not fit the caches and two pairs take 5 % longer); three pairs need 8 iterations
 * at 128³ and take as long as two.
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
    /** Visits of a coarse level to the next coarser one per cycle. */
    private static final int COARSE_VISITS = 2;
    /** Red-black sweep pairs before and after each coarse correction. */
    private static final int SWEEPS = 2;

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
        cycle(0, r, z, true);
    }

    /** One cycle on level l for A e = f, from e = 0 or from the e given. */
    private void cycle(int l, float[] f, float[] e, boolean fromZero) {
        StencilGrid grid = levels.get(l);
        if (l == levels.size() - 1) {
            for (int sweep = 0; sweep < COARSEST_SWEEPS; sweep++) {
                grid.halfSweep(pool, f, e, 0, fromZero && sweep == 0);
                grid.halfSweep(pool, f, e, 1, false);
            }
            return;
        }
        for (int k = 0; k < SWEEPS; k++) {
            grid.halfSweep(pool, f, e, 0, fromZero && k == 0);
            grid.halfSweep(pool, f, e, 1, false);
        }
        StencilGrid coarse = levels.get(l + 1);
        grid.restrictResidual(pool, f, e, coarse, rhs.get(l + 1));
        int visits = l == 0 ? 1 : COARSE_VISITS;
        for (int c = 0; c < visits; c++) {
            cycle(l + 1, rhs.get(l + 1), correction.get(l + 1), c == 0);
        }
        grid.prolongAdd(pool, coarse, correction.get(l + 1), CORRECTION_WEIGHT, e);
        for (int k = 0; k < SWEEPS; k++) {
            grid.halfSweep(pool, f, e, 1, false);
            grid.halfSweep(pool, f, e, 0, false);
        }
    }
}
