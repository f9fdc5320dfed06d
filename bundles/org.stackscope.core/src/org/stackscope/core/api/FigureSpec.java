package org.stackscope.core.api;

import java.util.List;

/**
 * A chart described as data, so that analyses stay free of any charting library: the charts bundle renders it to
 * PNG/SVG in batch and into a view in the workbench, giving the same figure in both.
 */
public record FigureSpec(String name, String title, Type type, String xLabel, String yLabel, List<Series> series) {

    public enum Type {
        LINE, STEP, BAR, SCATTER
    }

    public record Series(String name, double[] x, double[] y) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series " + name + ": x and y differ in length");
            }
        }
    }

    public FigureSpec {
        series = List.copyOf(series);
    }
}
