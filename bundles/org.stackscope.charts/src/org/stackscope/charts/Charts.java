package org.stackscope.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.ClusteredXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.stackscope.core.api.FigureSpec;

/**
 * Builds JFreeCharts from {@link FigureSpec}s, so that a figure looks the same in a batch run's PNG/SVG files and in a
 * workbench view. Only Java2D is used: works with {@code java.awt.headless=true}.
 */
public final class Charts {

    /** Okabe–Ito colours (without yellow, unreadable on white): distinct under colour-vision deficiency. */
    private static final List<Color> PALETTE = List.of(new Color(0, 114, 178), new Color(213, 94, 0),
            new Color(0, 158, 115), new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233),
            Color.BLACK);

    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    private static final Stroke LINE = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    static {
        // JFreeChart's default draws rotated labels as glyph outlines (a workaround for a long-fixed JDK bug), which
        // would make the y-axis label of an SVG figure uneditable, unsearchable shapes
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private Charts() {
    }

    /** A chart of the figure: white background, axis labels from the spec, a legend when it has several series. */
    public static JFreeChart create(FigureSpec figure) {
        ValueAxis x = axis(figure.xLabel(), figure.xScale(), false);
        // bars are read by their length from zero; lines and points by their position
        ValueAxis y = axis(figure.yLabel(), figure.yScale(), figure.type() == FigureSpec.Type.BAR);

        XYItemRenderer renderer = renderer(figure.type());
        for (int i = 0; i < figure.series().size(); i++) {
            renderer.setSeriesPaint(i, seriesColor(i));
            renderer.setSeriesStroke(i, LINE);
        }
        XYSeriesCollection data = dataset(figure.series());
        XYPlot plot = figure.equalAspect() ? new EqualAspectPlot(data, x, y, renderer)
                : new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlinePaint(Color.GRAY);

        String title = figure.title() == null || figure.title().isBlank() ? null : figure.title();
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, figure.series().size() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(TICK_FONT);
            legend.setBackgroundPaint(Color.WHITE);
            legend.setFrame(BlockBorder.NONE);
        }
        return chart;
    }

    /** The colour of the series at {@code index}, for views that draw next to a chart (legends, tables). */
    public static Color seriesColor(int index) {
        return PALETTE.get(index % PALETTE.size());
    }

    private static ValueAxis axis(String label, FigureSpec.Scale scale, boolean fromZero) {
        ValueAxis axis;
        if (scale == FigureSpec.Scale.LOG) {
            LogAxis log = new LogAxis(label);
            // powers of ten as 10^k labels; ticks between them unlabelled
            log.setBase(10);
            log.setNumberFormatOverride(new java.text.DecimalFormat("0.###E0"));
            log.setSmallestValue(1e-300);
            axis = log;
        } else {
            NumberAxis linear = new NumberAxis(label);
            linear.setAutoRangeIncludesZero(fromZero);
            axis = linear;
        }
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        return axis;
    }

    private static XYItemRenderer renderer(FigureSpec.Type type) {
        return switch (type) {
            case LINE -> new XYLineAndShapeRenderer(true, false);
            case SCATTER -> new XYLineAndShapeRenderer(false, true);
            case STEP -> {
                XYStepRenderer step = new XYStepRenderer();
                step.setDefaultShapesVisible(false);
                yield step;
            }
            case BAR -> {
                ClusteredXYBarRenderer bars = new ClusteredXYBarRenderer(0.1, false);
                bars.setBarPainter(new StandardXYBarPainter());
                bars.setShadowVisible(false);
                yield bars;
            }
        };
    }

    private static XYSeriesCollection dataset(List<FigureSpec.Series> series) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        Set<String> keys = new HashSet<>();
        for (FigureSpec.Series s : series) {
            // keep the given order (cycling curves turn back) and repeated x values (several points per slice)
            XYSeries xy = new XYSeries(distinctKey(s.name(), keys), false, true);
            for (int i = 0; i < s.x().length; i++) {
                xy.add(s.x()[i], s.y()[i], false);
            }
            dataset.addSeries(xy);
        }
        return dataset;
    }

    /** JFreeChart identifies series by key; a repeated name gets a number instead of failing the figure. */
    private static String distinctKey(String name, Set<String> used) {
        String base = name == null || name.isBlank() ? "series" : name;
        String key = base;
        for (int n = 2; !used.add(key); n++) {
            key = base + " (" + n + ")";
        }
        return key;
    }
}
