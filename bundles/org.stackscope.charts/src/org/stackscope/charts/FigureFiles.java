package org.stackscope.charts;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.stackscope.core.api.FigureSpec;
import org.stackscope.core.results.FigureWriter;

/**
 * Writes a figure as {@code <baseName>.png} (for a quick look) and {@code <baseName>.svg} (vector, for papers), both
 * {@value #WIDTH}×{@value #HEIGHT} and drawn by {@link Charts}. Works headless, as batch runs are.
 */
public final class FigureFiles implements FigureWriter {

    public static final int WIDTH = 800;
    public static final int HEIGHT = 500;

    @Override
    public List<String> write(FigureSpec figure, Path dir, String baseName) throws IOException {
        return write(Charts.create(figure), dir, baseName);
    }

    /**
     * Writes a chart as it is now, e.g. zoomed in a view; returns the two file names. Each file is written under a
     * temporary name and then moved into place, so a reader never sees half a figure.
     */
    public List<String> write(JFreeChart chart, Path dir, String baseName) throws IOException {
        String png = baseName + ".png";
        String svg = baseName + ".svg";
        Path pngTemp = Files.createTempFile(dir, ".figure-", ".png");
        Path svgTemp = Files.createTempFile(dir, ".figure-", ".svg");
        try {
            ChartUtils.saveChartAsPNG(pngTemp.toFile(), chart, WIDTH, HEIGHT);
            SVGGraphics2D graphics = new SVGGraphics2D(WIDTH, HEIGHT);
            chart.draw(graphics, new Rectangle(WIDTH, HEIGHT));
            Files.writeString(svgTemp, graphics.getSVGDocument(), StandardCharsets.UTF_8);
            Files.move(pngTemp, dir.resolve(png), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(svgTemp, dir.resolve(svg), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(pngTemp);
            Files.deleteIfExists(svgTemp);
        }
        return List.of(png, svg);
    }
}
