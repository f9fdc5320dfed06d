package org.stackscope.analysis.microstructure;

import java.util.List;

import org.stackscope.core.api.Monitor;

/**
 * Segmentation of a grey volume into classes 0..k-1 in ascending grey order (labels as byte planes).
 *
 * <p>{@link #fitPartialVolume} handles blurred boundaries with a model of the blur: the image is modelled as
 * {@code I = G * mu(L)} (G a Gaussian point-spread function of standard deviation sigma, mu the class means, L the
 * labels) and labels on boundaries are reassigned one voxel at a time whenever that lowers
 * {@code |I - G * mu(L)|^2} plus a small boundary-length (Potts) penalty. Blur conserves grey "mass", so a thin void
 * whose dip never reaches the void grey still gets the number of void voxels its missing intensity implies, and the
 * blurred ramp from AM down to a void is split between AM and void instead of becoming a false SE skin.
 * Only {@code c = G * (I - G * mu(L))} is kept: changing voxel v by delta changes it by {@code -delta * G2(. - v)}
 * (G2 = G * G, a Gaussian of sigma * sqrt 2) and the energy by {@code -(2 delta c(v) - delta^2 G2(0))}.
 */
final class Segmentation {

    private Segmentation() {
    }

    /** Class of every voxel: the number of thresholds (stored grey units, ascending) at or below its grey. */
    static byte[][] classify(GreyImage img, double[] thresholds, int threads, Monitor monitor) {
        byte[][] labels = new byte[img.nz][img.plane()];
        // lookup table over all 16-bit values
        byte[] lut = new byte[65536];
        for (int v = 0; v < lut.length; v++) {
            int k = 0;
            while (k < thresholds.length && v >= thresholds[k]) {
                k++;
            }
            lut[v] = (byte) k;
        }
        Parallel.forEach(threads, img.nz, z -> {
            monitor.checkCanceled();
            short[] p = img.planes[z];
            byte[] l = labels[z];
            for (int i = 0; i < p.length; i++) {
                l[i] = lut[p[i] & 0xFFFF];
            }
        });
        return labels;
    }

    /** Multi-Otsu thresholds (stored grey units) from a 256-bin histogram over the image's grey range. */
    static double[] otsuThresholds(GreyImage img, int classes, int threads) {
        int[] range = img.range(threads);
        int bins = 256;
        long[] h = img.histogram(bins, range[0], range[1], threads);
        int[] t = MultiOtsu.thresholdBins(h, classes);
        double width = (range[1] - range[0] + 1) / (double) bins;
        double[] out = new double[t.length];
        for (int j = 0; j < t.length; j++) {
            out[j] = range[0] + t[j] * width;
        }
        return out;
    }

    /**
     * Class means (stored grey units) of the flat parts of the image: the voxels whose gradient magnitude is in the
     * lowest {@code flatQuantile} are histogrammed, split by multi-Otsu and averaged per class. Partial-volume
     * voxels sit on slopes and are left out, so the pure phases show as separate peaks even when blur has filled
     * the valleys of the full histogram. Every 4th plane is sampled.
     */
    static double[] flatMeans(GreyImage img, int classes, double flatQuantile, int threads, Monitor monitor) {
        int nz = img.nz;
        int step = nz >= 16 ? 4 : 1;
        int samples = (nz + step - 1) / step;
        int bins = 4096;
        int[] range = img.range(threads);
        // pass 1: histogram of the gradient magnitude (central differences) in 4096 bins up to the largest possible
        double span = Math.max(1, range[1] - range[0]);
        double maxG2 = 3 * span * span / 4;
        List<long[]> gradientParts = Parallel.map(threads, samples, j -> {
            monitor.checkCanceled();
            long[] h = new long[bins];
            gradientPass(img, j * step, (i, g2) -> h[Math.min(bins - 1, (int) Math.sqrt(g2 / maxG2 * bins * bins))]++);
            return h;
        });
        long[] gh = new long[bins];
        long total = 0;
        for (long[] h : gradientParts) {
            for (int b = 0; b < bins; b++) {
                gh[b] += h[b];
                total += h[b];
            }
        }
        long wanted = (long) Math.ceil(flatQuantile * total);
        int cut = 0;
        for (long acc = 0; cut < bins && acc + gh[cut] < wanted; cut++) {
            acc += gh[cut];
        }
        double limit = (cut + 1) / (double) bins;
        double limitG2 = limit * limit * maxG2;
        // pass 2: grey histogram (256 bins over the grey range) and sums of the flat voxels
        int greyBins = 256;
        double width = (range[1] - range[0] + 1) / (double) greyBins;
        List<double[]> parts = Parallel.map(threads, samples, j -> {
            monitor.checkCanceled();
            int z = j * step;
            double[] h = new double[2 * greyBins]; // counts, then grey sums
            short[] p = img.planes[z];
            gradientPass(img, z, (i, g2) -> {
                if (g2 <= limitG2) {
                    int v = p[i] & 0xFFFF;
                    int b = Math.min(greyBins - 1, (int) ((v - range[0]) / width));
                    h[b]++;
                    h[greyBins + b] += v;
                }
            });
            return h;
        });
        long[] counts = new long[greyBins];
        double[] sums = new double[greyBins];
        for (double[] h : parts) {
            for (int b = 0; b < greyBins; b++) {
                counts[b] += (long) h[b];
                sums[b] += h[greyBins + b];
            }
        }
        int[] t = MultiOtsu.thresholdBins(counts, classes);
        double[] means = new double[classes];
        for (int k = 0; k < classes; k++) {
            int from = k == 0 ? 0 : t[k - 1];
            int to = k == classes - 1 ? greyBins : t[k];
            long n = 0;
            double sum = 0;
            for (int b = from; b < to; b++) {
                n += counts[b];
                sum += sums[b];
            }
            means[k] = n > 0 ? sum / n : range[0] + (from + to) / 2.0 * width;
        }
        return means;
    }

