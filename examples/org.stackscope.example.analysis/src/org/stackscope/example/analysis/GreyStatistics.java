package org.stackscope.example.analysis;

import java.util.List;

import org.stackscope.core.api.Analysis;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.OutputSpec;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Volume;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * The example a plugin author starts from: one class implementing {@link Analysis}, one settings class and a
 * plugin.xml entry. Statistics use Welford's update, summed slice by slice along Z.
 */
public final class GreyStatistics implements Analysis<GreyStatisticsSettings> {

    @Override
    public OutputSpec configure(InputSpec inputs, GreyStatisticsSettings settings) throws InvalidSettingsException {
        if (inputs.kinds().size() != 1) {
            throw new InvalidSettingsException("grey statistics take one volume");
        }
        if (!(settings.lower <= settings.upper)) {
            throw new InvalidSettingsException("lower (" + settings.lower + ") must not exceed upper (" + settings.upper + ")");
        }
        return new OutputSpec(List.of("grey.mean", "grey.std", "grey.min", "grey.max", "grey.count"), List.of(), List.of());
    }

    @Override
    public Result run(Inputs inputs, GreyStatisticsSettings settings, Monitor monitor) throws AnalysisException {
        Volume volume = (Volume) inputs.get(0).data();
        RandomAccessibleInterval<? extends RealType<?>> image = volume.image();
        long slices = image.dimension(2);
        monitor.begin("Grey statistics", slices);
        long n = 0;
        double mean = 0;
        double m2 = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (long z = 0; z < slices; z++) {
            monitor.checkCanceled();
            for (RealType<?> t : Views.flatIterable(Views.hyperSlice(image, 2, image.min(2) + z))) {
                double v = t.getRealDouble();
                if (v < settings.lower || v > settings.upper) {
                    continue;
                }
                n++;
                double delta = v - mean;
                mean += delta / n;
                m2 += delta * (v - mean);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            monitor.worked(1);
        }
        if (n == 0) {
            throw new AnalysisException("no voxel lies in [" + settings.lower + ", " + settings.upper + "]");
        }
        return new Result().metric("grey.mean", mean, "").metric("grey.std", n > 1 ? Math.sqrt(m2 / (n - 1)) : 0, "")
                .metric("grey.min", min, "").metric("grey.max", max, "").metric("grey.count", n, "");
    }
}
