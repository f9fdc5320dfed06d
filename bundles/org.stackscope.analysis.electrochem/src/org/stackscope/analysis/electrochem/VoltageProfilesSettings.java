package org.stackscope.analysis.electrochem;

import org.stackscope.core.settings.Setting;

/** Settings of {@link VoltageProfiles}. */
public class VoltageProfilesSettings {

    @Setting(label = "Cycles", description = "Cycle numbers of the table (cycle_index), e.g. 1,2,10-12,last")
    public String cycles = "1,last";

    @Setting(label = "Active mass", unit = "mg", min = 0, description = "For capacity in mAh/g; 0 = mAh")
    public double activeMass_mg = 0;
}
