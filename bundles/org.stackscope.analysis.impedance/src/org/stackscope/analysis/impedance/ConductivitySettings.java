package org.stackscope.analysis.impedance;

import org.stackscope.core.settings.Setting;

/** Settings of {@link Conductivity}. */
public class ConductivitySettings {

    public enum Source {
        /** Z' where −Z'' has its minimum between the bulk arc and the electrode spike (or the spike's extrapolation). */
        INTERCEPT,
        /** The sum of the named resistors of a circuit fit. */
        FIT
    }

    public enum ArrheniusForm {
        /** σT = A exp(−Ea/kT) (hopping conduction, the usual form for solid electrolytes). */
        SIGMA_T,
        /** σ = A exp(−Ea/kT). */
        SIGMA
    }

    @Setting(label = "Thickness", unit = "mm", min = 0, description = "Pellet (or composite layer) thickness L")
    public double thickness = 0;

    @Setting(label = "Diameter", unit = "mm", min = 0, description = "Electrode diameter; used when area is 0")
    public double diameter = 0;

    @Setting(label = "Area", unit = "cm²", min = 0, description = "Electrode area A")
    public double area = 0;

    @Setting(label = "Resistance from", description = "INTERCEPT (real-axis intercept of the bulk arc) or FIT "
            + "(sum of the resistors of a circuit fit)")
    public Source source = Source.INTERCEPT;

    @Setting(label = "Circuit", description = "Circuit for source = FIT, e.g. R0-p(R1,CPE1)-CPE2")
    public String circuit = "R0-p(R1,CPE1)-CPE2";

    @Setting(label = "Initial values", description = "Initial values for the fit (as in eis-fit)")
    public String initial = "";

    @Setting(label = "Resistors", description = "Resistors whose sum is the ionic resistance, e.g. R0 (bulk) or "
            + "R0+R1 (bulk + grain boundary)")
    public String resistors = "R0";

    @Setting(label = "Temperatures", unit = "°C", description = "One temperature per spectrum (in input order), e.g. "
            + "25,40,60,80; with two or more the activation energy is fitted")
    public String temperatures = "";

    @Setting(label = "Arrhenius form", description = "SIGMA_T: ln(σT) vs 1/T; SIGMA: ln σ vs 1/T")
    public ArrheniusForm arrhenius = ArrheniusForm.SIGMA_T;

    @Setting(label = "Conducting phase fraction", min = 0, max = 1, description = "Volume fraction ε of the ion "
            + "conductor in a composite; with the bulk conductivity gives the tortuosity factor τ = ε·σ_bulk/σ_eff")
    public double phaseFraction = 0;

    @Setting(label = "Bulk conductivity", unit = "mS/cm", min = 0, description = "Conductivity of the pure ion "
            + "conductor (e.g. from its pellet) for the tortuosity factor")
    public double bulkConductivity = 0;
}
