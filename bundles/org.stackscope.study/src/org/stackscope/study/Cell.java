package org.stackscope.study;

import java.util.Map;

/**
 * One cell of a study: geometry and materials. Lengths in the units a lab writes on the sample sheet; {@code NaN}
 * where unknown.
 */
public record Cell(String id, double diameterMm, double thicknessUm, double activeMassMg,
        Map<String, String> materials) {

    public Cell {
        materials = Map.copyOf(materials);
    }

    /** The electrode area in m², from the diameter (NaN when unknown). */
    public double areaM2() {
        double r = diameterMm / 2 * 1e-3;
        return Math.PI * r * r;
    }
}
