package org.stackscope.analysis.impedance;

import org.stackscope.core.settings.Setting;

/** Settings of {@link Gitt}. */
public class GittSettings {

    public enum DiffusionShape {
        /** The diffusion overpotential relaxes like an RC element with time constant tau3. */
        RC,
        /** The diffusion overpotential grows as √t (semi-infinite diffusion); R3 is its value at the pulse end. */
        SQRT_T
    }

    @Setting(label = "Current threshold", unit = "A", min = 0, description = "|I| above this is a pulse; 0 = 1 % "
            + "of the largest |I|")
    public double currentThreshold = 0;

    @Setting(label = "Capacity", unit = "Ah", min = 0, description = "Cell capacity for the state of charge; 0 = the "
            + "charge of all pulses (SOC runs 0..1 over the train)")
    public double capacity = 0;

    @Setting(label = "Initial SOC", min = 0, max = 1)
    public double initialSoc = 0;

    @Setting(label = "Charge-transfer time constant", unit = "s", min = 0, description = "tau2 of the "
            + "charge-transfer arc from a symmetric-cell EIS fit or DRT peak; 0 = no separation into R1/R2/R3")
    public double tau2 = 0;

    @Setting(label = "Diffusion time constant", unit = "s", min = 0, description = "tau3 of the diffusion process "
            + "(EIS fit or DRT); needed for diffusionShape = RC")
    public double tau3 = 0;

    @Setting(label = "Diffusion shape", description = "RC (with tau3) or SQRT_T")
    public DiffusionShape diffusionShape = DiffusionShape.RC;

    @Setting(label = "Diffusion length", unit = "µm", min = 0, description = "Particle radius or layer thickness L "
            + "for the Weppner-Huggins diffusion coefficient D = 4 L² (ΔEs/ΔEt)² / (π t_pulse); 0 = skip")
    public double diffusionLength = 0;
}
