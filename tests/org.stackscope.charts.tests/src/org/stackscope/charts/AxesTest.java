package org.stackscope.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.stackscope.core.api.FigureSpec;
import org.stackscope.core.api.FigureSpec.Scale;
import org.stackscope.core.api.FigureSpec.Series;
import org.stackscope.core.api.FigureSpec.Type;

/** Logarithmic axes and equal-aspect (Nyquist) figures. */
class AxesTest {

    /** A semicircle of radius 50 Ω from 10 to 110 Ω: its height is half its width. */
    private static FigureSpec nyquist() {
        int n = 60;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            double angle = Math.PI * i / (n - 1);
            re[i] = 60 + 50 * Math.cos(angle);
            im[i] = 50 * Math.sin(angle);
        }
        return new FigureSpec("nyquist", "Nyquist", Type.SCATTER, "Z' / Ω", "−Z'' / Ω",
                List.of(new Series("spectrum", re, im))).withEqualAspect();
    }

    @ParameterizedTest
    @CsvSource({ "800, 500", "400, 900", "1200, 300" })
    void oneOhmIsEquallyLongOnBothAxesAtAnySize(int width, int height) {
        JFreeChart chart = Charts.create(nyquist());
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        chart.draw(image.createGraphics(), new Rectangle2D.Double(0, 0, width, height), info);

        Rectangle2D dataArea = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        double xPixelsPerOhm = dataArea.getWidth() / plot.getDomainAxis().getRange().getLength();
        double yPixelsPerOhm = dataArea.getHeight() / plot.getRangeAxis().getRange().getLength();
        assertEquals(xPixelsPerOhm, yPixelsPerOhm, 1e-9 * xPixelsPerOhm);
        // all data inside the axes
        assertEquals(true, plot.getDomainAxis().getRange().contains(10) && plot.getDomainAxis().getRange()
                .contains(110) && plot.getRangeAxis().getRange().contains(50));
    }

    @Test
    void logScalesGiveLogAxesAndLinearStaysTheDefault() {
        FigureSpec bode = new FigureSpec("bode", "Bode", Type.LINE, "f / Hz", "|Z| / Ω", List.of(new Series("z",
                new double[] { 0.1, 1, 10, 100 }, new double[] { 100, 50, 20, 10 }))).withScales(Scale.LOG, Scale.LOG);
        XYPlot plot = Charts.create(bode).getXYPlot();
        assertInstanceOf(LogAxis.class, plot.getDomainAxis());
        assertInstanceOf(LogAxis.class, plot.getRangeAxis());
        FigureSpec plain = new FigureSpec("p", "p", Type.LINE, "x", "y", List.of());
        assertEquals(Scale.LINEAR, plain.xScale());
        assertInstanceOf(NumberAxis.class, Charts.create(plain).getXYPlot().getDomainAxis());
        assertThrows(IllegalArgumentException.class, () -> bode.withEqualAspect());
    }
}
