package org.stackscope.analysis.impedance;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer.Optimum;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;
import org.stackscope.core.concurrent.Futures;

/**
 * Complex nonlinear least squares (CNLS) of a {@link Circuit} to a spectrum: real and imaginary residuals, weighted
 * by 1 (UNIT), |Z| (MODULUS) or |Z'| and |Z''| separately (PROPORTIONAL), minimised with Hipparchus'
 * Levenberg-Marquardt on the analytic Jacobian. Bounds are honoured by fitting a transformed parameter (log for a
 * one-sided bound, logistic for two), which also puts parameters of very different magnitude on one scale; fixed
 * parameters are left out. Multi-start: the given start plus perturbed ones (seeded, so repeatable); the best χ²
 * wins, ties going to the earlier start, so the result does not depend on the number of threads.
 * Standard errors: s²(JᵀWJ)⁻¹ at the optimum with s² = χ²/(2N − m), as curve_fit does without absolute sigma.
 */
public final class CircuitFitter {

    /** A start that needs more model evaluations than this is abandoned (it has wandered off). */
    private static final int MAX_EVALUATIONS = 400;

    public enum Weighting {
        UNIT, MODULUS, PROPORTIONAL
    }

    /** What to fit: start values (every parameter), which are fixed, bounds, weighting. */
    public record Problem(Circuit circuit, double[] start, boolean[] fixed, double[] lower, double[] upper,
            Weighting weighting) {

        int free() {
            int m = 0;
            for (boolean f : fixed) {
                m += f ? 0 : 1;
            }
            return m;
        }

        Problem withStart(double[] newStart) {
            return new Problem(circuit, newStart, fixed, lower, upper, weighting);
        }
    }

    /** A fitted circuit: every parameter (fixed ones too, with stderr 0), its correlation, χ² and the model. */
    public record Fit(double[] parameters, double[] standardErrors, double[][] correlation, double chiSquare,
            double reducedChiSquare, int degreesOfFreedom, int evaluations, double[] modelRe, double[] modelIm) {
    }

    private CircuitFitter() {
    }

    /** Default bounds: exponents α in [0, 1], every other parameter ≥ 0. */
    public static double[][] defaultBounds(Circuit c) {
        double[] lo = new double[c.parameterCount()], hi = new double[c.parameterCount()];
        for (Circuit.Element e : c.elements()) {
            for (int i = 0; i < e.type.parameters; i++) {
                lo[e.first + i] = 0;
                hi[e.first + i] = e.type.isExponent(i) ? 1 : Double.POSITIVE_INFINITY;
            }
        }
        return new double[][] { lo, hi };
    }

    /**
     * Fits with {@code starts} starting points (the problem's start first); uses {@code pool} for the extra starts
     * when given. Throws IllegalArgumentException when there are more free parameters than data (2N values).
     */
    public static Fit fit(Problem problem, Spectrum s, int starts, long seed, ExecutorService pool) {
        int m = problem.free();
        if (m > 2 * s.size()) {
            throw new IllegalArgumentException(m + " free parameters but only " + s.size()
                    + " points (" + 2 * s.size() + " values)");
        }
        if (m == 0) {
            return finish(problem, s, problem.start().clone(), 0);
        }
        List<double[]> startPoints = new ArrayList<>();
        startPoints.add(problem.start());
        SplittableRandom random = new SplittableRandom(seed);
        Transform t = new Transform(problem);
        for (int k = 1; k < starts; k++) {
            double[] u = t.toFree(problem.start());
            for (int j = 0; j < u.length; j++) {
                // log-scale parameters move by up to a factor e^±2.3 (10x), logistic ones across their range
                u[j] += random.nextGaussian() * 1.5;
            }
            startPoints.add(t.toFull(u));
        }
        Fit best = null;
        if (pool != null && startPoints.size() > 1) {
            List<Future<Fit>> futures = new ArrayList<>();
            for (double[] p0 : startPoints) {
                futures.add(pool.submit(() -> fitOnce(problem.withStart(p0), s)));
            }
            for (Fit f : Futures.awaitAll(futures, () -> {
            })) {
                best = better(best, f);
            }
        } else {
            for (double[] p0 : startPoints) {
                best = better(best, fitOnce(problem.withStart(p0), s));
            }
        }
        if (best == null) {
            throw new IllegalStateException(s.label() + ": the fit did not converge from any of " + starts + " starts");
        }
        return best;
    }

