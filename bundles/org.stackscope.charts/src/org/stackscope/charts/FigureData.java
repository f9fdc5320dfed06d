package org.stackscope.charts;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.stackscope.core.api.FigureSpec;
import org.stackscope.core.io.AtomicFiles;

/**
 * A figure's data as CSV: one row per point with the series name, x and y (long format, because series differ in
 * length), written atomically.
 */
public final class FigureData {

    private FigureData() {
    }

    public static void writeCsv(FigureSpec figure, Path file) throws IOException {
        AtomicFiles.write(file, target -> {
            try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                w.write("series," + quote(figure.xLabel()) + "," + quote(figure.yLabel()) + "\n");
                for (FigureSpec.Series s : figure.series()) {
                    String name = quote(s.name());
                    for (int i = 0; i < s.x().length; i++) {
                        w.write(name + "," + s.x()[i] + "," + s.y()[i] + "\n");
                    }
                }
            }
        });
    }

    private static String quote(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
