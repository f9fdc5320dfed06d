package org.stackscope.analysis.transport;

import org.stackscope.core.model.AxisChoice;
import org.stackscope.core.settings.Setting;

/** Settings of {@link GeometricTortuosity}. */
public class GeometricTortuositySettings {

    @Setting(label = "Phases", description = "Phases the paths run through: label numbers or phase names, "
            + "e.g. 0 or SE or 0,170; several phases are treated as one")
    public String phases = "0";

    @Setting(label = "Flow axis", description = "Paths run from the first to the last slice along this axis; "
            + "PRESSURE = the volume's stack-pressure axis")
    public AxisChoice axis = AxisChoice.PRESSURE;

    @Setting(label = "Histogram bins", min = 1, max = 100000, description = "Number of bins between 1 and the "
            + "maximum tortuosity")
    public int bins = 50;

    @Setting(label = "Maximum tortuosity", min = 1, max = 1e6, description = "Upper end of the histogram (above 1); "
            + "longer paths are counted in the last bin")
    public double maxTortuosity = 5;
}
