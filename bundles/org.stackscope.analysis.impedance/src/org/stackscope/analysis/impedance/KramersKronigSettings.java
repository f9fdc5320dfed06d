package org.stackscope.analysis.impedance;

import org.stackscope.core.settings.Setting;

/** Settings of {@link KramersKronig}. */
public class KramersKronigSettings {

    @Setting(label = "mu criterion", min = 0, max = 1, description = "Schoenleber's c: the number of RC elements "
            + "grows until mu = 1 - sum|R_k<0| / sum|R_k>=0| falls to or below c")
    public double c = 0.85;

    @Setting(label = "RC elements", min = 0, max = 10000, description = "Fixed number of RC elements; 0 = choose "
            + "by the mu criterion")
    public int elements = 0;

    @Setting(label = "Maximum RC elements", min = 0, max = 10000, description = "Upper limit of the automatic "
            + "choice; 0 = as many as points")
    public int maxElements = 0;

    @Setting(label = "Series capacitance", description = "Add a series capacitor (for blocking electrodes whose "
            + "impedance diverges at low frequency)")
    public boolean capacitance = false;

    @Setting(label = "Residual limit", unit = "%", min = 0, description = "Spectra with a larger absolute relative "
            + "residual are flagged as not Kramers-Kronig consistent")
    public double residualLimit = 1.0;
}
