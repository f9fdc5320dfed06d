package org.stackscope.core.api;

/** One scalar result; {@code uncertainty} is NaN when none was estimated. */
public record Metric(double value, String unit, double uncertainty) {

    public static Metric of(double value, String unit) {
        return new Metric(value, unit, Double.NaN);
    }

    public boolean hasUncertainty() {
        return !Double.isNaN(uncertainty);
    }
}
