package org.stackscope.analysis.electrochem;

import org.stackscope.core.settings.Setting;

/** Settings of {@link MetricVsPressure}. */
public class MetricVsPressureSettings {

    @Setting(label = "Metric column", description = "Column of the input table(s) to plot against pressure; empty = "
            + "the only column besides pressure_MPa")
    public String metric = "";

    @Setting(label = "Confidence level", min = 0.5, max = 0.999, description = "Of the coefficient intervals and the "
            + "band around each fit")
    public double confidence = 0.95;

    @Setting(label = "Band points", min = 2, max = 10_000, description = "Pressures at which fits and bands are "
            + "tabulated")
    public int bandPoints = 100;
}
