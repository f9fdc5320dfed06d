package org.stackscope.analysis.microstructure;

import java.util.Arrays;
import java.util.List;

import org.stackscope.core.api.Monitor;

/**
 * The blur model behind the partial-volume segmentation ({@link Segmentation#fitPartialVolume}): class means, PSF
 * sigma, noise and the boundary penalty. Means not given come from the flat voxels ({@link Segmentation#flatMeans});
 * a phase that only occurs in thin features never shows its pure grey there, so its mean should be given. A sigma
 * not given is found the Bayesian way: on a central block of at most 64^3 voxels the labels are fitted for each
 * candidate sigma and the one with the lowest energy (residual^2 + boundary penalty) wins (golden-section search
 * over 0.3..3.5 voxels).
 */
final class PartialVolume {

    private PartialVolume() {
    }

    /** The fitted model; means and noise in stored grey units, sigma in voxels. */
    record Model(double[] means, double sigma, double noise, double lambda) {
    }

    private static final int BLOCK = 64;
    private static final int BLOCK_SWEEPS = 30;
    private static final int EVALUATIONS = 8;

    /**
     * @param givenMeans known means in stored units, NaN where unknown (null = all unknown)
     * @param givenSigma known PSF sigma in voxels, or NaN
     * @param smoothness boundary penalty per neighbour pair in units of 2 * noise variance (the Potts weight of a
     *                   MAP estimate under Gaussian noise)
     */
    static Model estimate(GreyImage img, int classes, double[] givenMeans, double givenSigma, double smoothness,
            int threads, Monitor monitor) {
        double[] means = Segmentation.flatMeans(img, classes, 0.3, threads, monitor);
        if (givenMeans != null) {
            for (int k = 0; k < classes; k++) {
                if (!Double.isNaN(givenMeans[k])) {
                    means[k] = givenMeans[k];
                }
            }
        }
        double noise = noise(img, threads);
        double lambda = 2 * smoothness * noise * noise;
        GreyImage block = centralBlock(img);
        double[] m = means;
        double firstNoise = noise;
        double firstLambda = lambda;
        // energies by log sigma: the search's best point is not fitted twice
        java.util.Map<Double, double[]> fitted = new java.util.HashMap<>();
        double logSigma = !Double.isNaN(givenSigma) ? Math.log(givenSigma)
                : goldenMinimum(Math.log(0.3), Math.log(3.5), EVALUATIONS, ls -> fitted.computeIfAbsent(ls,
                        k -> energy(block, m, Math.exp(k), firstNoise, firstLambda, threads, monitor))[0]);
        double sigma = Math.exp(logSigma);
        // the residual of the fitted block measures the noise without the structure that biases the first estimate
        double[] e = fitted.computeIfAbsent(logSigma, k -> energy(block, m, sigma, firstNoise, firstLambda, threads, monitor));
        noise = Math.sqrt(e[1] / e[2]);
        lambda = 2 * smoothness * noise * noise;
        return new Model(means, sigma, noise, lambda);
    }

    private static double goldenMinimum(double a, double b, int evaluations,
            java.util.function.DoubleUnaryOperator f) {
        double g = (Math.sqrt(5) - 1) / 2;
        double x1 = b - g * (b - a);
        double x2 = a + g * (b - a);
        double f1 = f.applyAsDouble(x1);
        double f2 = f.applyAsDouble(x2);
        for (int i = 2; i < evaluations; i++) {
            if (f1 <= f2) {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - g * (b - a);
                f1 = f.applyAsDouble(x1);
            } else {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + g * (b - a);
                f2 = f.applyAsDouble(x2);
            }
        }
        return f1 <= f2 ? x1 : x2;
    }

