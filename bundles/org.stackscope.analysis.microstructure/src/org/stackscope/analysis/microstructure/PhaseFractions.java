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
 * the eight octants of the volume (a block estimate of how representative the volume is).
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
        return new OutputSpec(List.of("fraction.<phase>", "voxels"), List.of("profile"), List.of("profile"));
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
        try {
            names.putAll(parsePhaseNames(settings.phases));
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
            result.metric("fraction." + phase, new Metric(fraction, "", octantStandardError(counts, l)));
        }
        result.metric("voxels", voxels, "");
        addProfile(result, counts, phaseNames, axis, volume.voxelSizeUm()[axis.index()]);
        return result;
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

    /** Standard error of a label's fraction over the eight octants (NaN when an octant is empty). */
    private static double octantStandardError(LabelCounts counts, int label) {
        double[] f = new double[8];
        double mean = 0;
        for (int o = 0; o < 8; o++) {
            long total = 0;
            for (long c : counts.perOctant[o]) {
                total += c;
            }
            if (total == 0) {
                return Double.NaN;
            }
            f[o] = (double) counts.perOctant[o][label] / total;
            mean += f[o] / 8;
        }
        double ss = 0;
        for (double v : f) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / 7) / Math.sqrt(8);
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
