package org.stackscope.ui.preferences;

import java.util.Arrays;
import java.util.Locale;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.PreferenceConverter;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/**
 * The workbench preferences (instance scope of org.stackscope.ui) and what they drive: phase overlay colours,
 * the pressure axis assumed for volumes that do not state one, the thread count given to analyses whose
 * {@code threads} setting is left at 0 (all cores), how many imported datasets the views keep in memory, and the units
 * stack pressures and lengths are shown in.
 */
public final class StackscopePreferences {

    public static final String PHASE_COLOUR_PREFIX = "phaseColour.";
    public static final String PRESSURE_AXIS = "pressureAxis";
    public static final String THREADS = "threads";
    public static final String CACHED_DATASETS = "cachedDatasets";
    public static final String PRESSURE_UNIT = "pressureUnit";
    public static final String LENGTH_UNIT = "lengthUnit";
    public static final String[] PHASES = { "AM", "SE", "VOID", "CARBON" };

    private static ScopedPreferenceStore store;

    private StackscopePreferences() {
    }

    public static synchronized IPreferenceStore store() {
        if (store == null) {
            store = new ScopedPreferenceStore(InstanceScope.INSTANCE, "org.stackscope.ui");
            store.setDefault(PRESSURE_AXIS, "Z");
            store.setDefault(THREADS, 0);
            store.setDefault(CACHED_DATASETS, 4);
            store.setDefault(PRESSURE_UNIT, DisplayUnits.Pressure.MPA.name());
            store.setDefault(LENGTH_UNIT, DisplayUnits.Length.UM.name());
            for (String phase : PHASES) {
                PreferenceConverter.setDefault(store, PHASE_COLOUR_PREFIX + phase,
                        rgb(org.stackscope.ui.volume.PhaseColours.defaultOf(phase)));
            }
        }
        return store;
    }

    /** The overlay colour of one of {@link #PHASES} as 0xRRGGBB, or -1 for other phase names. */
    public static int phaseColour(String phase) {
        String name = phase.toUpperCase(Locale.ROOT);
        if (!Arrays.asList(PHASES).contains(name)) {
            return -1;
        }
        RGB rgb = PreferenceConverter.getColor(store(), PHASE_COLOUR_PREFIX + name);
        return rgb.red << 16 | rgb.green << 8 | rgb.blue;
    }

    public static String pressureAxis() {
        return store().getString(PRESSURE_AXIS);
    }

    /** The unit stack pressures are shown in (data stay in MPa). */
    public static DisplayUnits.Pressure pressureUnit() {
        return DisplayUnits.Pressure.valueOf(store().getString(PRESSURE_UNIT));
    }

    /** The unit lengths in the volume view are shown in (data stay in µm). */
    public static DisplayUnits.Length lengthUnit() {
        return DisplayUnits.Length.valueOf(store().getString(LENGTH_UNIT));
    }

    public static int threads() {
        return store().getInt(THREADS);
    }

    public static int cachedDatasets() {
        return store().getInt(CACHED_DATASETS);
    }

    private static RGB rgb(int colour) {
        return new RGB(colour >> 16 & 0xFF, colour >> 8 & 0xFF, colour & 0xFF);
    }
}
