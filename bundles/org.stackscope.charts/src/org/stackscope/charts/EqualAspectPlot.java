package org.stackscope.charts;

import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.Range;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.XYDataset;

/**
 * An XY plot whose two axes show one data unit with the same length on screen, whatever the size it is drawn at:
 * before each drawing, the data area is measured and the axis with too little span is widened about its centre.
 * JFreeChart has no such option; Nyquist plots need it so that a semicircle looks like one.
 */
final class EqualAspectPlot extends XYPlot {

    private static final long serialVersionUID = 1L;
    private static final double MARGIN = 0.05;

    EqualAspectPlot(XYDataset dataset, ValueAxis x, ValueAxis y, XYItemRenderer renderer) {
        super(dataset, x, y, renderer);
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState,
            PlotRenderingInfo info) {
        Range xData = DatasetUtils.findDomainBounds(getDataset());
        Range yData = DatasetUtils.findRangeBounds(getDataset());
        if (xData != null && yData != null) {
            // tick labels take space that depends on the ranges: a few rounds settle both
            for (int round = 0; round < 4; round++) {
                // the data area as XYPlot.draw will compute it: insets, axis space, axis offsets
                Rectangle2D plotArea = (Rectangle2D) area.clone();
                getInsets().trim(plotArea);
                AxisSpace space = calculateAxisSpace(g2, plotArea);
                Rectangle2D dataArea = space.shrink(plotArea, null);
                getAxisOffset().trim(dataArea);
                dataArea = wholePixels(dataArea);
                if (dataArea.getWidth() <= 0 || dataArea.getHeight() <= 0) {
                    break;
                }
                double xSpan = Math.max(xData.getLength(), 1e-300) * (1 + 2 * MARGIN);
                double ySpan = Math.max(yData.getLength(), 1e-300) * (1 + 2 * MARGIN);
                double unitsPerPixel = Math.max(xSpan / dataArea.getWidth(), ySpan / dataArea.getHeight());
                // no change events: this runs while drawing, and a repaint would come back here
                getDomainAxis().setRange(centred(xData, unitsPerPixel * dataArea.getWidth()), true, false);
                getRangeAxis().setRange(centred(yData, unitsPerPixel * dataArea.getHeight()), true, false);
            }
        }
        super.draw(g2, area, anchor, parentState, info);
    }

    /** XYPlot draws into the data area shrunk to whole pixels. */
    private static Rectangle2D wholePixels(Rectangle2D r) {
        double x0 = Math.ceil(r.getMinX());
        double y0 = Math.ceil(r.getMinY());
        return new Rectangle2D.Double(x0, y0, Math.floor(r.getMaxX()) - x0, Math.floor(r.getMaxY()) - y0);
    }

    private static Range centred(Range data, double span) {
        double centre = data.getCentralValue();
        return new Range(centre - span / 2, centre + span / 2);
    }
}
