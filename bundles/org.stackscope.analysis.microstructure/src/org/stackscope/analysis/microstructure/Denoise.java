package org.stackscope.analysis.microstructure;

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

/**
 * 3-D denoising of a grey volume: 3x3x3 median, Gaussian or bilateral. Reports the noise (standard deviation
 * estimated from neighbour differences) before and after. The filtered volume is the result's volume
 * {@code denoised} (a 16-bit TIFF in the results folder; {@code step<N>:denoised} for later recipe steps).
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
        result.volume("denoised", out.toVolume(volume.voxelSizeUm(), volume.pressureAxis(), volume.metadata()));
        monitor.done();
        return result;
    }
}
