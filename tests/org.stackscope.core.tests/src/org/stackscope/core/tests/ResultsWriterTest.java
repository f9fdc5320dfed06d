package org.stackscope.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.FigureSpec;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.Metric;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.Table;
import org.stackscope.core.results.FigureWriter;
import org.stackscope.core.results.Json;
import org.stackscope.core.results.ResultsWriter;
import org.stackscope.core.results.StepResult;

class ResultsWriterTest {

    @TempDir
    Path dir;

    private StepResult step() {
        Table data = new Table(DataKind.PRESSURE, List.of(new Column("time", "s", new double[] { 0, 1 })), Map.of());
        Inputs inputs = new Inputs(List.of(new Inputs.Input(dir.resolve("in.csv"), "ab12", "csv", data)));
        Result r = new Result().metric("fraction.AM", new Metric(0.5, "", 0.01))
                .metric("tortuosity.factor", Double.POSITIVE_INFINITY, "")
                .table("profile", Table.of(List.of(new Column("position", "um", new double[] { 0.5, 1.5 }),
                        new Column("fraction, AM", "", new double[] { 0.25, 1.0 / 3 }))))
                .figure(new FigureSpec("profile", "t", FigureSpec.Type.LINE, "x", "y",
                        List.of(new FigureSpec.Series("AM", new double[] { 1 }, new double[] { 2 }))))
                .note("phase does not percolate");
        return new StepResult("phase-fractions", "org.example", Map.of("bins", 3), inputs, r, 0.12345);
    }

    @Test
    void writesTheDocumentedSchema() throws IOException {
        FigureWriter fake = (figure, target, base) -> {
            Files.writeString(target.resolve(base + ".png"), "png");
            return List.of(base + ".png");
        };
        ResultsWriter.write(dir.resolve("out"), List.of(step()), fake);
        Map<String, Object> doc = Json.readObject(Files.readString(dir.resolve("out/results.json")));
        assertEquals(List.of("stackscope", "inputs", "steps"), List.copyOf(doc.keySet()));
        Map<?, ?> product = (Map<?, ?>) doc.get("stackscope");
        assertTrue(product.containsKey("version") && product.get("bundles") instanceof Map, product.toString());
        Map<?, ?> bundles = (Map<?, ?>) product.get("bundles");
        assertTrue(bundles.containsKey("org.stackscope.core"), "bundle versions recorded: " + bundles);
        Map<?, ?> input = (Map<?, ?>) ((List<?>) doc.get("inputs")).get(0);
        assertEquals("ab12", input.get("sha256"));
        assertEquals("pressure", input.get("kind"));
        Map<?, ?> s = (Map<?, ?>) ((List<?>) doc.get("steps")).get(0);
        assertEquals("phase-fractions", s.get("analysis"));
        assertEquals(Map.of("bins", 3L), s.get("settings"));
        Map<?, ?> metrics = (Map<?, ?>) s.get("metrics");
        assertEquals(Map.of("value", 0.5, "unit", "", "uncertainty", 0.01), metrics.get("fraction.AM"));
        assertEquals(Map.of("value", "Infinity", "unit", ""), metrics.get("tortuosity.factor"));
        assertEquals(Map.of("profile", "profile.csv"), s.get("tables"));
        assertEquals(List.of("profile.png"), s.get("figures"));
        assertEquals(0.123, s.get("seconds"));
        assertEquals(List.of("phase does not percolate"), s.get("notes"));
        assertEquals("position [um],\"fraction, AM\"\n0.5,0.25\n1.5,0.3333333333333333\n",
                Files.readString(dir.resolve("out/profile.csv")));
        try (Stream<Path> left = Files.list(dir.resolve("out"))) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().startsWith(".staging")), "staging removed");
        }
    }

    @Test
    void failureLeavesNoResultBehind() throws IOException {
        FigureWriter failing = (figure, target, base) -> {
            Files.writeString(target.resolve(base + ".png"), "half");
            throw new IOException("disk full");
        };
        Path out = dir.resolve("out");
        assertThrows(IOException.class, () -> ResultsWriter.write(out, List.of(step()), failing));
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void severalStepsGetNumberedFiles() throws IOException {
        ResultsWriter.write(dir, List.of(step(), step()), FigureWriter.NONE);
        assertTrue(Files.exists(dir.resolve("step1_profile.csv")));
        assertTrue(Files.exists(dir.resolve("step2_profile.csv")));
    }
}
