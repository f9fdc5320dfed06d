package org.stackscope.example.analysis;

import org.stackscope.core.settings.Setting;

/** Settings of {@link GreyStatistics}: a grey-value window outside which voxels are ignored. */
public class GreyStatisticsSettings {

    @Setting(label = "Lowest grey value counted")
    public double lower = Double.NEGATIVE_INFINITY;

    @Setting(label = "Highest grey value counted")
    public double upper = Double.POSITIVE_INFINITY;
}