    private interface GradientVisitor {
        void visit(int index, double squaredGradient);
    }

    /** Squared central-difference gradient of every voxel of plane z (one-sided at the edges). */
    private static void gradientPass(GreyImage img, int z, GradientVisitor visitor) {
        int nx = img.nx;
        int ny = img.ny;
        short[] p = img.planes[z];
        short[] below = img.planes[Math.max(0, z - 1)];
        short[] above = img.planes[Math.min(img.nz - 1, z + 1)];
        for (int y = 0; y < ny; y++) {
            int ym = Math.max(0, y - 1) * nx;
            int yp = Math.min(ny - 1, y + 1) * nx;
            for (int x = 0; x < nx; x++) {
                int i = y * nx + x;
                int row = y * nx;
                double gx = ((p[row + Math.min(nx - 1, x + 1)] & 0xFFFF) - (p[row + Math.max(0, x - 1)] & 0xFFFF))
                        * 0.5;
                double gy = ((p[yp + x] & 0xFFFF) - (p[ym + x] & 0xFFFF)) * 0.5;
                double gz = ((above[i] & 0xFFFF) - (below[i] & 0xFFFF)) * 0.5;
                visitor.visit(i, gx * gx + gy * gy + gz * gz);
            }
        }
    }

    /** Thresholds halfway between adjacent means (nearest-mean classification). */
    static double[] midpoints(double[] means) {
        double[] t = new double[means.length - 1];
        for (int k = 0; k < t.length; k++) {
            t[k] = (means[k] + means[k + 1]) / 2;
        }
        return t;
    }

    /** Sweeps done and labels changed by {@link #fitPartialVolume}. */
    record Fit(int sweeps, long reassigned) {
    }

    /**
     * Reassigns boundary labels (in place) until no change lowers the energy
     * {@code |I - G * mu(L)|^2 + lambda * (6-neighbour pairs with different labels)} or {@code maxSweeps} sweeps are
     * done. Slabs of fixed thickness along Z are swept in two phases (even, then odd), each slab by one thread in a
     * fixed order; slabs of one phase never touch the same voxels, so the result is the same for any thread count.
     * After the first sweep only rows near a change are revisited.
     */
    static Fit fitPartialVolume(GreyImage img, byte[][] labels, double[] means, double sigma, double lambda,
            int maxSweeps, int threads, Monitor monitor) {
        int nx = img.nx;
        int ny = img.ny;
        int nz = img.nz;
        float[] mu = new float[means.length];
        for (int k = 0; k < mu.length; k++) {
            mu[k] = (float) means[k];
        }
        float[][] c = new float[nz][];
        Filters.blur(nx, ny, nz, (z, buf) -> {
            short[] p = img.planes[z];
            for (int i = 0; i < buf.length; i++) {
                buf[i] = p[i] & 0xFFFF;
            }
        }, sigma, threads, monitor, (z, plane) -> c[z] = plane);
        double sigma2 = sigma * Math.sqrt(2);
        Filters.blur(nx, ny, nz, (z, buf) -> {
            byte[] l = labels[z];
            for (int i = 0; i < buf.length; i++) {
                buf[i] = mu[l[i]];
            }
        }, sigma2, threads, monitor, (z, plane) -> {
            float[] cz = c[z];
            for (int i = 0; i < cz.length; i++) {
                cz[i] -= plane[i];
            }
        });
        float[] full = Filters.gaussianKernel(sigma2);
        int r2 = Math.min(full.length / 2, Math.max(1, (int) Math.ceil(2 * sigma2)));
        float[] w = new float[2 * r2 + 1];
        System.arraycopy(full, full.length / 2 - r2, w, 0, w.length);
        Sweep sweep = new Sweep(labels, c, nx, ny, nz, mu, w, (float) lambda);
        int thickness = 2 * r2 + 2;
        int slabs = (nz + thickness - 1) / thickness;
        int sweeps = 0;
        long reassigned = 0;
        while (sweeps < maxSweeps) {
            sweeps++;
            long changed = 0;
            for (int phase = 0; phase < 2; phase++) {
                int first = phase;
                List<Long> counts = Parallel.map(threads, (slabs - first + 1) / 2, s -> {
                    monitor.checkCanceled();
                    int slab = first + 2 * s;
                    return sweep.slab(slab * thickness, Math.min(nz, (slab + 1) * thickness));
                });
                for (long n : counts) {
                    changed += n;
                }
            }
            reassigned += changed;
            if (changed <= img.voxels() / 100000) {
                break; // the last few changes move the fractions by less than 1e-5
            }
            sweep.nextSweep();
        }
        return new Fit(sweeps, reassigned);
    }

