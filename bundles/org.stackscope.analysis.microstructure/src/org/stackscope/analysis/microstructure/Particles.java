package org.stackscope.analysis.microstructure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.stackscope.core.api.Analysis;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.FigureSpec;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Metric;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.OutputSpec;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.Table;

/**
 * Active-material particles: the AM phase split by {@link ParticleLabels} (distance-transform watershed from
 * h-maxima), and per particle its volume-equivalent diameter, surface area and sphericity (π^(1/3) (6V)^(2/3) / A,
 * area from {@link SurfaceScan}'s estimator, so a digital sphere scores 0.97-1.0), the fraction of its surface
 * touching SE, touching void and touching other particles, and the one-sidedness of its contact loss: the length of
 * the area-weighted mean outward normal of its void-touching surface (0 = loss spread evenly around the particle, 1 =
 * all on one side; a cap of half angle α scores (1 + cos α) / 2). Particles with no SE contact are isolated.
 * <p>
 * Diameters D10/D50/D90 are volume-weighted. Uncertainties: bootstrap over particles (400 resamples, fixed seed).
 */
public final class Particles implements Analysis<ParticlesSettings> {

    private static final int BOOTSTRAP = 400;
    /** Per-particle face sums: total area, to SE, to void, to other particles, Σ n·area over void faces (3). */
    private static final int AREA = 0, TO_SE = 1, TO_VOID = 2, TO_PARTICLE = 3, LOSS_NX = 4, SUMS = 7;

    @Override
    public OutputSpec configure(InputSpec inputs, ParticlesSettings settings) throws InvalidSettingsException {
        LabelInput.check("particles", inputs, settings.phases);
        if (!(settings.splitDepthVoxels >= 0)) {
            throw new InvalidSettingsException("splitDepthVoxels must be >= 0, not " + settings.splitDepthVoxels);
        }
        return new OutputSpec(List.of("particles.count", "particles.isolated", "particles.isolated_fraction",
                "diameter.D10", "diameter.D50", "diameter.D90", "sphericity.mean", "contact.<AM>_<SE>.fraction.mean",
                "one_sidedness.mean"), List.of("particles"), List.of("diameter_distribution"));
    }

    @Override
    public Result run(Inputs inputs, ParticlesSettings settings, Monitor monitor) throws AnalysisException {
        try {
            configure(InputSpec.of(inputs), settings);
        } catch (InvalidSettingsException e) {
            throw new AnalysisException(e.getMessage());
        }
        LabelInput input = LabelInput.of(inputs, settings.phases);
        double[] voxelUm = input.volume().voxelSizeUm();
        ExecutorService pool = Executors.newFixedThreadPool(Contact.threads(settings.threads));
        try {
            LabelPlanes planes = Contact.planes(input, pool, monitor);
            int[] present = planes.labels();
            int am = input.requiredLabelOf(settings.activePhase, present);
            int se = input.labelOf(settings.electrolytePhase, present);
            int vo = input.labelOf(settings.voidPhase, present);
            double minVoxel = Math.min(voxelUm[0], Math.min(voxelUm[1], voxelUm[2]));
            monitor.begin("Particles", SurfaceScan.chunks(planes.nz));
            ParticleLabels particles = ParticleLabels.of(planes, am, voxelUm, settings.splitDepthVoxels * minVoxel,
                    pool, monitor);
            int count = particles.count;
            // codes for the surface scan: phase label 0-255 outside the particles, 256 + particle number inside
            int[] codes = particles.label;
            int planeSize = planes.nx * planes.ny;
            long[] voxels = new long[count + 1];
            boolean[] border = new boolean[count + 1];
            for (int z = 0; z < planes.nz; z++) {
                byte[] p = planes.planes[z];
                for (int i = 0; i < planeSize; i++) {
                    int v = z * planeSize + i;
                    int id = codes[v];
                    if (id == 0) {
                        codes[v] = p[i] & 0xff;
                    } else {
                        codes[v] = 256 + id;
                        voxels[id]++;
                        int x = i % planes.nx;
                        int y = i / planes.nx;
                        if (x == 0 || y == 0 || z == 0 || x == planes.nx - 1 || y == planes.ny - 1
                                || z == planes.nz - 1) {
                            border[id] = true;
                        }
                    }
                }
            }
            double[] sums = new double[(count + 1) * SUMS];
            SurfaceScan.Planes source = (z, scratch) -> {
                System.arraycopy(codes, z * planeSize, scratch, 0, planeSize);
                return scratch;
            };
            for (ParticleFaces chunk : SurfaceScan.run(planes.nx, planes.ny, planes.nz, voxelUm, source,
                    256 + count + 1, () -> new ParticleFaces(count, se, vo), pool, monitor)) {
                for (int i = 0; i < sums.length; i++) {
                    sums[i] += chunk.sums[i];
                }
            }
            return result(input, settings, count, voxels, border, sums, voxelUm);
        } finally {
            pool.shutdownNow();
            monitor.done();
        }
    }

