package org.stackscope.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.junit.jupiter.api.Test;
import org.stackscope.core.api.FigureSpec;
import org.stackscope.core.api.FigureSpec.Series;
import org.stackscope.core.api.FigureSpec.Type;

class ChartsTest {

    static final int POINTS = 40;

    static FigureSpec figure(Type type, Series... series) {
        return new FigureSpec("profile", "Solid fraction along Z", type, "z / µm", "fraction", List.of(series));
    }

    static Series series(String name, double offset) {
        double[] x = new double[POINTS];
        double[] y = new double[POINTS];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * 0.5;
            y[i] = offset + Math.sin(i / 5.0);
        }
        return new Series(name, x, y);
    }

    @Test
    void lineChartDrawsLinesWithoutMarkers() {
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot(figure(Type.LINE, series("AM", 2))).getRenderer();
        assertTrue(r.getDefaultLinesVisible());
        assertFalse(r.getDefaultShapesVisible());
    }

    @Test
    void scatterChartDrawsMarkersWithoutLines() {
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot(figure(Type.SCATTER, series("AM", 2))).getRenderer();
        assertFalse(r.getDefaultLinesVisible());
        assertTrue(r.getDefaultShapesVisible());
    }

    @Test
    void stepAndBarChartsUseTheirRenderers() {
        assertInstanceOf(XYStepRenderer.class, plot(figure(Type.STEP, series("AM", 2))).getRenderer());
        assertInstanceOf(XYBarRenderer.class, plot(figure(Type.BAR, series("AM", 2))).getRenderer());
    }

    @Test
    void barsStartAtZeroWhileLinesFitTheirData() {
        assertTrue(plot(figure(Type.BAR, series("AM", 5))).getRangeAxis().getRange().contains(0));
        assertFalse(plot(figure(Type.LINE, series("AM", 5))).getRangeAxis().getRange().contains(0));
    }

    @Test
    void takesTitleAndAxisLabelsFromTheSpec() {
        JFreeChart chart = Charts.create(figure(Type.LINE, series("AM", 2)));
        assertEquals("Solid fraction along Z", chart.getTitle().getText());
        assertEquals("z / µm", chart.getXYPlot().getDomainAxis().getLabel());
        assertEquals("fraction", chart.getXYPlot().getRangeAxis().getLabel());
        assertEquals(Color.WHITE, chart.getBackgroundPaint());
    }

    @Test
    void showsALegendOnlyForSeveralSeries() {
        assertNull(Charts.create(figure(Type.LINE, series("AM", 2))).getLegend());
        assertNotNull(Charts.create(figure(Type.LINE, series("AM", 2), series("SE", 3))).getLegend());
    }

    @Test
    void keepsSeriesNamesAndColoursAndSeparatesRepeatedNames() {
        XYPlot plot = plot(figure(Type.LINE, series("AM", 2), series("SE", 3), series("AM", 4)));
        assertEquals(3, plot.getDataset().getSeriesCount());
        assertEquals("AM", plot.getDataset().getSeriesKey(0));
        assertEquals("SE", plot.getDataset().getSeriesKey(1));
        assertEquals("AM (2)", plot.getDataset().getSeriesKey(2));
        assertEquals(Charts.seriesColor(1), plot.getRenderer().getSeriesPaint(1));
    }

    @Test
    void keepsThePointOrderOfCurvesThatTurnBack() {
        Series loop = new Series("charge/discharge", new double[] { 0, 1, 2, 1, 0 },
                new double[] { 3, 3.5, 4, 3.8, 3.6 });
        XYPlot plot = plot(figure(Type.LINE, loop));
        assertEquals(5, plot.getDataset().getItemCount(0));
        assertEquals(1.0, plot.getDataset().getXValue(0, 3));
        assertEquals(3.8, plot.getDataset().getYValue(0, 3));
    }

    private static XYPlot plot(FigureSpec figure) {
        return Charts.create(figure).getXYPlot();
    }
}
