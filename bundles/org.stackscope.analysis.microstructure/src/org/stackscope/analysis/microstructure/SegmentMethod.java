package org.stackscope.analysis.microstructure;

/** How {@link Segment} assigns classes. */
public enum SegmentMethod {
    /** Multi-class Otsu on the grey histogram (the usual baseline; blurred thin features go wrong). */
    OTSU,
    /** Thresholds given in {@code thresholds}. */
    MANUAL,
    /** Fit of labels to a model of the blur (see Segmentation): accurate at thin features and phase boundaries. */
    PARTIAL_VOLUME
}
