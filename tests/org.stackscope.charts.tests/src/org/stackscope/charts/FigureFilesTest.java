package org.stackscope.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stackscope.core.api.FigureSpec;
import org.stackscope.core.api.FigureSpec.Type;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class FigureFilesTest {

    @TempDir
    Path dir;

    /** The pom runs these tests with java.awt.headless=true, as batch runs are. */
    @Test
    void rendersWithoutADisplay() throws IOException {
        assertTrue(GraphicsEnvironment.isHeadless());

        assertEquals(2, new FigureFiles().write(twoSeries(Type.LINE), dir, "figure").size());
    }

    @ParameterizedTest
    @EnumSource(Type.class)
    void writesPngAndSvgNamedAfterTheBaseName(Type type) throws IOException {
        List<String> files = new FigureFiles().write(twoSeries(type), dir, "profile_" + type);

        assertEquals(List.of("profile_" + type + ".png", "profile_" + type + ".svg"), files);
        assertTrue(Files.size(dir.resolve(files.get(0))) > 0);
        assertTrue(Files.size(dir.resolve(files.get(1))) > 0);
    }

    @ParameterizedTest
    @EnumSource(Type.class)
    void pngDecodesAtFullSizeAndShowsAChart(Type type) throws IOException {
        new FigureFiles().write(twoSeries(type), dir, "figure");

        BufferedImage png = ImageIO.read(dir.resolve("figure.png").toFile());
        assertEquals(FigureFiles.WIDTH, png.getWidth());
        assertEquals(FigureFiles.HEIGHT, png.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                colours.add(png.getRGB(x, y));
            }
        }
        // text anti-aliasing, two series colours, grid and axes: a blank or single-colour image has a handful
        assertTrue(colours.size() > 50, "only " + colours.size() + " colours");
        assertTrue(colours.contains(Charts.seriesColor(0).getRGB()), "first series colour missing");
        assertTrue(colours.contains(Charts.seriesColor(1).getRGB()), "second series colour missing");
    }

    @ParameterizedTest
    @EnumSource(Type.class)
    void svgIsWellFormedWithTheSeriesShapesAndAxisLabels(Type type) throws Exception {
        new FigureFiles().write(twoSeries(type), dir, "figure");

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // JFreeSVG names the SVG 1.1 DTD; well-formedness needs no download of it
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document svg = factory.newDocumentBuilder().parse(dir.resolve("figure.svg").toFile());

        Element root = svg.getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals(FigureFiles.WIDTH, Double.parseDouble(root.getAttribute("width")));
        List<String> texts = texts(svg);
        assertTrue(texts.contains("z / µm"), "x label missing: " + texts);
        assertTrue(texts.contains("fraction"), "y label missing: " + texts);
        assertTrue(texts.contains("AM") && texts.contains("SE"), "legend missing: " + texts);
        assertTrue(verticesDrawnIn(svg, Charts.seriesColor(0)) >= ChartsTest.POINTS, "first series not drawn");
        assertTrue(verticesDrawnIn(svg, Charts.seriesColor(1)) >= ChartsTest.POINTS, "second series not drawn");
    }

    private static FigureSpec twoSeries(Type type) {
        return ChartsTest.figure(type, ChartsTest.series("AM", 2), ChartsTest.series("SE", 3));
    }

    private static List<String> texts(Document svg) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = svg.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().trim());
        }
        return texts;
    }

    /**
     * The vertices of all paths, rectangles and markers stroked or filled with the colour (JFreeSVG puts the style on
     * the element or on a group around it). The legend adds a handful; the series itself adds one per data point.
     */
    private static int verticesDrawnIn(Document svg, Color colour) {
        String rgb = "rgb(" + colour.getRed() + "," + colour.getGreen() + "," + colour.getBlue() + ")";
        int vertices = 0;
        for (String tag : List.of("path", "rect", "ellipse", "circle", "polygon", "polyline", "line")) {
            NodeList nodes = svg.getElementsByTagName(tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element shape = (Element) nodes.item(i);
                if (styled(shape, rgb)) {
                    vertices += 1 + shape.getAttribute("d").replaceAll("[^LCQ]", "").length();
                }
            }
        }
        return vertices;
    }

    private static boolean styled(Element shape, String rgb) {
        for (Node n = shape; n instanceof Element e; n = n.getParentNode()) {
            if ((e.getAttribute("style") + e.getAttribute("stroke") + e.getAttribute("fill")).contains(rgb)) {
                return true;
            }
        }
        return false;
    }
}
