package org.stackscope.analysis.microstructure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.stackscope.core.api.Analysis;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.OutputSpec;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Volume;
import org.stackscope.io.volume.tiff.TiffWriter;

/**
 * 3-D denoising of a grey volume: 3x3x3 median, Gaussian or bilateral. Reports the noise (standard deviation
 * estimated from neighbour differences) before and after; the filtered volume is written as a 16-bit TIFF when
 * {@code output} is set, and is available in-process through {@link #denoise}.
 */
public final class Denoise implements Analysis<DenoiseSettings> {

    @Override
    public OutputSpec configure(InputSpec inputs, DenoiseSettings settings) throws InvalidSettingsException {
        requireOneVolume("denoise", inputs);
        return new OutputSpec(List.of("noise.before", "noise.after"), List.of(), List.of());
    }

    static void requireOneVolume(String id, InputSpec inputs) throws InvalidSettingsException {
        if (inputs.kinds().size() != 1 || inputs.kinds().get(0) != DataKind.VOLUME) {
            throw new InvalidSettingsException(id + " takes exactly one grey volume, not " + inputs.kinds().stream()
                    .map(DataKind::id).toList());
        }
    }

    /** The filtered volume (16-bit, same geometry; float and signed inputs are mapped onto 0..65535). */
    public static Volume denoise(Volume volume, DenoiseSettings settings, Monitor monitor) {
        GreyImage in = GreyImage.of(volume);
        GreyImage out = settings.filter.apply(in, settings.sigma, in.toStored(settings.rangeSigma) - in.toStored(0),
                Parallel.threads(settings.threads), monitor);
        return out.toVolume(volume.voxelSizeUm(), volume.pressureAxis(), volume.metadata());
    }

    @Override
    public Result run(Inputs inputs, DenoiseSettings settings, Monitor monitor) throws AnalysisException {
        if (!(inputs.get(0).data() instanceof Volume volume)) {
            throw new AnalysisException("denoise needs a grey volume");
        }
        int threads = Parallel.threads(settings.threads);
        GreyImage in;
        try {
            in = GreyImage.of(volume);
        } catch (IllegalArgumentException e) {
            throw new AnalysisException(inputs.get(0).path() + ": " + e.getMessage());
        }
        monitor.begin("Denoising (" + settings.filter + ")", -1);
        GreyImage out = settings.filter.apply(in, settings.sigma, in.toStored(settings.rangeSigma) - in.toStored(0),
                threads, monitor);
        Result result = new Result();
        result.metric("noise.before", in.scale * PartialVolume.noise(in, threads), "");
        result.metric("noise.after", out.scale * PartialVolume.noise(out, threads), "");
        writeTiff(settings.output, out.toVolume(volume.voxelSizeUm(), volume.pressureAxis(), volume.metadata()),
                result, monitor);
        monitor.done();
        return result;
    }

    /** Writes a volume as TIFF when {@code target} is set (atomically: TiffWriter moves a finished file in place). */
    static void writeTiff(String target, Volume volume, Result result, Monitor monitor) throws AnalysisException {
        if (target == null || target.isBlank()) {
            return;
        }
        Path path = Path.of(target.trim()).toAbsolutePath();
        try {
            TiffWriter.write(volume, path, TiffWriter.Options.DEFAULT, monitor);
        } catch (IOException e) {
            throw new AnalysisException(path + ": cannot write the volume: " + e.getMessage());
        }
        result.note("volume written to " + path);
    }
}
