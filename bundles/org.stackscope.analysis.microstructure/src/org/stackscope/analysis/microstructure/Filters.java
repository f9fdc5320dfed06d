package org.stackscope.analysis.microstructure;

import org.stackscope.core.api.Monitor;

/**
 * 3-D denoising filters on {@link GreyImage}s, one output plane per task (deterministic for any thread count).
 * Borders replicate the edge voxels.
 */
final class Filters {

    private Filters() {
    }

    /** Supplies plane {@code z} of a volume as floats (into {@code out}, length nx*ny). */
    interface PlaneSource {
        void load(int z, float[] out);
    }

    /** Normalised 1-D Gaussian weights, radius ceil(3 sigma) (a single 1 for sigma = 0). */
    static float[] gaussianKernel(double sigma) {
        int r = sigma <= 0 ? 0 : (int) Math.ceil(3 * sigma);
        float[] k = new float[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            double w = sigma <= 0 ? 1 : Math.exp(-0.5 * i * i / (sigma * sigma));
            k[i + r] = (float) w;
            sum += w;
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= (float) sum;
        }
        return k;
    }

    /** Separable Gaussian (standard deviation in voxels) of a 16-bit image, rounded back to 16 bits. */
    static GreyImage gaussian(GreyImage in, double sigma, int threads, Monitor monitor) {
        GreyImage out = in.blankLike();
        blur(in.nx, in.ny, in.nz, (z, buf) -> {
            short[] p = in.planes[z];
            for (int i = 0; i < buf.length; i++) {
                buf[i] = p[i] & 0xFFFF;
            }
        }, sigma, threads, monitor, (z, plane) -> {
            short[] o = out.planes[z];
            for (int i = 0; i < o.length; i++) {
                o[i] = (short) Math.min(65535, Math.max(0, Math.round(plane[i])));
            }
        });
        return out;
    }

    interface PlaneSink {
        void store(int z, float[] plane);
    }

    /**
     * Separable Gaussian of a float volume given plane by plane: each output plane sums the neighbouring input
     * planes along Z, then blurs along X and Y in place, so no intermediate volume is held.
     */
    static void blur(int nx, int ny, int nz, PlaneSource source, double sigma, int threads, Monitor monitor,
            PlaneSink sink) {
        blur(nx, ny, nz, source, sigma, null, threads, monitor, sink);
    }

    /** As above, computing only the output planes listed in {@code only} (all when null). */
    static void blur(int nx, int ny, int nz, PlaneSource source, double sigma, int[] only, int threads,
            Monitor monitor, PlaneSink sink) {
        float[] k = gaussianKernel(sigma);
        int r = k.length / 2;
        int n = nx * ny;
        Parallel.forEach(threads, only == null ? nz : only.length, task -> {
            monitor.checkCanceled();
            int z = only == null ? task : only[task];
            float[] acc = new float[n];
            float[] in = new float[n];
            for (int dz = -r; dz <= r; dz++) {
                source.load(Math.min(nz - 1, Math.max(0, z + dz)), in);
                float w = k[dz + r];
                for (int i = 0; i < n; i++) {
                    acc[i] += w * in[i];
                }
            }
            float[] line = new float[Math.max(nx, ny) + 2 * r];
            float[] tmp = in;
            // X
            for (int y = 0; y < ny; y++) {
                int row = y * nx;
                for (int x = -r; x < nx + r; x++) {
                    line[x + r] = acc[row + Math.min(nx - 1, Math.max(0, x))];
                }
                for (int x = 0; x < nx; x++) {
                    float s = 0;
                    for (int j = 0; j < k.length; j++) {
                        s += k[j] * line[x + j];
                    }
                    tmp[row + x] = s;
                }
            }
            // Y, row-wise so that memory is read in order
            for (int y = 0; y < ny; y++) {
                int row = y * nx;
                java.util.Arrays.fill(acc, row, row + nx, 0f);
                for (int j = -r; j <= r; j++) {
                    int src = Math.min(ny - 1, Math.max(0, y + j)) * nx;
                    float w = k[j + r];
                    for (int x = 0; x < nx; x++) {
                        acc[row + x] += w * tmp[src + x];
                    }
                }
            }
            sink.store(z, acc);
        });
    }

