package org.stackscope.io.cycler.neware;

import java.util.Arrays;

/** A growable primitive column: records are appended without boxing, then trimmed once. */
final class ColumnBuffer {
    private double[] data;
    private int size;

    ColumnBuffer(int capacity) {
        data = new double[Math.max(16, capacity)];
    }

    void add(double v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, size * 2);
        }
        data[size++] = v;
    }

    int size() {
        return size;
    }

    double get(int i) {
        return data[i];
    }

    double[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
