package org.stackscope.analysis.electrochem;

import org.stackscope.core.settings.Setting;

/** Settings of {@link SymmetricCell}. */
public class SymmetricCellSettings {

    @Setting(label = "Collapse fraction", min = 0.01, max = 0.99, description = "A half-cycle whose overpotential "
            + "falls below this fraction of the preceding ones counts as shorted")
    public double collapseFraction = 0.3;

    @Setting(label = "Reference half-cycles", min = 1, max = 1000, description = "How many preceding half-cycles "
            + "set the reference overpotential (their median)")
    public int referenceHalfCycles = 5;

    @Setting(label = "Confirming half-cycles", min = 1, max = 1000, description = "A short must persist for this "
            + "many half-cycles (or until the test ends)")
    public int confirmHalfCycles = 3;

    @Setting(label = "Samples in a run", min = 1, max = 100_000, description = "Within the shorting half-cycle, the "
            + "short starts at the first run of this many samples whose median |V| is below the threshold")
    public int runSamples = 9;

    @Setting(label = "Electrode area", unit = "cm²", min = 0, description = "For the areal capacity passed before "
            + "the short (mAh/cm²); 0 = report mAh")
    public double area_cm2 = 0;
}
