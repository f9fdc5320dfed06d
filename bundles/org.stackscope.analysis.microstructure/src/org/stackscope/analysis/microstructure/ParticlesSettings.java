package org.stackscope.analysis.microstructure;

import org.stackscope.core.settings.Setting;

/** Settings of {@link Particles}. */
public class ParticlesSettings {

    @Setting(label = "Phase names", description = "Names of labels as label=NAME pairs, e.g. 0=VOID,1=SE,2=AM,3=CARBON")
    public String phases = "";

    @Setting(label = "Particle phase", description = "Phase split into particles")
    public String activePhase = "AM";

    @Setting(label = "Electrolyte phase", description = "Contact with this phase is the particle's ionic contact")
    public String electrolytePhase = "SE";

    @Setting(label = "Void phase", description = "Surface touching this phase is lost contact")
    public String voidPhase = "VOID";

    @Setting(label = "Split depth", unit = "voxels", min = 0,
            description = "h of the h-maxima markers: touching particles are split when each centre lies at least "
                    + "this much deeper (distance to the surface) than the neck between them")
    public double splitDepthVoxels = 2;

    @Setting(label = "Exclude border particles", description = "Leave particles cut by the volume border out of the "
            + "diameter distribution and the means (they are listed in the table)")
    public boolean excludeBorder = true;

    @Setting(label = "Threads", min = 0, max = 1024, description = "0 = all processors; results do not depend on it")
    public int threads = 0;
}
