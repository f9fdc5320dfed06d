package org.stackscope.analysis.electrochem;

import org.stackscope.core.settings.Setting;

/** Settings of {@link CyclingSummary}. */
public class CyclingSummarySettings {

    @Setting(label = "Working electrode", description = "CATHODE (or full cell): cycle = charge then discharge, "
            + "CE = discharge/charge; ANODE (vs Li): cycle = discharge then charge, CE = charge/discharge. Required.")
    public Electrode electrode = Electrode.UNSET;

    @Setting(label = "Active mass", unit = "mg", min = 0, description = "Active material mass for specific capacity "
            + "(mAh/g); 0 = report mAh only")
    public double activeMass_mg = 0;

    @Setting(label = "Reference cycle", min = 1, description = "Cycle that retention is relative to; the fade fit "
            + "starts here")
    public int referenceCycle = 1;

    @Setting(label = "Retention cycle", min = 0, description = "Cycle whose retention is reported as "
            + "capacity.retention; 0 = the last complete cycle")
    public int retentionCycle = 0;

    @Setting(label = "Mean CE from cycle", min = 1, description = "ce.mean averages cycles from this one on "
            + "(the first, formation cycle is usually excluded)")
    public int ceFromCycle = 2;

    @Setting(label = "Minimum change-point segment", min = 3, max = 1000, description = "Fewest cycles on each side "
            + "of a detected sudden-fade change point")
    public int minSegment = 5;
}
