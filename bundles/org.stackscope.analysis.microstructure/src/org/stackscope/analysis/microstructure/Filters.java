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

    /** Receives output plane {@code z}; the array is reused for the next plane, so keep a copy, not the array. */
    interface PlaneSink {
        void store(int z, float[] plane);
    }

    /**
     * Separable Gaussian of a float volume given plane by plane. Each task blurs a run of consecutive planes and
     * keeps the 2r+1 input planes around the current one in a ring, so every input plane is loaded once per run and
     * no intermediate volume is held. Within a plane the three passes are fused row by row (Z then X into a ring of
     * 2r+1 rows, Y from that ring), so only the Z pass reads beyond the cache; the loops run over whole rows, one
     * symmetric tap pair at a time, which the JIT vectorises. The sum order does not depend on the run, so the
     * output does not depend on the number of threads.
     */
    static void blur(int nx, int ny, int nz, PlaneSource source, double sigma, int threads, Monitor monitor,
            PlaneSink sink) {
        float[] k = gaussianKernel(sigma);
        int r = k.length / 2;
        int window = 2 * r + 1;
        int n = nx * ny;
        float k0 = k[r];
        int runLength = Math.max(Math.max(1, r), (nz + 4 * threads - 1) / (4 * threads));
        int runs = (nz + runLength - 1) / runLength;
        Parallel.forEach(threads, runs, run -> {
            int z0 = run * runLength;
            int z1 = Math.min(nz, z0 + runLength);
            float[][] planes = new float[window][n];
            float[][] rows = new float[window][nx]; // Z- and X-blurred rows y-2r .. y
            float[] line = new float[nx + 2 * r];
            float[] out = new float[n]; // handed to the sink, which copies what it keeps
            int loaded = z0 - r - 1; // the last input plane (unclamped index) in the ring
            for (int z = z0; z < z1; z++) {
                monitor.checkCanceled();
                while (loaded < z + r) {
                    loaded++;
                    source.load(Math.min(nz - 1, Math.max(0, loaded)), planes[Math.floorMod(loaded, window)]);
                }
                float[] centre = planes[Math.floorMod(z, window)];
                for (int y = 0; y < ny + r; y++) {
                    if (y < ny) {
                        int row = y * nx;
                        for (int x = 0; x < nx; x++) {
                            line[r + x] = k0 * centre[row + x];
                        }
                        for (int j = 1; j <= r; j++) {
                            float[] lo = planes[Math.floorMod(z - j, window)];
                            float[] hi = planes[Math.floorMod(z + j, window)];
                            float kj = k[r + j];
                            for (int x = 0; x < nx; x++) {
                                line[r + x] += kj * (lo[row + x] + hi[row + x]);
                            }
                        }
                        java.util.Arrays.fill(line, 0, r, line[r]); // edges replicated
                        java.util.Arrays.fill(line, r + nx, nx + 2 * r, line[r + nx - 1]);
                        float[] xRow = rows[y % window];
                        for (int x = 0; x < nx; x++) {
                            xRow[x] = k0 * line[x + r];
                        }
                        for (int j = 1; j <= r; j++) {
                            float kj = k[r + j];
                            for (int x = 0; x < nx; x++) {
                                xRow[x] += kj * (line[x + r - j] + line[x + r + j]);
                            }
                        }
                    }
                    int yOut = y - r;
                    if (yOut < 0) {
                        continue;
                    }
                    int row = yOut * nx;
                    float[] mid = rows[yOut % window];
                    for (int x = 0; x < nx; x++) {
                        out[row + x] = k0 * mid[x];
                    }
                    for (int j = 1; j <= r; j++) {
                        float[] lo = rows[Math.max(0, yOut - j) % window];
                        float[] hi = rows[Math.min(ny - 1, yOut + j) % window];
                        float kj = k[r + j];
                        for (int x = 0; x < nx; x++) {
                            out[row + x] += kj * (lo[x] + hi[x]);
                        }
                    }
                }
                sink.store(z, out);
            }
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
