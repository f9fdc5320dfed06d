package org.stackscope.analysis.transport;

import org.stackscope.core.api.Monitor;

/**
 * Steady-state diffusion on a {@link FineGrid} by multigrid-preconditioned conjugate gradients. Search directions
 * and residuals are floats (memory: a 256×512×512 volume must fit in 2 GB); the concentration, the operator's sums
 * and the dot products are doubles, while the multigrid preconditioner smooths in float (its rounding changes the
 * iterates, not what they converge to). Converged when the relative residual and the spread of the flux over all planes are both below the
 * tolerance.
 */
final class DiffusionSolver {

    /** The concentration field and how the solver got there. */
    record Solution(double[] concentration, int iterations, double[] residualHistory, double[] planeFluxes,
            boolean converged) {

        double meanFlux() {
            double sum = 0;
            for (double f : planeFluxes) {
                sum += f;
            }
            return sum / planeFluxes.length;
        }

        /** Largest relative deviation of a plane's flux from the mean. */
        double fluxSpread() {
            double mean = meanFlux();
            double max = 0;
            for (double f : planeFluxes) {
                max = Math.max(max, Math.abs(f - mean));
            }
            return max / mean;
        }
    }

    /** Upper bound of the heap the coarse multigrid levels take per fine cell (levels of 1/8, 1/64, ...). */
    private static final int COARSE_LEVEL_BYTES_PER_CELL = 4;

    private DiffusionSolver() {
    }

    static Solution solve(FineGrid grid, double tolerance, int maxIterations, SlicePool pool, Monitor monitor) {
        int n = grid.cells();
        int plane = grid.nu * grid.nv;
        int nw = grid.nw;
        double[] x = new double[n];
        float[] r = new float[n];
        float[] p = new float[n];
        float[] z = new float[n]; // also holds A·p: the two are never needed at the same time
        // start from the linear profile between the faces (exact for straight channels)
        pool.forEach(nw, (from, to) -> {
            for (int w = from; w < to; w++) {
                double c = 1 - (w + 0.5) / nw;
                for (int i = w * plane; i < (w + 1) * plane; i++) {
                    x[i] = grid.conducts(i) ? c : 0;
                    p[i] = (float) x[i];
                }
            }
        });
        StencilGrid operator = storedIfRoom(grid, pool);
        operator.apply(pool, p, r);
        double bNorm2 = 0;
        for (int i = 0; i < plane; i++) {
            bNorm2 += grid.toFace(i) * grid.toFace(i);
        }
        double bNorm = Math.sqrt(bNorm2);
        pool.forEach(nw, (from, to) -> {
            for (int i = from * plane; i < to * plane; i++) {
                r[i] = (float) ((i < plane ? grid.toFace(i) : 0) - r[i]);
            }
        });
        Multigrid preconditioner = new Multigrid(operator, pool);
        double[] history = new double[maxIterations + 1];
        double residual = Math.sqrt(pool.sum(nw, w -> StencilGrid.dot(r, r, w * plane, (w + 1) * plane))) / bNorm;
        history[0] = residual;
        int iteration = 0;
        double[] fluxes = null;
        boolean converged = false;
        preconditioner.apply(r, z);
        System.arraycopy(z, 0, p, 0, n);
        double rz = pool.sum(nw, w -> StencilGrid.dot(r, z, w * plane, (w + 1) * plane));
        monitor.begin("Solving diffusion", maxIterations);
        // once the residual is below the tolerance, the flux spread decides; if the residual falls a thousand
        // times further while the spread does not even halve, the single-precision vectors have reached their floor
        double residualAtFirstCheck = Double.NaN;
        double spreadAtFirstCheck = Double.NaN;
        while (true) {
            if (residual < tolerance) {
                fluxes = grid.planeFluxes(pool, x);
                double spread = new Solution(x, iteration, history, fluxes, false).fluxSpread();
                if (spread < tolerance) {
                    converged = true;
                    break;
                }
                if (Double.isNaN(residualAtFirstCheck)) {
                    residualAtFirstCheck = residual;
                    spreadAtFirstCheck = spread;
                } else if (residual < 1e-3 * residualAtFirstCheck && spread > 0.5 * spreadAtFirstCheck) {
                    break;
                }
            }
            if (iteration == maxIterations || rz == 0) {
                break;
            }
            monitor.checkCanceled();
            double pq = operator.apply(pool, p, z);
            double alpha = rz / pq;
            double rr = pool.sum(nw, w -> {
                for (int i = w * plane; i < (w + 1) * plane; i++) {
                    x[i] += alpha * p[i];
                    r[i] -= (float) (alpha * z[i]);
                }
                return StencilGrid.dot(r, r, w * plane, (w + 1) * plane);
            });
            iteration++;
            residual = Math.sqrt(rr) / bNorm;
            history[iteration] = residual;
            monitor.worked(1);
            preconditioner.apply(r, z);
            double rzNew = pool.sum(nw, w -> StencilGrid.dot(r, z, w * plane, (w + 1) * plane));
            double beta = rzNew / rz;
            rz = rzNew;
            pool.forEach(nw, (from, to) -> {
                for (int i = from * plane; i < to * plane; i++) {
                    p[i] = (float) (z[i] + beta * p[i]);
                }
            });
        }
        if (fluxes == null) {
            fluxes = grid.planeFluxes(pool, x);
        }
        return new Solution(x, iteration, java.util.Arrays.copyOf(history, iteration + 1), fluxes, converged);
    }

    /**
     * A stored copy of the stencil (same results, far cheaper to read than rebuilding it from the phases on every
     * sweep) when it and the coarse levels fit in half the free heap; otherwise the grid itself. A grid of one
     * conducting phase reads one byte per voxel, less than the stored copy: it is used as it is.
     */
    private static StencilGrid storedIfRoom(FineGrid grid, SlicePool pool) {
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        long needed = (long) grid.cells() * (CoarseGrid.BYTES_PER_CELL + COARSE_LEVEL_BYTES_PER_CELL);
        return !grid.readsNeighbourCodes() && needed < free / 2 ? CoarseGrid.stored(grid, pool) : grid;
    }

}
