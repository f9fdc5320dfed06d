package org.stackscope.analysis.microstructure;

import org.stackscope.core.settings.Setting;

/** Settings of {@link Contact}. */
public class ContactSettings {

    @Setting(label = "Phase names", description = "Names of labels as label=NAME pairs, e.g. 0=VOID,1=SE,2=AM,3=CARBON; "
            + "unnamed labels are reported by number")
    public String phases = "";

    @Setting(label = "Threads", min = 0, max = 1024, description = "0 = all processors; results do not depend on it")
    public int threads = 0;
}
