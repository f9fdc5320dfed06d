package org.stackscope.analysis.transport;

import org.stackscope.core.model.AxisChoice;
import org.stackscope.core.settings.Setting;

/** Settings of {@link TortuosityFactor}. */
public class TortuosityFactorSettings {

    @Setting(label = "Conducting phases", description = "Label numbers or phase names of the phases that conduct, "
            + "e.g. 0 or SE,CARBON")
    public String phases = "0";

    @Setting(label = "Grey-value range", description = "Instead of phases: the voxels with grey values in this "
            + "inclusive range conduct, e.g. 0-89 for the pores of a grey-value CT image; empty = use phases")
    public String greyRange = "";

    @Setting(label = "Relative conductivities", description = "label=value pairs for several conducting phases, "
            + "e.g. 0=1,170=0.1; unlisted phases conduct with 1. Faces between phases use the harmonic mean")
    public String conductivities = "";

    @Setting(label = "Flow axis", description = "Direction of transport; PRESSURE = the volume's stack-pressure axis")
    public AxisChoice axis = AxisChoice.PRESSURE;

    @Setting(label = "Periodic sides", description = "Side faces wrap around; otherwise they are closed (no flux)")
    public boolean periodicSides = false;

    @Setting(label = "Tolerance", min = 1e-12, max = 0.1, description = "Converged when the relative residual and "
            + "the largest relative deviation of any plane's flux from the mean flux are both below this")
    public double tolerance = 1e-5;

    @Setting(label = "Maximum iterations", min = 1, max = 1_000_000)
    public int maxIterations = 2000;

    @Setting(label = "Trim dead ends", description = "Solve only on voxels connected to both faces (dead ends and "
            + "floating islands carry no steady flux; floating islands are always left out). Same result, faster")
    public boolean trimIsolated = true;

    @Setting(label = "Threads", min = 0, max = 1024, description = "0 = all processors; results do not depend on it")
    public int threads = 0;
}
