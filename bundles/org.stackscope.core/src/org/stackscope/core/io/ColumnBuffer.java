package org.stackscope.core.io;

import java.util.Arrays;

/** A growable primitive column: records are appended without boxing, then trimmed once. */
public final class ColumnBuffer {
    private double[] data;
    private int size;

    public ColumnBuffer(int capacity) {
        data = new double[Math.max(16, capacity)];
    }

    public void add(double v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, size * 2);
        }
        data[size++] = v;
    }

    public int size() {
        return size;
    }

    public double get(int i) {
        return data[i];
    }

    public double[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
