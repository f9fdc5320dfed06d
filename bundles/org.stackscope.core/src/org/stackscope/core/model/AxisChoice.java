package org.stackscope.core.model;

/**
 * An axis as a setting: one of the image axes, or the volume's stack-pressure axis (the default of profiles and
 * transport directions, so that the same recipe follows each volume's own pressure axis).
 */
public enum AxisChoice {
    /** The volume's stack-pressure axis (Z unless the importer was told otherwise). */
    PRESSURE, X, Y, Z;

    public Axis resolve(Volume volume) {
        return this == PRESSURE ? volume.pressureAxis() : Axis.valueOf(name());
    }
}
