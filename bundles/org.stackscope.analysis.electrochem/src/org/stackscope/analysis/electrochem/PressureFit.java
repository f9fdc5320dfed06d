package org.stackscope.analysis.electrochem;

/**
 * A two-coefficient law of a metric y against stack pressure p, fitted by ordinary least squares in the coordinates
 * where it is a straight line: linear y = a + b·p; logarithmic y = a + b·ln p; power y = a·p^b (fitted as
 * ln y = ln a + b·ln p, so its band is exact for the median under multiplicative scatter). The confidence band is the
 * Student-t band of the fitted line, mapped back to y.
 */
enum PressureFit {
    LINEAR, LOG, POWER;

    /** Whether the point can enter this fit (logarithms need positive values). */
    boolean accepts(double p, double y) {
        return switch (this) {
            case LINEAR -> true;
            case LOG -> p > 0;
            case POWER -> p > 0 && y > 0;
        };
    }

    double x(double p) {
        return this == LINEAR ? p : Math.log(p);
    }

    double linearY(double y) {
        return this == POWER ? Math.log(y) : y;
    }

    double backY(double linear) {
        return this == POWER ? Math.exp(linear) : linear;
    }

    /** The law's a from the line's intercept. */
    double a(LineFit f) {
        return this == POWER ? Math.exp(f.a()) : f.a();
    }

    /** Standard error of a (delta method for the power law's exp). */
    double seA(LineFit f) {
        return this == POWER ? Math.exp(f.a()) * f.seA() : f.seA();
    }

    String formula() {
        return switch (this) {
            case LINEAR -> "y = a + b*p";
            case LOG -> "y = a + b*ln(p)";
            case POWER -> "y = a*p^b";
        };
    }

    String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
