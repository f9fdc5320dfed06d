package org.stackscope.analysis.microstructure;

import org.stackscope.core.model.AxisChoice;
import org.stackscope.core.settings.Setting;

/** Settings of {@link PhaseFractions}. */
public class PhaseFractionsSettings {

    @Setting(label = "Profile axis", description = "Axis of the per-slice profile; PRESSURE = the volume's stack-pressure axis")
    public AxisChoice axis = AxisChoice.PRESSURE;

    @Setting(label = "Phase names", description = "Names of labels as label=NAME pairs, e.g. 0=VOID,85=AM,170=CARBON; "
            + "unnamed labels are reported by number")
    public String phases = "";

    @Setting(label = "Maximum number of labels", min = 1, max = 65536,
            description = "More distinct values than this means a grey-value image that needs segmenting first")
    public int maxLabels = 256;

    @Setting(label = "Layers", description = "auto = find a separator (SE-only layer, no phase AM) against the "
            + "composite by the change point of the AM fraction along the profile axis; none; or the first slice of "
            + "the second layer, e.g. 120")
    public String layers = "auto";

    @Setting(label = "Threads", min = 0, max = 1024, description = "0 = all processors; results do not depend on it")
    public int threads = 0;
}
