package org.stackscope.analysis.microstructure;

import java.util.ArrayList;
import java.util.List;
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
 * How contact depends on direction. The active-material (AM) surface is split by the polar angle θ between its
 * outward normal and the pressure axis (folded to 0-90°: 0 = facing along the pressure axis, 90 = facing sideways),
 * and in every θ bin the fraction of that surface touching electrolyte (SE), void and every other phase is
 * measured with {@link SurfaceScan}'s estimator in one multi-threaded pass. Voids are then described by the principal
 * axes of each connected void (equivalent ellipsoid from second moments).
 * <p>
 * Metrics: {@code anisotropy.AM_SE.fraction_axial} / {@code _lateral} (θ below / above 45°), the same for void,
 * {@code void.count}, {@code void.anisotropy} (volume-weighted mean of 1 - c/a, 0 = round) and
 * {@code void.minor_axis_alignment} (volume-weighted mean |cos| between each void's shortest axis and the pressure
 * axis: 1 = voids flattened across the pressure axis, 0.5 = random). Uncertainties: standard error over octants.
 */
public final class ContactAnisotropy implements Analysis<ContactAnisotropySettings> {

    private static final int TOTAL = 0;
    private static final int TO_SE = 1;
    private static final int TO_VOID = 2;
    private static final double COS_45 = Math.sqrt(0.5);

    @Override
    public OutputSpec configure(InputSpec inputs, ContactAnisotropySettings settings)
            throws InvalidSettingsException {
        LabelInput.check("contact-anisotropy", inputs, settings.phases);
        if (!(settings.binDegrees >= 1 && settings.binDegrees <= 90)) {
            throw new InvalidSettingsException("binDegrees must be between 1 and 90, not " + settings.binDegrees);
        }
        if (settings.minVoidVoxels < 1) {
            throw new InvalidSettingsException("minVoidVoxels must be at least 1, not " + settings.minVoidVoxels);
        }
        return new OutputSpec(List.of("anisotropy.<AM>_<SE>.fraction_axial", "anisotropy.<AM>_<SE>.fraction_lateral",
                "anisotropy.<AM>_<VOID>.fraction_axial", "anisotropy.<AM>_<VOID>.fraction_lateral", "void.count",
                "void.anisotropy", "void.minor_axis_alignment"), List.of("polar", "voids", "rve"),
                List.of("contact_vs_polar_angle"));
    }

    @Override
    public Result run(Inputs inputs, ContactAnisotropySettings settings, Monitor monitor) throws AnalysisException {
        try {
            configure(InputSpec.of(inputs), settings);
        } catch (InvalidSettingsException e) {
            throw new AnalysisException(e.getMessage());
        }
        LabelInput input = LabelInput.of(inputs, settings.phases);
        double[] voxelUm = input.volume().voxelSizeUm();
        int axis = settings.axis.resolve(input.volume()).index();
        int bins = (int) Math.ceil(90 / settings.binDegrees - 1e-9);
        ExecutorService pool = Executors.newFixedThreadPool(Contact.threads(settings.threads));
        try {
            LabelPlanes planes = Contact.planes(input, pool, monitor);
            int[] present = planes.labels();
            int am = input.requiredLabelOf(settings.activePhase, present);
            int se = input.labelOf(settings.electrolytePhase, present);
            int vo = input.labelOf(settings.voidPhase, present);
            int[] index = LabelInput.indexOf(present);
            int n = present.length;
            Blocks blocks = new Blocks(planes.nx, planes.ny, planes.nz);
            monitor.begin("Contact by polar angle", SurfaceScan.chunks(planes.nz));
            Polar polar = new Polar(bins, n, blocks, index, am, se, vo, axis, settings.binDegrees);
            for (Polar chunk : SurfaceScan.runLabels(planes.nx, planes.ny, planes.nz, voxelUm,
                    planes.planes, present, () -> new Polar(bins, n, blocks, index, am, se, vo, axis,
                            settings.binDegrees), pool, monitor)) {
                polar.add(chunk);
            }
            Result result = new Result();
            String amName = input.name(am);
            addPolar(result, polar, input, present, settings, amName);
            addVoids(result, vo < 0 ? null : VoidShapes.of(planes, vo, voxelUm, pool, monitor), planes, voxelUm,
                    axis, settings.minVoidVoxels, polar, amName, settings.electrolytePhase);
            result.note(Contact.ESTIMATOR_NOTE);
            return result;
        } finally {
            pool.shutdownNow();
            monitor.done();
        }
    }

    /** AM face areas of one chunk: per bin and neighbour phase, and per block for the uncertainty. */
    private static final class Polar implements SurfaceScan.FaceSink {
        final double[] byBin; // [bin * n + neighbour]
        final double[] blockBin; // [(block * bins + bin) * 3 + TOTAL|TO_SE|TO_VOID]
        final double[] blockHalf; // [(block * 2 + axial0/lateral1) * 3 + TOTAL|TO_SE|TO_VOID]
        private final int bins;
        private final int n;
        private final Blocks blocks;
        private final int[] index;
        private final int am;
        private final int se;
        private final int vo;
        private final int axis;
        private final double[] cosUpperEdge;

