package org.stackscope.analysis.transport;

import org.stackscope.core.model.AxisChoice;
import org.stackscope.core.settings.Setting;

/** Settings of {@link Percolation}. */
public class PercolationSettings {

    @Setting(label = "Phases", description = "Label numbers or phase names taken together as one phase, e.g. 0 or SE")
    public String phases = "0";

    @Setting(label = "Grey-value range", description = "Instead of phases: the voxels with grey values in this "
            + "inclusive range, e.g. 0-89; empty = use phases")
    public String greyRange = "";

    @Setting(label = "Axis", description = "Between the two faces across this axis; PRESSURE = the stack-pressure axis")
    public AxisChoice axis = AxisChoice.PRESSURE;

    @Setting(label = "Connectivity", min = 6, max = 26, description = "6 = faces, 18 = faces and edges, "
            + "26 = faces, edges and corners")
    public int connectivity = 6;

    @Setting(label = "Threads", min = 0, max = 1024, description = "0 = all processors; results do not depend on it")
    public int threads = 0;
}