    /** One sweep's state: the labels, c, the G2 stencil and which rows (z, y) to visit. */
    private static final class Sweep {
        final byte[][] labels;
        final float[][] c;
        final int nx;
        final int ny;
        final int nz;
        final float[] mu;
        final float[] w;
        final float g0;
        final float lambda;
        boolean[][] visit;
        boolean[][] next;

        Sweep(byte[][] labels, float[][] c, int nx, int ny, int nz, float[] mu, float[] w, float lambda) {
            this.labels = labels;
            this.c = c;
            this.nx = nx;
            this.ny = ny;
            this.nz = nz;
            this.mu = mu;
            this.w = w;
            int r = w.length / 2;
            this.g0 = w[r] * w[r] * w[r];
            this.lambda = lambda;
            visit = null; // first sweep visits every row
            next = new boolean[nz][ny];
        }

        void nextSweep() {
            visit = next;
            next = new boolean[nz][ny];
        }

        /** Rows that a change at (y, z) can affect: its stencil, plus one for the neighbour counts. */
        private void markAround(int y, int z) {
            int r = w.length / 2 + 1;
            for (int zz = Math.max(0, z - r); zz <= Math.min(nz - 1, z + r); zz++) {
                boolean[] rows = next[zz];
                for (int yy = Math.max(0, y - r); yy <= Math.min(ny - 1, y + r); yy++) {
                    if (!rows[yy]) {
                        rows[yy] = true; // threads may both set a row: same outcome; reading first avoids
                    }                    // needless writes to cache lines the other thread holds
                }
            }
        }

        long slab(int z0, int z1) {
            int classes = mu.length;
            int r = w.length / 2;
            int[] count = new int[classes];
            long changed = 0;
            int markedRow = -1;
            for (int z = z0; z < z1; z++) {
                byte[] l = labels[z];
                byte[] below = z > 0 ? labels[z - 1] : null;
                byte[] above = z < nz - 1 ? labels[z + 1] : null;
                float[] cz = c[z];
                for (int y = 0; y < ny; y++) {
                    if (visit != null && !visit[z][y]) {
                        continue;
                    }
                    for (int x = 0; x < nx; x++) {
                        int i = y * nx + x;
                        int a = l[i];
                        java.util.Arrays.fill(count, 0);
                        int neighbours = 0;
                        if (x > 0) {
                            count[l[i - 1]]++;
                            neighbours++;
                        }
                        if (x < nx - 1) {
                            count[l[i + 1]]++;
                            neighbours++;
                        }
                        if (y > 0) {
                            count[l[i - nx]]++;
                            neighbours++;
                        }
                        if (y < ny - 1) {
                            count[l[i + nx]]++;
                            neighbours++;
                        }
                        if (below != null) {
                            count[below[i]]++;
                            neighbours++;
                        }
                        if (above != null) {
                            count[above[i]]++;
                            neighbours++;
                        }
                        if (count[a] == neighbours) {
                            continue; // not on a boundary
                        }
                        float cv = cz[i];
                        float best = 0;
                        int bestClass = -1;
                        for (int k = 0; k < classes; k++) {
                            if (k == a) {
                                continue;
                            }
                            float d = mu[k] - mu[a];
                            float gain = 2 * d * cv - d * d * g0 - lambda * (count[a] - count[k]);
                            if (gain > best) {
                                best = gain;
                                bestClass = k;
                            }
                        }
                        if (bestClass < 0) {
                            continue;
                        }
                        l[i] = (byte) bestClass;
                        changed++;
                        if (markedRow != z * ny + y) {
                            markAround(y, z); // once per row and sweep is enough
                            markedRow = z * ny + y;
                        }
                        float d = mu[bestClass] - mu[a];
                        for (int dz = -r; dz <= r; dz++) {
                            int zz = z + dz;
                            if (zz < 0 || zz >= nz) {
                                continue;
                            }
                            float[] cp = c[zz];
                            float wz = d * w[dz + r];
                            for (int dy = -r; dy <= r; dy++) {
                                int yy = y + dy;
                                if (yy < 0 || yy >= ny) {
                                    continue;
                                }
                                float wzy = wz * w[dy + r];
                                int row = yy * nx;
                                int xFrom = Math.max(0, x - r);
                                int xTo = Math.min(nx - 1, x + r);
                                for (int xx = xFrom; xx <= xTo; xx++) {
                                    cp[row + xx] -= wzy * w[xx - x + r];
                                }
                            }
                        }
                    }
                }
            }
            return changed;
        }
    }
}
