package org.stackscope.analysis.microstructure;

import org.stackscope.core.model.AxisChoice;
import org.stackscope.core.settings.Setting;

/** Settings of {@link Segment}. */
public class SegmentSettings {

    @Setting(label = "Method", description = "PARTIAL_VOLUME (model of the blur), OTSU (multi-class) or MANUAL")
    public SegmentMethod method = SegmentMethod.PARTIAL_VOLUME;

    @Setting(label = "Classes", min = 2, max = 4, description = "Number of phases; labels 0.. in ascending grey")
    public int classes = 3;

    @Setting(label = "Phase names", description = "label=NAME pairs; CT grey order is void < SE < AM")
    public String phases = "0=VOID,1=SE,2=AM";

    @Setting(label = "Thresholds", description = "MANUAL: classes-1 ascending grey values (input units), e.g. "
            + "15000,31000; a voxel at or above threshold j gets label j+1")
    public String thresholds = "";

    @Setting(label = "Grey means", description = "PARTIAL_VOLUME: mean grey of each phase in ascending order (input "
            + "units), 'auto' for one estimated from the flat voxels, e.g. 8000,auto,auto; empty = all auto. Give "
            + "the mean of a phase that occurs only in thin features (e.g. cracks) - its voxels never reach it")
    public String greyMeans = "";

    @Setting(label = "PSF sigma", unit = "voxels", min = 0, max = 5,
            description = "PARTIAL_VOLUME: standard deviation of the blur; 0 = estimated (after any denoising)")
    public double psfSigma = 0;

    @Setting(label = "Smoothness", min = 0, max = 100, description = "PARTIAL_VOLUME: penalty per pair of unlike "
            + "neighbours in units of twice the noise variance (Potts prior); larger = smoother, loses thin features")
    public double smoothness = 1.25;

    @Setting(label = "Maximum sweeps", min = 1, max = 1000, description = "PARTIAL_VOLUME: sweeps of boundary "
            + "reassignment at most (it stops earlier when fewer than 1e-5 of the voxels change)")
    public int maxSweeps = 50;

    @Setting(label = "Denoise", description = "Filter applied before segmenting: NONE, MEDIAN, GAUSSIAN, BILATERAL. "
            + "PARTIAL_VOLUME needs none: its model fit averages the noise over the blur")
    public DenoiseFilter denoise = DenoiseFilter.NONE;

    @Setting(label = "Denoise sigma", unit = "voxels", min = 0.3, max = 10, description = "Gaussian sigma or bilateral "
            + "spatial sigma")
    public double denoiseSigma = 1;

    @Setting(label = "Denoise grey sigma", min = 0, description = "Bilateral grey sigma (input units); 0 = twice the "
            + "estimated noise")
    public double denoiseRangeSigma = 0;

    @Setting(label = "Profile axis", description = "Axis of the fraction profile and layers; PRESSURE = the volume's "
            + "stack-pressure axis")
    public AxisChoice axis = AxisChoice.PRESSURE;

    @Setting(label = "Layers", description = "auto = separator vs composite from the AM fraction profile; none; or the "
            + "first slice of the second layer")
    public String layers = "auto";

    @Setting(label = "Threads", min = 0, max = 1024, description = "0 = all processors; results do not depend on it")
    public int threads = 0;
}
