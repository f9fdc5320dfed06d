package org.stackscope.analysis.microstructure;

import java.util.ArrayList;
import java.util.List;

import org.stackscope.core.api.FigureSpec;
import org.stackscope.core.api.Metric;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.Table;

/**
 * Uncertainty and layer statistics of phase fractions from {@link LabelCounts}: the representative-volume check
 * (fraction of each phase in every block at 1/8, 1/4, 1/2 and the full edge length, with the spread between blocks)
 * and the split of a volume into composite and separator along the profile axis.
 */
final class FractionStatistics {

    private FractionStatistics() {
    }

    /** Standard error of a label's fraction over blocks (NaN when a block is empty). */
    static double standardError(long[][] blocks, int label) {
        double[] f = fractions(blocks, label);
        if (f == null || f.length < 2) {
            return Double.NaN;
        }
        return std(f) / Math.sqrt(f.length);
    }

    private static double[] fractions(long[][] blocks, int label) {
        double[] f = new double[blocks.length];
        for (int b = 0; b < blocks.length; b++) {
            long total = 0;
            for (long c : blocks[b]) {
                total += c;
            }
            if (total == 0) {
                return null;
            }
            f[b] = (double) blocks[b][label] / total;
        }
        return f;
    }

    private static double std(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x / v.length;
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (v.length - 1));
    }

    /**
     * Table {@code rve} and figure: per block edge (1/8, 1/4, 1/2, 1 of the volume's edges) the mean fraction of every
     * phase over the blocks and their standard deviation. A volume is representative for a phase when the spread at
     * 1/2 edge is small compared with the fraction; the metric's uncertainty is that spread over sqrt(8).
     */
    static void addRepresentativeVolume(Result result, LabelCounts counts, List<String> phaseNames) {
        int[] grids = { 8, 4, 2, 1 };
        List<Column> columns = new ArrayList<>();
        double[] edge = new double[grids.length];
        double[] blockCount = new double[grids.length];
        for (int j = 0; j < grids.length; j++) {
            edge[j] = 1.0 / grids[j];
            blockCount[j] = Math.pow(grids[j], 3);
        }
        columns.add(new Column("edge_fraction", "", edge));
        columns.add(new Column("blocks", "", blockCount));
        List<FigureSpec.Series> series = new ArrayList<>();
        for (int l = 0; l < phaseNames.size(); l++) {
            double[] mean = new double[grids.length];
            double[] spread = new double[grids.length];
            for (int j = 0; j < grids.length; j++) {
                long[][] blocks = counts.blocks(grids[j], 0, counts.perSlice.length);
                double[] f = nonEmptyFractions(blocks, l);
                double m = 0;
                for (double x : f) {
                    m += x / f.length;
                }
                mean[j] = m;
                spread[j] = f.length > 1 ? std(f) : 0;
            }
            columns.add(new Column("fraction." + phaseNames.get(l) + ".mean", "", mean));
            columns.add(new Column("fraction." + phaseNames.get(l) + ".std", "", spread));
            series.add(new FigureSpec.Series(phaseNames.get(l), edge, spread));
        }
        result.table("rve", Table.of(columns));
        result.figure(new FigureSpec("rve", "Representative-volume check", FigureSpec.Type.LINE,
                "Sub-volume edge / volume edge", "Std. dev. of the fraction between sub-volumes", series));
    }

    private static double[] nonEmptyFractions(long[][] blocks, int label) {
        List<Double> out = new ArrayList<>();
        for (long[] block : blocks) {
            long total = 0;
            for (long c : block) {
                total += c;
            }
            if (total > 0) {
                out.add((double) block[label] / total);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The slice index k that best splits a profile into two constant runs [0, k) and [k, n) (least squares), or -1
     * for fewer than 2 slices.
     */
    static int changePoint(double[] profile) {
        int n = profile.length;
        if (n < 2) {
            return -1;
        }
        double[] sum = new double[n + 1];
        double[] sq = new double[n + 1];
        for (int i = 0; i < n; i++) {
            sum[i + 1] = sum[i] + profile[i];
            sq[i + 1] = sq[i] + profile[i] * profile[i];
        }
        int best = -1;
        double bestSse = Double.MAX_VALUE;
        for (int k = 1; k < n; k++) {
            double sse = sse(sum, sq, 0, k) + sse(sum, sq, k, n);
            if (sse < bestSse) {
                bestSse = sse;
                best = k;
            }
        }
        return best;
    }

    private static double sse(double[] sum, double[] sq, int from, int to) {
        double s = sum[to] - sum[from];
        return sq[to] - sq[from] - s * s / (to - from);
    }

    /** Fraction of a label in slices [from, to) and its standard error over the 8 octants of that layer. */
    static Metric layerFraction(LabelCounts counts, int label, int from, int to) {
        long in = 0;
        long all = 0;
        for (int z = from; z < to; z++) {
            for (int l = 0; l < counts.labels.length; l++) {
                all += counts.perSlice[z][l];
            }
            in += counts.perSlice[z][label];
        }
        double error = to - from >= 2 ? standardError(counts.blocks(2, from, to), label) : Double.NaN;
        return new Metric((double) in / all, "", error);
    }
}
