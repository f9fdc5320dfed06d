package org.stackscope.analysis.microstructure;

import org.stackscope.core.model.AxisChoice;
import org.stackscope.core.settings.Setting;

/** Settings of {@link ContactAnisotropy}. */
public class ContactAnisotropySettings {

    @Setting(label = "Phase names", description = "Names of labels as label=NAME pairs, e.g. 0=VOID,1=SE,2=AM,3=CARBON")
    public String phases = "";

    @Setting(label = "Active material phase", description = "Phase whose surface is split by polar angle")
    public String activePhase = "AM";

    @Setting(label = "Electrolyte phase", description = "Phase whose contact is the ionic contact")
    public String electrolytePhase = "SE";

    @Setting(label = "Void phase", description = "Phase whose contact is lost contact; its connected regions are the voids")
    public String voidPhase = "VOID";

    @Setting(label = "Pressure axis", description = "Axis of the polar angle; PRESSURE = the volume's stack-pressure axis")
    public AxisChoice axis = AxisChoice.PRESSURE;

    @Setting(label = "Polar angle bin", unit = "°", min = 1, max = 90,
            description = "Width of the polar-angle bins between the surface normal and the pressure axis (0-90°)")
    public double binDegrees = 10;

    @Setting(label = "Smallest void", unit = "voxels", min = 1,
            description = "Voids with fewer voxels are counted but get no shape (too few voxels for principal axes)")
    public int minVoidVoxels = 8;

    @Setting(label = "Threads", min = 0, max = 1024, description = "0 = all processors; results do not depend on it")
    public int threads = 0;
}
