package org.stackscope.analysis.microstructure;

import org.stackscope.core.model.AxisChoice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stackscope.core.api.Analysis;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.DataObject;
import org.stackscope.core.api.FigureSpec;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Metric;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.OutputSpec;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.LabelVolume;
import org.stackscope.core.model.Table;
import org.stackscope.core.model.Volume;

/**
 * Volume fraction of each label of a segmented volume, overall and per slice along an axis (by default the stack
 * pressure axis). Metrics are {@code fraction.<phase>}; the uncertainty is the standard error of the fraction over
 * the eight octants of the volume (a block estimate of how representative the volume is), and table {@code rve}
 * shows the spread between sub-volumes of 1/8, 1/4 and 1/2 of the edge. With {@code layers} the slices are split
 * into composite and separator (found automatically or given) with fractions and thickness per layer.
 */
public final class PhaseFractions implements Analysis<PhaseFractionsSettings> {

    @Override
    public OutputSpec configure(InputSpec inputs, PhaseFractionsSettings settings) throws InvalidSettingsException {
        if (inputs.kinds().size() != 1) {
            throw new InvalidSettingsException("phase-fractions takes exactly one volume, not " + inputs.kinds().size());
        }
        DataKind kind = inputs.kinds().get(0);
        if (kind != DataKind.LABELS && kind != DataKind.VOLUME) {
            throw new InvalidSettingsException("phase-fractions needs a label volume, not " + kind.id());
        }
        parsePhaseNames(settings.phases);
        parseLayers(settings.layers);
        return new OutputSpec(List.of("fraction.<phase>", "voxels", "layer.<layer>.fraction.<phase>",
                "layer.<layer>.thickness"), List.of("profile", "rve", "layers"), List.of("profile", "rve"));
    }

    @Override
    public Result run(Inputs inputs, PhaseFractionsSettings settings, Monitor monitor) throws AnalysisException {
        DataObject data = inputs.get(0).data();
        Volume volume;
        Map<Integer, String> names = new LinkedHashMap<>();
        if (data instanceof LabelVolume labels) {
            volume = labels.volume();
            names.putAll(labels.phases());
        } else {
            volume = (Volume) data;
        }
        int layerBoundary;
        try {
            names.putAll(parsePhaseNames(settings.phases));
            layerBoundary = parseLayers(settings.layers);
        } catch (InvalidSettingsException e) {
            throw new AnalysisException(e.getMessage());
        }
        Axis axis = settings.axis.resolve(volume);
        int threads = settings.threads > 0 ? settings.threads : Runtime.getRuntime().availableProcessors();

        LabelCounts counts;
        try {
            counts = LabelCounts.count(volume.image(), axis.index(), settings.maxLabels, threads, monitor);
        } catch (IllegalArgumentException e) {
            throw new AnalysisException(inputs.get(0).path() + ": " + e.getMessage());
        }
        long voxels = counts.voxels();
        Result result = new Result();
        List<String> phaseNames = new ArrayList<>();
        for (int l = 0; l < counts.labels.length; l++) {
            String phase = names.getOrDefault(counts.labels[l], Integer.toString(counts.labels[l]));
            phaseNames.add(phase);
            double fraction = (double) counts.total(l) / voxels;
            result.metric("fraction." + phase,
                    new Metric(fraction, "", FractionStatistics.standardError(counts.perOctant, l)));
        }
        result.metric("voxels", voxels, "");
        double sliceUm = volume.voxelSizeUm()[axis.index()];
        addProfile(result, counts, phaseNames, axis, sliceUm);
        FractionStatistics.addRepresentativeVolume(result, counts, phaseNames);
        addLayers(result, counts, phaseNames, layerBoundary, sliceUm);
        return result;
    }

    /** AM fraction below SEPARATOR_MAX_AM in one layer and above COMPOSITE_MIN_AM in the other: a separator. */
    private static final double SEPARATOR_MAX_AM = 0.05;
    private static final double COMPOSITE_MIN_AM = 0.10;

