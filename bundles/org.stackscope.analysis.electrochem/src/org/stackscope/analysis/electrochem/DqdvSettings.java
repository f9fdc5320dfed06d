package org.stackscope.analysis.electrochem;

import org.stackscope.core.settings.Setting;

/** Settings of {@link Dqdv}. */
public class DqdvSettings {

    @Setting(label = "Cycles", description = "Cycle numbers of the table (cycle_index), e.g. 1,2,10-12,last")
    public String cycles = "1";

    @Setting(label = "Active mass", unit = "mg", min = 0, description = "For dQ/dV in mAh/(g·V); 0 = mAh/V")
    public double activeMass_mg = 0;

    @Setting(label = "Charge bins", min = 50, max = 1_000_000, description = "Uniform-charge bins per half-cycle; "
            + "the voltage is averaged in each (noise reduction without moving plateaus)")
    public int points = 2000;

    @Setting(label = "Voltage step", unit = "mV", min = 0.01, max = 100, description = "Spacing of the uniform voltage "
            + "grid on which dQ/dV is computed")
    public double voltageStep_mV = 1;

    @Setting(label = "Smoothing window", min = 5, max = 100_001, description = "Savitzky–Golay window in voltage "
            + "steps (odd); wider = smoother, symmetric peaks keep their position but broaden")
    public int window = 15;

    @Setting(label = "Polynomial order", min = 2, max = 6, description = "Savitzky–Golay polynomial order")
    public int order = 3;

    @Setting(label = "Minimum peak prominence", min = 0, max = 1, description = "Peaks less prominent than this "
            + "fraction of the half-cycle's largest |dQ/dV| are ignored")
    public double minProminence = 0.05;
}