    /** Face sums of one chunk per particle. */
    private static final class ParticleFaces implements SurfaceScan.FaceSink {
        final double[] sums;
        private final int se;
        private final int vo;

        ParticleFaces(int count, int se, int vo) {
            this.sums = new double[(count + 1) * SUMS];
            this.se = se;
            this.vo = vo;
        }

        @Override
        public boolean wants(int a, int b) {
            return a > 256 || b > 256;
        }

        @Override
        public void face(int x, int y, int z, int axis, int a, int b, double[] na, double areaA, double[] nb,
                double areaB) {
            if (a > 256) {
                add(a - 256, b, na, areaA);
            }
            if (b > 256) {
                add(b - 256, a, nb, areaB);
            }
        }

        private void add(int particle, int other, double[] normal, double area) {
            int o = particle * SUMS;
            sums[o + AREA] += area;
            if (other > 256) {
                sums[o + TO_PARTICLE] += area;
            } else if (other == se) {
                sums[o + TO_SE] += area;
            } else if (other == vo) {
                sums[o + TO_VOID] += area;
                sums[o + LOSS_NX] += area * normal[0];
                sums[o + LOSS_NX + 1] += area * normal[1];
                sums[o + LOSS_NX + 2] += area * normal[2];
            }
        }
    }

    private static Result result(LabelInput input, ParticlesSettings settings, int count, long[] voxels,
            boolean[] border, double[] sums, double[] voxelUm) {
        double voxelVolume = voxelUm[0] * voxelUm[1] * voxelUm[2];
        String[] names = { "particle", "voxels", "volume", "diameter", "area", "sphericity", "fraction_SE",
            "fraction_VOID", "fraction_particles", "one_sidedness", "isolated", "touches_border" };
        String[] units = { "", "", "um3", "um", "um2", "", "", "", "", "", "", "" };
        double[][] col = new double[names.length][count];
        for (int p = 1; p <= count; p++) {
            int o = p * SUMS;
            double volume = voxels[p] * voxelVolume;
            double area = sums[o + AREA];
            double loss = sums[o + TO_VOID];
            double oneSided = loss > 0 ? Math.sqrt(sq(sums[o + LOSS_NX]) + sq(sums[o + LOSS_NX + 1])
                    + sq(sums[o + LOSS_NX + 2])) / loss : Double.NaN;
            double[] row = { p, voxels[p], volume, Math.cbrt(6 * volume / Math.PI), area,
                area > 0 ? Math.cbrt(Math.PI) * Math.pow(6 * volume, 2.0 / 3) / area : Double.NaN,
                area > 0 ? sums[o + TO_SE] / area : Double.NaN, area > 0 ? loss / area : Double.NaN,
                area > 0 ? sums[o + TO_PARTICLE] / area : Double.NaN, oneSided, sums[o + TO_SE] == 0 ? 1 : 0,
                border[p] ? 1 : 0 };
            for (int c = 0; c < names.length; c++) {
                col[c][p - 1] = row[c];
            }
        }
        Result result = new Result();
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < names.length; c++) {
            columns.add(new Column(names[c], units[c], col[c]));
        }
        result.table("particles", Table.of(columns));