    /**
     * Energy of the best labels of the block under a model, {energy, residual^2, voxels}: residual^2 + lambda *
     * boundary pairs, over the block without a margin of 2 sigma.
     */
    static double[] energy(GreyImage block, double[] means, double sigma, double noise, double lambda, int threads,
            Monitor monitor) {
        byte[][] labels = Segmentation.fitPartialVolume(block, means, sigma, noise, lambda, BLOCK_SWEEPS, threads,
                monitor).labels();
        int nx = block.nx;
        int ny = block.ny;
        int nz = block.nz;
        int margin = Math.min((int) Math.ceil(2 * sigma), Math.min(nx, Math.min(ny, nz)) / 4);
        float[] mu = new float[means.length];
        for (int k = 0; k < mu.length; k++) {
            mu[k] = (float) means[k];
        }
        double[] perPlane = new double[nz];
        double[] residual = new double[nz];
        Filters.blur(nx, ny, nz, (z, buf) -> {
            byte[] l = labels[z];
            for (int i = 0; i < buf.length; i++) {
                buf[i] = mu[l[i]];
            }
        }, sigma, threads, monitor, (z, model) -> {
            if (z < margin || z >= nz - margin) {
                return;
            }
            short[] p = block.planes[z];
            byte[] l = labels[z];
            byte[] above = labels[z + 1 < nz ? z + 1 : z];
            double rr = 0;
            long pairs = 0;
            for (int y = margin; y < ny - margin; y++) {
                for (int x = margin; x < nx - margin; x++) {
                    int i = y * nx + x;
                    double r = (p[i] & 0xFFFF) - model[i];
                    pairs += (l[i] != l[i + 1] ? 1 : 0) + (l[i] != l[i + nx] ? 1 : 0) + (l[i] != above[i] ? 1 : 0);
                    rr += r * r;
                }
            }
            residual[z] = rr;
            perPlane[z] = rr + lambda * pairs;
        });
        double voxels = (double) (nz - 2 * margin) * (ny - 2 * margin) * (nx - 2 * margin);
        return new double[] { Arrays.stream(perPlane).sum(), Arrays.stream(residual).sum(), voxels };
    }

    /** A copy of the central block of at most BLOCK voxels per axis. */
    static GreyImage centralBlock(GreyImage img) {
        int bx = Math.min(img.nx, BLOCK);
        int by = Math.min(img.ny, BLOCK);
        int bz = Math.min(img.nz, BLOCK);
        int x0 = (img.nx - bx) / 2;
        int y0 = (img.ny - by) / 2;
        int z0 = (img.nz - bz) / 2;
        short[][] planes = new short[bz][bx * by];
        for (int z = 0; z < bz; z++) {
            for (int y = 0; y < by; y++) {
                System.arraycopy(img.planes[z0 + z], (y0 + y) * img.nx + x0, planes[z], y * bx, bx);
            }
        }
        return new GreyImage(bx, by, bz, planes, img.offset, img.scale);
    }

    /**
     * Noise standard deviation from the lower quartile of the absolute differences of X-neighbours (differences
     * across edges only fill the upper tail): for Gaussian noise |d| has its quartile at 0.3186 * sqrt 2 * sigma.
     * Every 4th plane is sampled.
     */
    static double noise(GreyImage img, int threads) {
        int step = img.nz >= 16 ? 4 : 1;
        int samples = (img.nz + step - 1) / step;
        List<long[]> parts = Parallel.map(threads, samples, j -> {
            long[] h = new long[65536];
            short[] p = img.planes[j * step];
            for (int y = 0; y < img.ny; y++) {
                int row = y * img.nx;
                for (int x = 1; x < img.nx; x++) {
                    h[Math.abs((p[row + x] & 0xFFFF) - (p[row + x - 1] & 0xFFFF))]++;
                }
            }
            return h;
        });
        long[] h = new long[65536];
        long total = 0;
        for (long[] part : parts) {
            for (int d = 0; d < h.length; d++) {
                h[d] += part[d];
                total += part[d];
            }
        }
        long quarter = (total + 3) / 4;
        long acc = 0;
        int d = 0;
        while (d < h.length - 1 && acc + h[d] < quarter) {
            acc += h[d++];
        }
        // interpolate within the bin: the quantile of an integer-valued difference
        double q = d - 0.5 + (quarter - acc) / (double) Math.max(1, h[d]);
        return Math.max(0.5, q / (0.3186 * Math.sqrt(2)));
    }
}
