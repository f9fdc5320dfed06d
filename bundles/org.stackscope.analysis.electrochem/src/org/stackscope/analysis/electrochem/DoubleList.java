package org.stackscope.analysis.electrochem;

import java.util.Arrays;

/** A growable primitive double array (no boxing for long tables). */
final class DoubleList {

    private double[] values = new double[64];
    private int size;

    void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    double get(int i) {
        return values[i];
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
