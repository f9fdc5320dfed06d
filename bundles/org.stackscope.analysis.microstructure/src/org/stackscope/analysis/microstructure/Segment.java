package org.stackscope.analysis.microstructure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.stackscope.core.api.Analysis;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.OutputSpec;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.LabelVolume;
import org.stackscope.core.model.Volume;

import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Segments a grey volume into phases (optionally after denoising) and reports their fractions as
 * {@code phase-fractions} does (overall with uncertainty, profile, representative-volume check, layers), plus the
 * segmentation model: thresholds, class means, PSF sigma and noise. The label volume is the result's volume
 * {@code labels} (an 8-bit TIFF in the results folder; {@code step<N>:labels} for later recipe steps, with the phase
 * names) and is available in-process through {@link #segment}.
 */
public final class Segment implements Analysis<SegmentSettings> {

    /** A segmentation with the model behind it; grey values in the input's units. */
    public record Segmented(LabelVolume labels, double[] thresholds, double[] means, double psfSigma, double noise,
            int sweeps, long reassigned) {
    }

    @Override
    public OutputSpec configure(InputSpec inputs, SegmentSettings settings) throws InvalidSettingsException {
        Denoise.requireOneVolume("segment", inputs);
        validate(settings);
        return new OutputSpec(List.of("fraction.<phase>", "voxels", "threshold.<j>", "mean.<phase>", "psf.sigma",
                "noise.sigma", "reassigned"), List.of("profile", "rve", "layers"), List.of("profile", "rve"));
    }

    private static void validate(SegmentSettings s) throws InvalidSettingsException {
        if (s.classes < 2 || s.classes > 4) {
            throw new InvalidSettingsException("classes must be 2 to 4, not " + s.classes);
        }
        PhaseFractions.parsePhaseNames(s.phases);
        PhaseFractions.parseLayers(s.layers);
        if (s.method == SegmentMethod.MANUAL) {
            double[] t = parseList("thresholds", s.thresholds, s.classes - 1, false);
            for (int j = 1; j < t.length; j++) {
                if (!(t[j] > t[j - 1])) {
                    throw new InvalidSettingsException("thresholds must ascend: " + s.thresholds);
                }
            }
        }
        if (!s.greyMeans.isBlank()) {
            parseList("greyMeans", s.greyMeans, s.classes, true);
        }
    }

    /** Comma-separated numbers ('auto' = NaN when allowed), exactly {@code count} of them. */
    private static double[] parseList(String name, String text, int count, boolean autoAllowed)
            throws InvalidSettingsException {
        String[] parts = text.split(",");
        if (text.isBlank() || parts.length != count) {
            throw new InvalidSettingsException(name + ": " + count + " comma-separated values needed, got '" + text
                    + "'");
        }
        double[] v = new double[count];
        for (int j = 0; j < count; j++) {
            String p = parts[j].trim();
            if (autoAllowed && p.equalsIgnoreCase("auto")) {
                v[j] = Double.NaN;
                continue;
            }
            try {
                v[j] = Double.parseDouble(p);
            } catch (NumberFormatException e) {
                throw new InvalidSettingsException(name + ": '" + p + "' is not a number"
                        + (autoAllowed ? " or auto" : ""));
            }
            if (!Double.isFinite(v[j])) {
                throw new InvalidSettingsException(name + ": '" + p + "' is not finite");
            }
        }
        return v;
    }

    /** Segments a grey volume (the in-process entry point, e.g. for a chain of analyses). */
    public static Segmented segment(Volume volume, SegmentSettings settings, Monitor monitor)
            throws InvalidSettingsException {
        validate(settings);
        int threads = Parallel.threads(settings.threads);
        GreyImage img = GreyImage.of(volume);
        if (settings.method == SegmentMethod.PARTIAL_VOLUME && (img.nx < 8 || img.ny < 8 || img.nz < 8)) {
            throw new InvalidSettingsException("PARTIAL_VOLUME needs at least 8 voxels along every axis");
        }
        img = settings.denoise.apply(img, settings.denoiseSigma,
                settings.denoiseRangeSigma / img.scale, threads, monitor);
        int classes = settings.classes;
        double[] thresholds;
        double[] means = null;
        double sigma = Double.NaN;
        double noise = Double.NaN;
        int sweeps = 0;
        long reassigned = 0;
        byte[][] labels;
        switch (settings.method) {
            case OTSU -> {
                thresholds = Segmentation.otsuThresholds(img, classes, threads);
                labels = Segmentation.classify(img, thresholds, threads, monitor);
            }
            case MANUAL -> {
                double[] given = parseList("thresholds", settings.thresholds, classes - 1, false);
                thresholds = new double[given.length];
                for (int j = 0; j < given.length; j++) {
                    thresholds[j] = img.toStored(given[j]);
                }
                labels = Segmentation.classify(img, thresholds, threads, monitor);
            }
            default -> {
                double[] given = null;
                if (!settings.greyMeans.isBlank()) {
                    given = parseList("greyMeans", settings.greyMeans, classes, true);
                    for (int k = 0; k < classes; k++) {
                        given[k] = img.toStored(given[k]);
                    }
                }
                PartialVolume.Model model = PartialVolume.estimate(img, classes, given,
                        settings.psfSigma > 0 ? settings.psfSigma : Double.NaN, settings.smoothness, threads,
                        monitor);
                means = model.means();
                sigma = model.sigma();
                noise = model.noise();
                thresholds = Segmentation.midpoints(means);
                Segmentation.Fit fit = Segmentation.fitPartialVolume(img, means, sigma, noise, model.lambda(),
                        settings.maxSweeps, threads, monitor);
                labels = fit.labels();
                sweeps = fit.sweeps();
                reassigned = fit.reassigned();
            }
        }
        PlanarImg<UnsignedByteType, ByteArray> out = PlanarImgs.unsignedBytes(img.nx, img.ny, img.nz);
        for (int z = 0; z < img.nz; z++) {
            out.setPlane(z, new ByteArray(labels[z]));
        }
        Map<Integer, String> names = PhaseFractions.parsePhaseNames(settings.phases);
        LabelVolume labelVolume = new LabelVolume(new Volume(out, "uint8", volume.voxelSizeUm(),
                volume.pressureAxis(), volume.metadata()), names);
        return new Segmented(labelVolume, toOriginal(img, thresholds), toOriginal(img, means),
                sigma, Double.isNaN(noise) ? noise : noise * img.scale, sweeps, reassigned);
    }

    private static double[] toOriginal(GreyImage img, double[] stored) {
        if (stored == null) {
            return null;
        }
        double[] v = new double[stored.length];
        for (int j = 0; j < v.length; j++) {
            v[j] = img.toOriginal(stored[j]);
        }
        return v;
    }

    @Override
    public Result run(Inputs inputs, SegmentSettings settings, Monitor monitor) throws AnalysisException {
        if (!(inputs.get(0).data() instanceof Volume volume)) {
            throw new AnalysisException("segment needs a grey volume, not " + inputs.get(0).data().kind().id());
        }
        Path path = inputs.get(0).path();
        Segmented s;
        try {
            monitor.begin("Segmenting (" + settings.method + ")", -1);
            s = segment(volume, settings, monitor);
        } catch (InvalidSettingsException e) {
            throw new AnalysisException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new AnalysisException(path + ": " + e.getMessage());
        }
        PhaseFractionsSettings pf = new PhaseFractionsSettings();
        pf.axis = settings.axis;
        pf.layers = settings.layers;
        pf.threads = settings.threads;
        Result fractions = new PhaseFractions().run(
                new Inputs(List.of(new Inputs.Input(path, inputs.get(0).sha256(), inputs.get(0).formatId(),
                        s.labels()))), pf, monitor);
        Result result = new Result();
        fractions.metrics().forEach(result::metric);
        for (int j = 0; j < s.thresholds().length; j++) {
            result.metric("threshold." + (j + 1), s.thresholds()[j], "");
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < settings.classes; k++) {
            names.add(s.labels().phaseName(k));
        }
        if (s.means() != null) {
            for (int k = 0; k < s.means().length; k++) {
                result.metric("mean." + names.get(k), s.means()[k], "");
            }
            result.metric("psf.sigma", s.psfSigma(), "voxel");
            result.metric("noise.sigma", s.noise(), "");
            result.metric("reassigned", (double) s.reassigned() / volume.voxelCount(), "");
            result.metric("sweeps", s.sweeps(), "");
            if (settings.greyMeans.isBlank() || settings.greyMeans.split(",")[0].trim().equalsIgnoreCase("auto")) {
                result.note("mean." + names.get(0) + " was estimated from flat voxels; a phase found only in thin "
                        + "features (e.g. void belts) looks brighter there, which inflates its fraction: give "
                        + "greyMeans (e.g. the grey of air or a large pore) for accurate fractions");
            }
        }
        fractions.tables().forEach(result::table);
        fractions.figures().forEach(result::figure);
        fractions.notes().forEach(result::note);
        result.volume("labels", s.labels());
        monitor.done();
        return result;
    }
}