    /**
     * Exact 3x3x3 median. Along each row the nine values of a Y-Z column are sorted once and reused by the three
     * output voxels that see that column; the median is the 14th smallest of three sorted columns.
     */
    static GreyImage median3(GreyImage in, int threads, Monitor monitor) {
        GreyImage out = in.blankLike();
        int nx = in.nx;
        int ny = in.ny;
        int nz = in.nz;
        Parallel.forEach(threads, nz, z -> {
            monitor.checkCanceled();
            short[][] zp = { in.planes[Math.max(0, z - 1)], in.planes[z], in.planes[Math.min(nz - 1, z + 1)] };
            int[] cols = new int[(nx + 2) * 9];
            short[] o = out.planes[z];
            for (int y = 0; y < ny; y++) {
                int[] rows = { Math.max(0, y - 1) * nx, y * nx, Math.min(ny - 1, y + 1) * nx };
                for (int x = -1; x <= nx; x++) {
                    int xc = Math.min(nx - 1, Math.max(0, x));
                    int base = (x + 1) * 9;
                    int m = 0;
                    for (short[] p : zp) {
                        for (int row : rows) {
                            cols[base + m++] = p[row + xc] & 0xFFFF;
                        }
                    }
                    sort9(cols, base);
                }
                for (int x = 0; x < nx; x++) {
                    o[y * nx + x] = (short) median27(cols, x * 9, x * 9 + 9, x * 9 + 18);
                }
            }
        });
        return out;
    }

    private static void sort9(int[] a, int from) {
        for (int i = from + 1; i < from + 9; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= from && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    /** 14th smallest of three sorted runs of nine. */
    private static int median27(int[] a, int p, int q, int s) {
        int pe = p + 9;
        int qe = q + 9;
        int se = s + 9;
        int v = 0;
        for (int taken = 0; taken < 14; taken++) {
            int va = p < pe ? a[p] : Integer.MAX_VALUE;
            int vb = q < qe ? a[q] : Integer.MAX_VALUE;
            int vc = s < se ? a[s] : Integer.MAX_VALUE;
            if (va <= vb && va <= vc) {
                v = va;
                p++;
            } else if (vb <= vc) {
                v = vb;
                q++;
            } else {
                v = vc;
                s++;
            }
        }
        return v;
    }

    /**
     * Bilateral filter: each voxel becomes the mean of its neighbours within {@code radius} voxels, weighted by a
     * spatial Gaussian (sigmaSpatial, voxels) and by a Gaussian of the grey difference (sigmaRange, stored grey
     * units), so that edges between phases whose contrast is well above sigmaRange are not blurred.
     */
    static GreyImage bilateral(GreyImage in, double sigmaSpatial, double sigmaRange, int threads, Monitor monitor) {
        GreyImage out = in.blankLike();
        int nx = in.nx;
        int ny = in.ny;
        int nz = in.nz;
        int r = Math.max(1, Math.min(3, (int) Math.ceil(2 * sigmaSpatial)));
        int side = 2 * r + 1;
        float[] spatial = new float[side * side * side];
        for (int dz = -r; dz <= r; dz++) {
            for (int dy = -r; dy <= r; dy++) {
                for (int dx = -r; dx <= r; dx++) {
                    spatial[((dz + r) * side + dy + r) * side + dx + r] = (float) Math
                            .exp(-0.5 * (dx * dx + dy * dy + dz * dz) / (sigmaSpatial * sigmaSpatial));
                }
            }
        }
        // range weights tabulated per grey difference up to 4 sigma, zero beyond
        int maxDiff = (int) Math.min(65535, Math.ceil(4 * sigmaRange));
        float[] range = new float[maxDiff + 1];
        for (int d = 0; d <= maxDiff; d++) {
            range[d] = (float) Math.exp(-0.5 * d * d / (sigmaRange * sigmaRange));
        }
        Parallel.forEach(threads, nz, z -> {
            monitor.checkCanceled();
            short[] o = out.planes[z];
            short[] c = in.planes[z];
            // the side x side rows of the neighbourhood (edges replicated), re-pointed for each y
            short[][] rowPlane = new short[side * side][];
            int[] rowStart = new int[side * side];
            for (int y = 0; y < ny; y++) {
                for (int dz = -r; dz <= r; dz++) {
                    for (int dy = -r; dy <= r; dy++) {
                        int row = (dz + r) * side + dy + r;
                        rowPlane[row] = in.planes[Math.min(nz - 1, Math.max(0, z + dz))];
                        rowStart[row] = Math.min(ny - 1, Math.max(0, y + dy)) * nx;
                    }
                }
                for (int x = 0; x < nx; x++) {
                    int centre = c[y * nx + x] & 0xFFFF;
                    boolean inside = x >= r && x < nx - r;
                    float sum = 0;
                    float weights = 0;
                    int s = 0;
                    for (int row = 0; row < rowPlane.length; row++) {
                        short[] p = rowPlane[row];
                        int base = rowStart[row];
                        for (int dx = -r; dx <= r; dx++, s++) {
                            int xx = inside ? x + dx : Math.min(nx - 1, Math.max(0, x + dx));
                            int v = p[base + xx] & 0xFFFF;
                            int diff = Math.abs(v - centre);
                            if (diff <= maxDiff) {
                                float w = spatial[s] * range[diff];
                                sum += w * v;
                                weights += w;
                            }
                        }
                    }
                    o[y * nx + x] = (short) Math.round(sum / weights);
                }
            }
        });
        return out;
    }
}