    /** -1 = auto, 0 = none, else the first slice of the second layer. */
    static int parseLayers(String text) throws InvalidSettingsException {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("auto")) {
            return -1;
        }
        if (t.equalsIgnoreCase("none")) {
            return 0;
        }
        try {
            int slice = Integer.parseInt(t);
            if (slice >= 1) {
                return slice;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingsException("layers: '" + t + "' is not auto, none or a slice index >= 1");
    }

    /**
     * Splits the slices into two layers (found from the AM fraction profile, or at the given slice) and reports the
     * fractions and thickness of each. With a phase named AM the layer poorer in AM is the separator.
     */
    private static void addLayers(Result result, LabelCounts counts, List<String> phaseNames, int boundary,
            double sliceUm) {
        int slices = counts.perSlice.length;
        if (boundary == 0) {
            return;
        }
        int am = phaseNames.indexOf(LabelVolume.AM);
        double[] amProfile = new double[slices];
        for (int z = 0; z < slices && am >= 0; z++) {
            long all = 0;
            for (long c : counts.perSlice[z]) {
                all += c;
            }
            amProfile[z] = (double) counts.perSlice[z][am] / all;
        }
        if (boundary < 0) {
            if (am < 0) {
                result.note("layers: no phase named AM, so no separator was looked for (name the labels or give "
                        + "layers=<slice>)");
                return;
            }
            boundary = FractionStatistics.changePoint(amProfile);
            double lower = boundary < 0 ? 0 : mean(amProfile, 0, boundary);
            double upper = boundary < 0 ? 0 : mean(amProfile, boundary, slices);
            if (boundary < 0 || Math.min(lower, upper) > SEPARATOR_MAX_AM
                    || Math.max(lower, upper) < COMPOSITE_MIN_AM) {
                result.note("layers: no separator found (no run of slices with AM fraction below "
                        + SEPARATOR_MAX_AM + " next to a composite above " + COMPOSITE_MIN_AM + ")");
                return;
            }
        }
        if (boundary >= slices) {
            result.note("layers: slice " + boundary + " is beyond the " + slices + " slices; no layers reported");
            return;
        }
        String[] names = { "lower", "upper" };
        if (am >= 0) {
            boolean lowerIsSeparator = mean(amProfile, 0, boundary) < mean(amProfile, boundary, slices);
            names = lowerIsSeparator ? new String[] { "separator", "composite" }
                    : new String[] { "composite", "separator" };
        }
        int[][] ranges = { { 0, boundary }, { boundary, slices } };
        double[] layer = new double[2];
        double[] from = new double[2];
        double[] to = new double[2];
        List<double[]> perPhase = new ArrayList<>();
        for (int l = 0; l < phaseNames.size(); l++) {
            perPhase.add(new double[2]);
        }
        for (int j = 0; j < 2; j++) {
            layer[j] = j + 1;
            from[j] = ranges[j][0] * sliceUm;
            to[j] = ranges[j][1] * sliceUm;
            for (int l = 0; l < phaseNames.size(); l++) {
                Metric m = FractionStatistics.layerFraction(counts, l, ranges[j][0], ranges[j][1]);
                perPhase.get(l)[j] = m.value();
                result.metric("layer." + names[j] + ".fraction." + phaseNames.get(l), m);
            }
            // the boundary is known to within half a slice
            result.metric("layer." + names[j] + ".thickness", new Metric(to[j] - from[j], "um", sliceUm / 2));
        }
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("layer", "", layer));
        columns.add(new Column("from", "um", from));
        columns.add(new Column("to", "um", to));
        for (int l = 0; l < phaseNames.size(); l++) {
            columns.add(new Column("fraction." + phaseNames.get(l), "", perPhase.get(l)));
        }
        result.table("layers", Table.of(columns));
        result.note("layers: 1 = " + names[0] + ", 2 = " + names[1] + ", boundary at slice " + boundary);
    }

    private static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / (to - from);
    }

    private static void addProfile(Result result, LabelCounts counts, List<String> phaseNames, Axis axis,
            double sliceThicknessUm) {
        int slices = counts.perSlice.length;
        double[] index = new double[slices];
        double[] position = new double[slices];
        for (int z = 0; z < slices; z++) {
            index[z] = z;
            position[z] = (z + 0.5) * sliceThicknessUm;
        }
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("slice", "", index));
        columns.add(new Column("position", "um", position));
        List<FigureSpec.Series> series = new ArrayList<>();
        for (int l = 0; l < phaseNames.size(); l++) {
            double[] f = new double[slices];
            for (int z = 0; z < slices; z++) {
                long inSlice = 0;
                for (long c : counts.perSlice[z]) {
                    inSlice += c;
                }
                f[z] = (double) counts.perSlice[z][l] / inSlice;
            }
            columns.add(new Column("fraction." + phaseNames.get(l), "", f));
            series.add(new FigureSpec.Series(phaseNames.get(l), position, f));
        }
        result.table("profile", Table.of(columns));
        result.figure(new FigureSpec("profile", "Phase fractions along " + axis, FigureSpec.Type.LINE,
                "Position along " + axis + " (µm)", "Volume fraction", series));
    }

    /** Parses {@code 0=VOID,85=AM}; names must be usable in metric names (letters, digits, '_', '-'). */
    static Map<Integer, String> parsePhaseNames(String text) throws InvalidSettingsException {
        Map<Integer, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String pair : text.split(",")) {
            String[] kv = pair.split("=", 2);
            try {
                String name = kv[1].trim();
                if (!name.matches("[A-Za-z0-9_-]+")) {
                    throw new InvalidSettingsException("phase name '" + name + "' may hold only letters, digits, _ and -");
                }
                out.put(Integer.parseInt(kv[0].trim()), name);
            } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
                throw new InvalidSettingsException("phases: '" + pair.trim() + "' is not of the form label=NAME");
            }
        }
        return out;
    }
}