        // the statistics use the particles not cut by the border (unless asked otherwise)
        int[] kept = java.util.stream.IntStream.range(0, count)
                .filter(i -> !settings.excludeBorder || col[11][i] == 0).toArray();
        double[] diameter = pick(col[3], kept);
        double[] volume = pick(col[2], kept);
        double[] sphericity = pick(col[5], kept);
        double[] contact = pick(col[6], kept);
        double[] oneSided = pick(col[9], kept);
        double[] isolated = pick(col[10], kept);
        String am = settings.activePhase;
        result.metric("particles.count", kept.length, "");
        result.metric("particles.isolated", Arrays.stream(isolated).sum(), "");
        Statistic[] stats = {
            new Statistic("particles.isolated_fraction", "", (d, v, s, c, o, idx) -> mean(pick(isolated, idx))),
            new Statistic("diameter.D10", "um", (d, v, s, c, o, idx) -> volumeQuantile(d, v, idx, 0.1)),
            new Statistic("diameter.D50", "um", (d, v, s, c, o, idx) -> volumeQuantile(d, v, idx, 0.5)),
            new Statistic("diameter.D90", "um", (d, v, s, c, o, idx) -> volumeQuantile(d, v, idx, 0.9)),
            new Statistic("sphericity.mean", "", (d, v, s, c, o, idx) -> mean(pick(s, idx))),
            new Statistic("contact." + am + "_" + settings.electrolytePhase + ".fraction.mean", "",
                    (d, v, s, c, o, idx) -> mean(pick(c, idx))),
            new Statistic("one_sidedness.mean", "", (d, v, s, c, o, idx) -> mean(pick(o, idx))) };
        int[] all = java.util.stream.IntStream.range(0, kept.length).toArray();
        SplittableRandom random = new SplittableRandom(42);
        double[][] boot = new double[stats.length][BOOTSTRAP];
        for (int b = 0; b < BOOTSTRAP && kept.length > 1; b++) {
            int[] idx = new int[kept.length];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = random.nextInt(kept.length);
            }
            for (int s = 0; s < stats.length; s++) {
                boot[s][b] = stats[s].f.apply(diameter, volume, sphericity, contact, oneSided, idx);
            }
        }
        for (int s = 0; s < stats.length; s++) {
            double value = stats[s].f.apply(diameter, volume, sphericity, contact, oneSided, all);
            result.metric(stats[s].name, new Metric(value, stats[s].unit, kept.length > 1 ? sd(boot[s])
                    : Double.NaN));
        }
        result.figure(histogram(diameter, volume));
        result.note(Contact.ESTIMATOR_NOTE);
        if (kept.length < count) {
            result.note((count - kept.length) + " of " + count + " particles touch the volume border and are left "
                    + "out of the statistics (listed in the table)");
        }
        return result;
    }

    private interface ParticleStatistic {
        double apply(double[] diameter, double[] volume, double[] sphericity, double[] contact, double[] oneSided,
                int[] idx);
    }

    private record Statistic(String name, String unit, ParticleStatistic f) {
    }

    /** Volume-weighted histogram of equivalent diameters (20 bins). */
    private static FigureSpec histogram(double[] diameter, double[] volume) {
        double max = Arrays.stream(diameter).max().orElse(1);
        int bins = 20;
        double width = max / bins;
        double[] x = new double[bins];
        double[] y = new double[bins];
        double total = Arrays.stream(volume).sum();
        for (int b = 0; b < bins; b++) {
            x[b] = (b + 0.5) * width;
        }
        for (int i = 0; i < diameter.length; i++) {
            y[Math.min(bins - 1, (int) (diameter[i] / width))] += volume[i] / total;
        }
        return new FigureSpec("diameter_distribution", "Particle size (volume-weighted)", FigureSpec.Type.BAR,
                "Equivalent diameter (µm)", "Volume fraction of particles", List.of(new FigureSpec.Series("AM", x,
                        y)));
    }

    /** Diameter below which the given fraction of the particle volume lies (linear between particles). */
    static double volumeQuantile(double[] diameter, double[] volume, int[] idx, double q) {
        if (idx.length == 0) {
            return Double.NaN;
        }
        long[] order = new long[idx.length];
        double total = 0;
        for (int i = 0; i < idx.length; i++) {
            order[i] = ((long) Float.floatToIntBits((float) diameter[idx[i]]) << 32) | i;
            total += volume[idx[i]];
        }
        Arrays.sort(order);
        double cumulative = 0;
        for (long o : order) {
            int i = idx[(int) o];
            cumulative += volume[i];
            if (cumulative >= q * total) {
                return diameter[i];
            }
        }
        return diameter[idx[(int) order[order.length - 1]]];
    }

    private static double[] pick(double[] values, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = values[idx[i]];
        }
        return out;
    }

    /** Mean of the finite values (NaN if none). */
    private static double mean(double[] values) {
        double s = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        return n > 0 ? s / n : Double.NaN;
    }

    private static double sd(double[] values) {
        double m = mean(values);
        double s = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                s += (v - m) * (v - m);
                n++;
            }
        }
        return n > 1 ? Math.sqrt(s / (n - 1)) : Double.NaN;
    }

    private static double sq(double v) {
        return v * v;
    }
}
