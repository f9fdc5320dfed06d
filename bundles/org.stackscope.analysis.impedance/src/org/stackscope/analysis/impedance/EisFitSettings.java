package org.stackscope.analysis.impedance;

import org.stackscope.core.settings.Setting;

/** Settings of {@link EisFit}. */
public class EisFitSettings {

    @Setting(label = "Circuit", description = "impedance.py notation: series '-', parallel p(a,b), elements R, C, L, "
            + "CPE [Q, alpha], W [A], Wo/Ws [Z0, tau], Zarc or RQ [R, tau, alpha], G [R, tau], TLM [R_ion, Q, alpha] "
            + "with an index, e.g. R0-p(R1,CPE1)-p(R2,CPE2)-Wo1")
    public String circuit = "R0-p(R1,CPE1)";

    @Setting(label = "Initial values", description = "name=value pairs (R0=0.01,CPE1_1=0.9) or one value per "
            + "parameter in order; parameters not given are guessed from the spectrum's arcs")
    public String initial = "";

    @Setting(label = "Fixed parameters", description = "name=value pairs held fixed, or names whose initial value is kept")
    public String fixed = "";

    @Setting(label = "Bounds", description = "name=low:high pairs, e.g. CPE1_1=0.5:1 (default: exponents in [0,1], "
            + "every other parameter >= 0)")
    public String bounds = "";

    @Setting(label = "Weighting", description = "UNIT, MODULUS (1/|Z|) or PROPORTIONAL (1/|Z'| and 1/|Z''|)")
    public CircuitFitter.Weighting weighting = CircuitFitter.Weighting.MODULUS;

    @Setting(label = "Starts", min = 1, max = 1000, description = "Multi-start: the initial values plus this many "
            + "minus one perturbed starts; the lowest chi-square wins")
    public int starts = 8;

    @Setting(label = "Random seed", description = "Seed of the perturbed starts (results are repeatable)")
    public long seed = 1;

    @Setting(label = "Minimum frequency", unit = "Hz", min = 0)
    public double minFrequency = 0;

    @Setting(label = "Maximum frequency", unit = "Hz", min = 0)
    public double maxFrequency = Double.POSITIVE_INFINITY;

    @Setting(label = "Only capacitive points", description = "Fit only points with Z'' < 0 (impedance.py's ignoreBelowX)")
    public boolean onlyCapacitive = false;

    @Setting(label = "Seed each spectrum with the previous fit", description = "In a series of spectra (per cycle, "
            + "per pressure) start each fit from the previous result as well as from the initial values")
    public boolean chain = true;

    @Setting(label = "Threads", min = 0, max = 1024, description = "0 = all processors; results do not depend on it")
    public int threads = 0;
}
