package org.stackscope.core.api;

import java.util.List;

/**
 * A chart described as data, so that analyses stay free of any charting library: the charts bundle renders it to
 * PNG/SVG in batch and into a view in the workbench, giving the same figure in both.
 *
 * @param xScale      linear or logarithmic x axis (e.g. frequency in a Bode plot, τ in a DRT)
 * @param yScale      linear or logarithmic y axis
 * @param equalAspect one unit takes the same length on both axes (a Nyquist plot's semicircles stay round)
 */
public record FigureSpec(String name, String title, Type type, String xLabel, String yLabel, List<Series> series,
        Scale xScale, Scale yScale, boolean equalAspect) {

    public enum Type {
        LINE, STEP, BAR, SCATTER
    }

    public enum Scale {
        LINEAR, LOG
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
        if (equalAspect && (xScale == Scale.LOG || yScale == Scale.LOG)) {
            throw new IllegalArgumentException("figure " + name + ": equal aspect needs two linear axes");
        }
    }

    /** A figure with linear axes that may differ in scale, as most figures are. */
    public FigureSpec(String name, String title, Type type, String xLabel, String yLabel, List<Series> series) {
        this(name, title, type, xLabel, yLabel, series, Scale.LINEAR, Scale.LINEAR, false);
    }

    /** The same figure with the given axis scales. */
    public FigureSpec withScales(Scale x, Scale y) {
        return new FigureSpec(name, title, type, xLabel, yLabel, series, x, y, equalAspect);
    }

    /** The same figure with one unit equally long on both axes (Nyquist plots). */
    public FigureSpec withEqualAspect() {
        return new FigureSpec(name, title, type, xLabel, yLabel, series, xScale, yScale, true);
    }
}
