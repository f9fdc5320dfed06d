package org.stackscope.analysis.electrochem;

import org.stackscope.core.settings.Setting;

/** Settings of {@link PressureEvolution}. */
public class PressureEvolutionSettings {

    /** How the load-cell clock is put onto the cycler's. */
    public enum Alignment {
        /** cycler time = load-cell time + {@code offset_s}. */
        OFFSET,
        /** Both tables carry absolute timestamps (timestamp_s); {@code offset_s} is added on top. */
        TIMESTAMPS
    }

    @Setting(label = "Clock alignment", description = "OFFSET: cycler time = load-cell time + offset; TIMESTAMPS: by "
            + "the timestamp_s columns of both tables (plus offset)")
    public Alignment alignment = Alignment.OFFSET;

    @Setting(label = "Clock offset", unit = "s", description = "Added to the load-cell time to reach the cycler's")
    public double offset_s = 0;

    @Setting(label = "Minimum rest", unit = "s", min = 0, description = "Rest steps shorter than this are not "
            + "analysed for relaxation")
    public double minRest_s = 60;
}
