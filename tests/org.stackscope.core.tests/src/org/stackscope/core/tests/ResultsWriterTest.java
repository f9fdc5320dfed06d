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
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.LabelVolume;
import org.stackscope.core.model.Table;
import org.stackscope.core.model.Volume;
import org.stackscope.core.results.FigureWriter;
import org.stackscope.core.results.Json;
import org.stackscope.core.results.ResultsWriter;
import org.stackscope.core.results.StepResult;
import org.stackscope.core.results.VolumeWriter;

import net.imglib2.img.array.ArrayImgs;

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
        ResultsWriter.write(dir.resolve("out"), List.of(step()), fake, VolumeWriter.NONE);
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
        assertThrows(IOException.class, () -> ResultsWriter.write(out, List.of(step()), failing, VolumeWriter.NONE));
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void severalStepsGetNumberedFiles() throws IOException {
        ResultsWriter.write(dir, List.of(step(), step()), FigureWriter.NONE, VolumeWriter.NONE);
        assertTrue(Files.exists(dir.resolve("step1_profile.csv")));
        assertTrue(Files.exists(dir.resolve("step2_profile.csv")));
    }

    @Test
    void volumesAreStagedWithTheResultsAndStepOutputsAreNotRunInputs() throws IOException {
        LabelVolume labels = new LabelVolume(new Volume(ArrayImgs.unsignedBytes(4, 3, 2), "uint8",
                new double[] { 1, 1, 1 }, Axis.Z, Map.of()), Map.of(0, "VOID", 1, "AM"));
        StepResult segment = new StepResult("segment", "org.example", Map.of(), step().inputs(),
                new Result().volume("labels", labels), 1);
        StepResult contact = new StepResult("contact", "org.example", Map.of(),
                new Inputs(List.of(Inputs.Input.fromStep("step1:labels", labels))), new Result(), 1);
        VolumeWriter fake = (volume, target, base, monitor) -> {
            Files.writeString(target.resolve(base + ".tif"), "tif");
            return base + ".tif";
        };
        Map<String, Object> doc = ResultsWriter.write(dir, List.of(segment, contact), FigureWriter.NONE, fake);
        assertEquals("tif", Files.readString(dir.resolve("step1_labels.tif")));
        List<?> steps = (List<?>) doc.get("steps");
        assertEquals(Map.of("labels", "step1_labels.tif"), ((Map<?, ?>) steps.get(0)).get("volumes"));
        assertFalse(((Map<?, ?>) steps.get(1)).containsKey("volumes"), "no volumes, no entry");
        assertEquals(List.of("step1:labels"), ((Map<?, ?>) steps.get(1)).get("inputs"));
        assertEquals(1, ((List<?>) doc.get("inputs")).size(), "only the file read from disk is a run input");
        // a run that cannot write its volumes writes nothing at all
        Path out = dir.resolve("out");
        assertThrows(IOException.class, () -> ResultsWriter.write(out, List.of(segment), FigureWriter.NONE,
                VolumeWriter.NONE));
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.toList());
        }
    }
}
