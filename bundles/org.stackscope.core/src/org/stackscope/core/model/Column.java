package org.stackscope.core.model;

/** A named column of a {@link Table}: primitive doubles with a unit (SI in storage, "" for dimensionless). */
public record Column(String name, String unit, double[] values) {

    public int size() {
        return values.length;
    }

    public double get(int row) {
        return values[row];
    }
}
