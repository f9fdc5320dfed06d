package org.stackscope.analysis.microstructure;

import java.util.ArrayList;
import java.util.List;

import org.stackscope.core.model.Column;

/**
 * Representative-volume check: the volume is cut into 4 x 4 x 4 blocks, quantities are summed per block, and a
 * ratio metric (e.g. contact area / surface area) is evaluated on blocks of 1/4, 1/2 and the whole edge length. The
 * spread between blocks shows whether the volume is large enough; the metric's uncertainty is the standard error
 * over the eight octants (1/2 blocks), as phase-fractions reports it.
 */
final class Blocks {

    static final int PER_AXIS = 4;
    static final int COUNT = PER_AXIS * PER_AXIS * PER_AXIS;
    private static final int[] SCALES = { 1, 2, 4 };

    private final int[] bx;
    private final int[] by;
    private final int[] bz;

    Blocks(int nx, int ny, int nz) {
        bx = cut(nx);
        by = cut(ny);
        bz = cut(nz);
    }

    private static int[] cut(int n) {
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            b[i] = (int) ((long) i * PER_AXIS / n);
        }
        return b;
    }

    /** Volume (µm³) of each block. */
    double[] volumes(double[] voxelUm) {
        double[] v = new double[COUNT];
        for (int b = 0; b < COUNT; b++) {
            v[b] = count(bx, b % PER_AXIS) * voxelUm[0] * count(by, b / PER_AXIS % PER_AXIS) * voxelUm[1]
                    * count(bz, b / (PER_AXIS * PER_AXIS)) * voxelUm[2];
        }
        return v;
    }

    private static int count(int[] blockOf, int block) {
        int c = 0;
        for (int b : blockOf) {
            c += b == block ? 1 : 0;
        }
        return c;
    }

    /** Block index 0-63 of a voxel. */
    int of(int x, int y, int z) {
        return bx[x] + PER_AXIS * (by[y] + PER_AXIS * bz[z]);
    }

    /** Sums of per-block values over the blocks of one scale (1, 2 or 4 blocks per axis), in block order. */
    private static double[] coarsen(double[] perBlock, int scale) {
        double[] out = new double[scale * scale * scale];
        int f = PER_AXIS / scale;
        for (int b = 0; b < COUNT; b++) {
            int x = b % PER_AXIS / f;
            int y = b / PER_AXIS % PER_AXIS / f;
            int z = b / (PER_AXIS * PER_AXIS) / f;
            out[x + scale * (y + scale * z)] += perBlock[b];
        }
        return out;
    }

    /** Mean and sample SD of num/den over the blocks of one scale where den > 0 ({NaN, NaN} if none). */
    static double[] ratioSpread(double[] num, double[] den, int scale) {
        double[] n = coarsen(num, scale);
        double[] d = coarsen(den, scale);
        double sum = 0;
        double sumSq = 0;
        int k = 0;
        for (int i = 0; i < n.length; i++) {
            if (d[i] > 0) {
                double r = n[i] / d[i];
                sum += r;
                sumSq += r * r;
                k++;
            }
        }
        if (k == 0) {
            return new double[] { Double.NaN, Double.NaN };
        }
        double mean = sum / k;
        double sd = k > 1 ? Math.sqrt(Math.max(0, (sumSq - k * mean * mean) / (k - 1))) : Double.NaN;
        return new double[] { mean, sd };
    }

    /** Standard error of num/den over the octants (SD / sqrt(octants with den > 0)). */
    static double octantStandardError(double[] num, double[] den) {
        double[] d = coarsen(den, 2);
        int k = 0;
        for (double v : d) {
            k += v > 0 ? 1 : 0;
        }
        return ratioSpread(num, den, 2)[1] / Math.sqrt(k);
    }

    /** One ratio metric of the representative-volume table. */
    record Ratio(String name, double[] num, double[] den) {
    }

    /** Table columns: blocks per axis, block edge in µm per axis, and mean/sd of every ratio at each scale. */
    static List<Column> rveColumns(int[] dims, double[] voxelUm, List<Ratio> ratios) {
        List<Column> columns = new ArrayList<>();
        double[] perAxis = new double[SCALES.length];
        double[][] edge = new double[3][SCALES.length];
        for (int s = 0; s < SCALES.length; s++) {
            perAxis[s] = SCALES[s];
            for (int a = 0; a < 3; a++) {
                edge[a][s] = dims[a] * voxelUm[a] / SCALES[s];
            }
        }
        columns.add(new Column("blocks_per_axis", "", perAxis));
        columns.add(new Column("block_x", "um", edge[0]));
        columns.add(new Column("block_y", "um", edge[1]));
        columns.add(new Column("block_z", "um", edge[2]));
        for (Ratio r : ratios) {
            double[] mean = new double[SCALES.length];
            double[] sd = new double[SCALES.length];
            for (int s = 0; s < SCALES.length; s++) {
                double[] m = ratioSpread(r.num(), r.den(), SCALES[s]);
                mean[s] = m[0];
                sd[s] = m[1];
            }
            columns.add(new Column(r.name() + ".mean", "", mean));
            columns.add(new Column(r.name() + ".sd", "", sd));
        }
        return columns;
    }
}
