package org.stackscope.analysis.microstructure;

import org.stackscope.core.settings.Setting;

/** Settings of {@link Denoise}. */
public class DenoiseSettings {

    @Setting(label = "Filter", description = "MEDIAN (3x3x3), GAUSSIAN or BILATERAL (edge-preserving)")
    public DenoiseFilter filter = DenoiseFilter.BILATERAL;

    @Setting(label = "Sigma", unit = "voxels", min = 0.3, max = 10,
            description = "Gaussian standard deviation; spatial sigma of the bilateral filter (radius 2 sigma, "
                    + "at most 3)")
    public double sigma = 1;

    @Setting(label = "Grey sigma", min = 0, description = "Bilateral filter: grey differences well above this are "
            + "edges and are kept (input grey units); 0 = twice the estimated noise")
    public double rangeSigma = 0;

    @Setting(label = "Threads", min = 0, max = 1024, description = "0 = all processors; results do not depend on it")
    public int threads = 0;
}