        Polar(int bins, int n, Blocks blocks, int[] index, int am, int se, int vo, int axis, double binDegrees) {
            this.bins = bins;
            this.n = n;
            this.blocks = blocks;
            this.index = index;
            this.am = am;
            this.se = se;
            this.vo = vo;
            this.axis = axis;
            cosUpperEdge = new double[bins];
            for (int bin = 0; bin < bins; bin++) {
                cosUpperEdge[bin] = Math.cos(Math.toRadians(Math.min(90, (bin + 1) * binDegrees)));
            }
            byBin = new double[bins * n];
            blockBin = new double[Blocks.COUNT * bins * 3];
            blockHalf = new double[Blocks.COUNT * 2 * 3];
        }

        @Override
        public void face(int x, int y, int z, int faceAxis, int a, int b, double[] na, double areaA, double[] nb,
                double areaB) {
            if (a == am) {
                add(blocks.of(x, y, z), na, areaA, b);
            } else if (b == am) {
                add(blocks.of(x, y, z), nb, areaB, a);
            }
        }

        @Override
        public boolean wants(int a, int b) {
            return a == am || b == am;
        }

        private void add(int block, double[] normal, double area, int neighbour) {
            // θ in bin k when cos θ > cos of the bin's upper edge (no acos per face); the edges fall with k, so the
            // bin is the number of edges at or above cos θ: counted without a data-dependent branch
            double cos = Math.abs(normal[axis]);
            int bin = 0;
            for (int k = 0; k < bins - 1; k++) {
                bin += cos <= cosUpperEdge[k] ? 1 : 0;
            }
            byBin[bin * n + index[neighbour]] += area;
            int cls = neighbour == se ? TO_SE : neighbour == vo ? TO_VOID : -1;
            int b = (block * bins + bin) * 3;
            int h = (block * 2 + (cos > COS_45 ? 0 : 1)) * 3;
            blockBin[b + TOTAL] += area;
            blockHalf[h + TOTAL] += area;
            if (cls > 0) {
                blockBin[b + cls] += area;
                blockHalf[h + cls] += area;
            }
        }

        void add(Polar other) {
            sumInto(byBin, other.byBin);
            sumInto(blockBin, other.blockBin);
            sumInto(blockHalf, other.blockHalf);
        }

        /** Per-block values of one slot: {@code array[(block * groups + group) * 3 + cls]}. */
        static double[] perBlock(double[] array, int groups, int group, int cls) {
            double[] out = new double[Blocks.COUNT];
            for (int blk = 0; blk < Blocks.COUNT; blk++) {
                out[blk] = array[(blk * groups + group) * 3 + cls];
            }
            return out;
        }
    }

    private static void sumInto(double[] target, double[] add) {
        for (int i = 0; i < target.length; i++) {
            target[i] += add[i];
        }
    }