    private static Fit better(Fit best, Fit candidate) {
        if (candidate == null) {
            return best;
        }
        // only a clearly better minimum replaces an earlier start: equivalent solutions (e.g. two interchangeable
        // RC groups swapped) keep the labelling of the first start
        return best == null || candidate.chiSquare() < best.chiSquare() * (1 - 1e-9) ? candidate : best;
    }

    /** One Levenberg-Marquardt run; null when it diverges (non-finite model or too many evaluations). */
    static Fit fitOnce(Problem problem, Spectrum s) {
        Transform t = new Transform(problem);
        int n = s.size();
        double[] w = s.omega();
        double[] weightRe = new double[n], weightIm = new double[n];
        weights(problem.weighting(), s, weightRe, weightIm);
        double[] target = new double[2 * n];
        for (int k = 0; k < n; k++) {
            target[k] = s.re()[k] / weightRe[k];
            target[n + k] = s.im()[k] / weightIm[k];
        }
        Circuit c = problem.circuit();
        int all = c.parameterCount();
        int[] freeIndex = t.freeIndex;
        LeastSquaresBuilder b = new LeastSquaresBuilder().start(t.toFree(problem.start())).target(target)
                .maxEvaluations(MAX_EVALUATIONS).maxIterations(MAX_EVALUATIONS).model(u -> {
                    double[] p = t.toFull(u.toArray());
                    double[] zr = new double[n], zi = new double[n];
                    double[][] dr = new double[all][n], di = new double[all][n];
                    c.evaluate(w, p, zr, zi, dr, di);
                    double[] value = new double[2 * n];
                    double[][] jac = new double[2 * n][freeIndex.length];
                    for (int k = 0; k < n; k++) {
                        value[k] = zr[k] / weightRe[k];
                        value[n + k] = zi[k] / weightIm[k];
                    }
                    for (int j = 0; j < freeIndex.length; j++) {
                        double chain = t.derivative(j, u.getEntry(j));
                        int q = freeIndex[j];
                        for (int k = 0; k < n; k++) {
                            jac[k][j] = dr[q][k] * chain / weightRe[k];
                            jac[n + k][j] = di[q][k] * chain / weightIm[k];
                        }
                    }
                    return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jac, false));
                });
        Optimum opt;
        try {
            opt = new LevenbergMarquardtOptimizer().withCostRelativeTolerance(1e-13)
                    .withParameterRelativeTolerance(1e-13).withOrthoTolerance(1e-13).optimize(b.build());
        } catch (MathIllegalStateException | IllegalArgumentException e) {
            return null;
        }
        RealVector u = opt.getPoint();
        double[] p = problem.circuit().canonical(t.toFull(u.toArray()), problem.fixed(), problem.lower(),
                problem.upper());
        for (double v : p) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        return finish(problem, s, p, opt.getEvaluations());
    }

    /** χ², covariance and correlation at {@code p}, computed in the model's own parameters. */
    private static Fit finish(Problem problem, Spectrum s, double[] p, int evaluations) {
        Circuit c = problem.circuit();
        int n = s.size(), all = c.parameterCount();
        double[] w = s.omega();
        double[] weightRe = new double[n], weightIm = new double[n];
        weights(problem.weighting(), s, weightRe, weightIm);
        double[] zr = new double[n], zi = new double[n];
        double[][] dr = new double[all][n], di = new double[all][n];
        c.evaluate(w, p, zr, zi, dr, di);
        double chi2 = 0;
        for (int k = 0; k < n; k++) {
            double a = (zr[k] - s.re()[k]) / weightRe[k], b = (zi[k] - s.im()[k]) / weightIm[k];
            chi2 += a * a + b * b;
        }
        int[] free = new Transform(problem).freeIndex;
        int m = free.length, dof = 2 * n - m;
        double[][] jtj = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b2 = 0; b2 <= a; b2++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += dr[free[a]][k] * dr[free[b2]][k] / (weightRe[k] * weightRe[k])
                            + di[free[a]][k] * di[free[b2]][k] / (weightIm[k] * weightIm[k]);
                }
                jtj[a][b2] = sum;
                jtj[b2][a] = sum;
            }
        }
        double[][] cov = Linear.inverseSymmetric(jtj);
        double scale = dof > 0 ? chi2 / dof : Double.NaN;
        double[] se = new double[all];
        double[][] corr = new double[all][all];
        for (int i = 0; i < all; i++) {
            corr[i][i] = 1;
        }
        for (int a = 0; a < m; a++) {
            se[free[a]] = cov == null ? Double.NaN : Math.sqrt(Math.max(0, cov[a][a] * scale));
            for (int b2 = 0; b2 < m; b2++) {
                corr[free[a]][free[b2]] = cov == null ? Double.NaN : cov[a][b2] / Math.sqrt(cov[a][a] * cov[b2][b2]);
            }
        }
        return new Fit(p, se, corr, chi2, scale, dof, evaluations, zr, zi);
    }

    static void weights(Weighting weighting, Spectrum s, double[] wr, double[] wi) {
        for (int k = 0; k < s.size(); k++) {
            switch (weighting) {
                case UNIT -> {
                    wr[k] = 1;
                    wi[k] = 1;
                }
                case MODULUS -> {
                    wr[k] = Math.hypot(s.re()[k], s.im()[k]);
                    wi[k] = wr[k];
                }
                case PROPORTIONAL -> {
                    // guard Z' or Z'' near zero (e.g. where the spectrum crosses the real axis)
                    double floor = 1e-3 * Math.hypot(s.re()[k], s.im()[k]);
                    wr[k] = Math.max(Math.abs(s.re()[k]), floor);
                    wi[k] = Math.max(Math.abs(s.im()[k]), floor);
                }
            }
            if (!(wr[k] > 0) || !(wi[k] > 0)) {
                wr[k] = wr[k] > 0 ? wr[k] : 1e-300;
                wi[k] = wi[k] > 0 ? wi[k] : 1e-300;
            }
        }
    }

    /** Free parameters u ↔ model parameters p: p = lo + e^u, hi − e^u, lo + (hi − lo)·logistic(u) or u. */
    static final class Transform {
        final int[] freeIndex;
        final double[] lo, hi, fullStart;

        Transform(Problem problem) {
            int m = problem.free();
            freeIndex = new int[m];
            for (int i = 0, j = 0; i < problem.fixed().length; i++) {
                if (!problem.fixed()[i]) {
                    freeIndex[j++] = i;
                }
            }
            lo = problem.lower();
            hi = problem.upper();
            fullStart = problem.start();
        }

        double[] toFree(double[] p) {
            double[] u = new double[freeIndex.length];
            for (int j = 0; j < u.length; j++) {
                int i = freeIndex[j];
                double l = lo[i], h = hi[i];
                // start strictly inside the bounds
                double margin = 1e-9 * (Double.isFinite(l) && Double.isFinite(h) ? h - l
                        : Math.max(Math.abs(p[i]), 1e-300));
                double v = p[i];
                if (Double.isFinite(l)) {
                    v = Math.max(v, l + margin);
                }
                if (Double.isFinite(h)) {
                    v = Math.min(v, h - margin);
                }
                if (Double.isFinite(l) && Double.isFinite(h)) {
                    double x = (v - l) / (h - l);
                    u[j] = Math.log(x / (1 - x));
                } else if (Double.isFinite(l)) {
                    u[j] = Math.log(v - l);
                } else if (Double.isFinite(h)) {
                    u[j] = Math.log(h - v);
                } else {
                    u[j] = v;
                }
            }
            return u;
        }

        double[] toFull(double[] u) {
            double[] p = fullStart.clone();
            for (int j = 0; j < u.length; j++) {
                int i = freeIndex[j];
                double l = lo[i], h = hi[i];
                if (Double.isFinite(l) && Double.isFinite(h)) {
                    p[i] = l + (h - l) / (1 + Math.exp(-u[j]));
                } else if (Double.isFinite(l)) {
                    p[i] = l + Math.exp(u[j]);
                } else if (Double.isFinite(h)) {
                    p[i] = h - Math.exp(u[j]);
                } else {
                    p[i] = u[j];
                }
            }
            return p;
        }

        /** dp/du of free parameter j. */
        double derivative(int j, double u) {
            int i = freeIndex[j];
            double l = lo[i], h = hi[i];
            if (Double.isFinite(l) && Double.isFinite(h)) {
                double e = Math.exp(-Math.abs(u));
                double sig = 1 / (1 + e);
                return (h - l) * sig * (1 - sig);
            } else if (Double.isFinite(l)) {
                return Math.exp(u);
            } else if (Double.isFinite(h)) {
                return -Math.exp(u);
            }
            return 1;
        }
    }
}
