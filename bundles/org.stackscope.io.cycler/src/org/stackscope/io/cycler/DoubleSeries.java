package org.stackscope.io.cycler;

import java.util.Arrays;

/** A growable primitive column, so that logs of millions of rows box nothing. */
final class DoubleSeries {

    private double[] data;
    private int size;

    DoubleSeries() {
        this(1024);
    }

    DoubleSeries(int capacity) {
        data = new double[Math.max(16, capacity)];
    }

    void add(double v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, size + (size >> 1) + 16);
        }
        data[size++] = v;
    }

    int size() {
        return size;
    }

    double[] toArray() {
        return size == data.length ? data : Arrays.copyOf(data, size);
    }
}