    private static void addPolar(Result result, Polar polar, LabelInput input, int[] present,
            ContactAnisotropySettings settings, String amName) {
        int bins = polar.bins;
        int n = polar.n;
        double[] lo = new double[bins];
        double[] hi = new double[bins];
        double[] mid = new double[bins];
        double[] total = new double[bins];
        for (int bin = 0; bin < bins; bin++) {
            lo[bin] = bin * settings.binDegrees;
            hi[bin] = Math.min(90, (bin + 1) * settings.binDegrees);
            mid[bin] = (lo[bin] + hi[bin]) / 2;
            for (int p = 0; p < n; p++) {
                total[bin] += polar.byBin[bin * n + p];
            }
        }
        List<Column> columns = new ArrayList<>(List.of(new Column("theta_min", "deg", lo),
                new Column("theta_max", "deg", hi), new Column("area." + amName, "um2", total)));
        List<FigureSpec.Series> series = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            if (present[p] == polar.am) {
                continue;
            }
            double[] area = new double[bins];
            double[] fraction = new double[bins];
            for (int bin = 0; bin < bins; bin++) {
                area[bin] = polar.byBin[bin * n + p];
                fraction[bin] = total[bin] > 0 ? area[bin] / total[bin] : Double.NaN;
            }
            String name = input.name(present[p]);
            columns.add(new Column("area." + name, "um2", area));
            columns.add(new Column("fraction." + name, "", fraction));
            int cls = present[p] == polar.se ? TO_SE : present[p] == polar.vo ? TO_VOID : -1;
            if (cls > 0) {
                double[] se = new double[bins];
                for (int bin = 0; bin < bins; bin++) {
                    se[bin] = Blocks.octantStandardError(Polar.perBlock(polar.blockBin, bins, bin, cls),
                            Polar.perBlock(polar.blockBin, bins, bin, TOTAL));
                }
                columns.add(new Column("fraction_se." + name, "", se));
                series.add(new FigureSpec.Series(name, mid, fraction));
            }
        }
        result.table("polar", Table.of(columns));
        result.figure(new FigureSpec("contact_vs_polar_angle", amName + " contact by polar angle to the pressure axis",
                FigureSpec.Type.LINE, "Polar angle of the " + amName + " surface normal (°)", "Fraction of "
                        + amName + " surface", series));
        String seName = settings.electrolytePhase;
        String voidName = settings.voidPhase;
        String[] halves = { "axial", "lateral" };
        for (int cls : new int[] { TO_SE, TO_VOID }) {
            for (int h = 0; h < 2; h++) {
                double[] num = Polar.perBlock(polar.blockHalf, 2, h, cls);
                double[] den = Polar.perBlock(polar.blockHalf, 2, h, TOTAL);
                double d = Contact.sum(den);
                result.metric("anisotropy." + amName + "_" + (cls == TO_SE ? seName : voidName) + ".fraction_"
                        + halves[h], new Metric(d > 0 ? Contact.sum(num) / d : Double.NaN, "",
                                Blocks.octantStandardError(num, den)));
            }
        }
    }

    private static void addVoids(Result result, VoidShapes voids, LabelPlanes planes, double[] voxelUm, int axis,
            int minVoxels, Polar polar, String amName, String seName) {
        List<Integer> kept = new ArrayList<>();
        if (voids != null) {
            for (int v = 0; v < voids.count(); v++) {
                if (voids.voxels[v] >= minVoxels) {
                    kept.add(v);
                }
            }
        }
        int k = kept.size();
        String[] names = { "voxels", "volume", "x", "y", "z", "a", "b", "c", "minor_axis_polar", "anisotropy",
            "touches_border" };
        String[] units = { "", "um3", "um", "um", "um", "um", "um", "um", "deg", "", "" };
        double[][] col = new double[names.length][k];
        Blocks blocks = new Blocks(planes.nx, planes.ny, planes.nz);
        double[] weight = new double[Blocks.COUNT];
        double[] anisotropy = new double[Blocks.COUNT];
        double[] alignment = new double[Blocks.COUNT];
        double voxelVolume = voxelUm[0] * voxelUm[1] * voxelUm[2];
        for (int i = 0; i < k; i++) {
            int v = kept.get(i);
            double[] c = voids.centroid[v];
            double[] s = voids.semiAxesUm[v];
            double cos = Math.abs(voids.minorAxis[v][axis]);
            double an = s[0] > 0 ? 1 - s[2] / s[0] : 0;
            double[] row = { voids.voxels[v], voids.voxels[v] * voxelVolume, c[0] * voxelUm[0], c[1] * voxelUm[1],
                c[2] * voxelUm[2], s[0], s[1], s[2], Math.toDegrees(Math.acos(Math.min(1, cos))), an,
                voids.touchesBorder[v] ? 1 : 0 };
            for (int j = 0; j < names.length; j++) {
                col[j][i] = row[j];
            }
            int blk = blocks.of((int) Math.round(c[0]), (int) Math.round(c[1]), (int) Math.round(c[2]));
            weight[blk] += voids.voxels[v];
            anisotropy[blk] += voids.voxels[v] * an;
            alignment[blk] += voids.voxels[v] * cos;
        }
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < names.length; j++) {
            columns.add(new Column(names[j], units[j], col[j]));
        }
        result.table("voids", Table.of(columns));
        double[] count = new double[Blocks.COUNT];
        for (int i = 0; i < k; i++) {
            double[] c = voids.centroid[kept.get(i)];
            count[blocks.of((int) Math.round(c[0]), (int) Math.round(c[1]), (int) Math.round(c[2]))]++;
        }
        double[] blockVolume = blocks.volumes(voxelUm);
        result.metric("void.count", new Metric(k, "", Blocks.octantStandardError(count, blockVolume)
                * Contact.sum(blockVolume)));
        double w = Contact.sum(weight);
        result.metric("void.anisotropy", new Metric(w > 0 ? Contact.sum(anisotropy) / w : Double.NaN, "",
                Blocks.octantStandardError(anisotropy, weight)));
        result.metric("void.minor_axis_alignment", new Metric(w > 0 ? Contact.sum(alignment) / w : Double.NaN, "",
                Blocks.octantStandardError(alignment, weight)));
        List<Blocks.Ratio> ratios = new ArrayList<>();
        String[] halves = { "axial", "lateral" };
        for (int h = 0; h < 2; h++) {
            ratios.add(new Blocks.Ratio("anisotropy." + amName + "_" + seName + ".fraction_" + halves[h],
                    Polar.perBlock(polar.blockHalf, 2, h, TO_SE), Polar.perBlock(polar.blockHalf, 2, h, TOTAL)));
        }
        ratios.add(new Blocks.Ratio("void.anisotropy", anisotropy, weight));
        ratios.add(new Blocks.Ratio("void.minor_axis_alignment", alignment, weight));
        result.table("rve", Table.of(Blocks.rveColumns(new int[] { planes.nx, planes.ny, planes.nz }, voxelUm,
                ratios)));
    }
}
