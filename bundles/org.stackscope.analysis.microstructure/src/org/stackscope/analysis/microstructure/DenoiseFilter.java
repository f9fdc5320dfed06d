package org.stackscope.analysis.microstructure;

/** The 3-D denoising filters of {@link Denoise} and {@link Segment}. */
public enum DenoiseFilter {
    /** No filtering. */
    NONE,
    /** Exact 3x3x3 median. */
    MEDIAN,
    /** Separable Gaussian of standard deviation {@code sigma} voxels. */
    GAUSSIAN,
    /** Edge-preserving bilateral filter: spatial sigma {@code sigma} voxels, grey sigma {@code rangeSigma}. */
    BILATERAL;

    /**
     * Applies the filter; {@code rangeSigma} in stored grey units, 0 = twice the estimated noise. Returns the input
     * itself for NONE.
     */
    GreyImage apply(GreyImage in, double sigma, double rangeSigma, int threads,
            org.stackscope.core.api.Monitor monitor) {
        return switch (this) {
            case NONE -> in;
            case MEDIAN -> Filters.median3(in, threads, monitor);
            case GAUSSIAN -> Filters.gaussian(in, sigma, threads, monitor);
            case BILATERAL -> Filters.bilateral(in, sigma,
                    rangeSigma > 0 ? rangeSigma : 2 * PartialVolume.noise(in, threads), threads, monitor);
        };
    }
}
