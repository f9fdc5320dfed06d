package org.stackscope.analysis.impedance;

import org.stackscope.core.settings.Setting;

/** Settings of {@link Drt}. */
public class DrtSettings {

    public enum Basis {
        GAUSSIAN, PIECEWISE_LINEAR
    }

    public enum LambdaSelection {
        GCV, L_CURVE, FIXED
    }

    @Setting(label = "Basis", description = "GAUSSIAN radial basis functions (pyDRTtools' default) or "
            + "PIECEWISE_LINEAR hats, centred on tau = 1/f")
    public Basis basis = Basis.GAUSSIAN;

    @Setting(label = "FWHM coefficient", min = 0.01, max = 10, description = "Gaussian shape: the FWHM is the mean "
            + "log spacing of tau divided by this (pyDRTtools' 'FWHM Coefficient')")
    public double fwhmCoefficient = 0.5;

    @Setting(label = "Penalty derivative", min = 1, max = 2, description = "Order of the derivative of gamma in the "
            + "Tikhonov penalty")
    public int derivativeOrder = 2;

    @Setting(label = "Regularisation choice", description = "GCV (generalised cross-validation), L_CURVE (corner) or "
            + "FIXED (use lambda)")
    public LambdaSelection lambdaSelection = LambdaSelection.GCV;

    @Setting(label = "Lambda", min = 0, description = "Regularisation parameter when lambdaSelection = FIXED")
    public double lambda = 1e-3;

    @Setting(label = "Fit inductance", description = "Fit a series inductance L >= 0 along with R_inf")
    public boolean inductance = true;

    @Setting(label = "Peak prominence", min = 0, max = 1, description = "A maximum must rise this fraction of the "
            + "highest peak above its neighbouring minimum to count as a peak; smaller wiggles join their neighbour")
    public double peakThreshold = 0.05;
}
