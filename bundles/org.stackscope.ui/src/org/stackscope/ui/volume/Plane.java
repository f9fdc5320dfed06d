package org.stackscope.ui.volume;

/** One of the three orthogonal slice planes: the axis it cuts and the two image axes it shows (X=0, Y=1, Z=2). */
public enum Plane {
    XY(2, 0, 1), XZ(1, 0, 2), YZ(0, 1, 2);

    /** The axis the slice index runs along. */
    public final int normal;
    /** The volume axis drawn left to right. */
    public final int horizontal;
    /** The volume axis drawn top to bottom. */
    public final int vertical;

    Plane(int normal, int horizontal, int vertical) {
        this.normal = normal;
        this.horizontal = horizontal;
        this.vertical = vertical;
    }
}
