package org.stackscope.study.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.core.api.Analysis;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.OutputSpec;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.Table;
import org.stackscope.core.registry.AnalysisDescriptor;
import org.stackscope.core.registry.ImporterDescriptor;
import org.stackscope.core.registry.Registry;
import org.stackscope.core.results.StepResult;
import org.stackscope.core.settings.Setting;
import org.stackscope.study.Recipe;
import org.stackscope.study.RecipeRunner;
import org.stackscope.study.Study;

class RecipeTest {

    @TempDir
    Path dir;

    /** Counts reads, to prove a file shared by two steps is imported once. */
    static final List<Path> READS = new ArrayList<>();

    /** Reads "a,b" lines into a two-column pressure table; records the scale import setting. */
    public static final class CsvImporter implements Importer<Table> {
        @Override
        public Match matches(Path file) {
            return file.toString().endsWith(".csv") ? Match.YES : Match.NO;
        }

        @Override
        public Table read(Path file, ImportSettings settings, Monitor monitor) {
            READS.add(file);
            try {
                List<String> lines = Files.readAllLines(file);
                double scale = Double.parseDouble(settings.get("scale", "1"));
                double[] values = lines.stream().mapToDouble(l -> scale * Double.parseDouble(l.split(",")[1])).toArray();
                return new Table(DataKind.PRESSURE, List.of(new Column("v", "", values)), Map.of());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static class SumSettings {
        @Setting(label = "Factor", min = 0)
        public double factor = 1;
    }

    /** Sum of column v times factor. */
    public static final class Sum implements Analysis<SumSettings> {
        @Override
        public OutputSpec configure(InputSpec inputs, SumSettings settings) {
            return new OutputSpec(List.of("sum"), List.of(), List.of());
        }

        @Override
        public Result run(Inputs inputs, SumSettings settings, Monitor monitor) {
            double s = 0;
            for (Inputs.Input in : inputs.all()) {
                for (double v : ((Table) in.data()).column("v").values()) {
                    s += v;
                }
            }
            return new Result().metric("sum", s * settings.factor, "");
        }
    }

    private final Registry registry = Registry.of(
            List.of(new ImporterDescriptor("csv", "CSV", DataKind.PRESSURE, List.of("csv"), CsvImporter::new)),
            List.of(new AnalysisDescriptor("sum", "Sum", "test", "", List.of(DataKind.PRESSURE), SumSettings.class,
                    Sum::new)));

    @BeforeEach
    void files() throws IOException {
        READS.clear();
        Files.writeString(dir.resolve("log.csv"), "0,1\n1,2\n2,3\n");
        Files.writeString(dir.resolve("study.json"), """
                {"name": "S", "cells": [{"id": "c1", "diameter_mm": 10, "materials": {"AM": "NCM"}}],
                 "datasets": [{"id": "p", "cell": "c1", "path": "log.csv", "stackPressure_MPa": 25,
                               "importSettings": {"scale": 10}}]}
                """);
    }

    @Test
    void studyLoadsCellsAndDatasetsWithConditions() throws IOException {
        Study s = Study.load(dir);
        assertEquals("S", s.name());
        assertEquals(Math.PI * 25e-6, s.cell("c1").orElseThrow().areaM2(), 1e-18);
        assertEquals("NCM", s.cells().get(0).materials().get("AM"));
        assertEquals(dir.resolve("log.csv").toAbsolutePath(), s.datasets().get(0).path());
        assertEquals(25, s.datasets().get(0).stackPressureMPa());
        assertEquals(-1, s.datasets().get(0).cycle());
        assertTrue(Double.isNaN(s.datasets().get(0).stateOfCharge()));
        assertEquals(Map.of("cellDiameter_mm", "10.0", "scale", "10"), s.datasets().get(0).importSettings(),
                "the cell's diameter is passed to importers (force -> stack pressure)");
        assertEquals(1, s.datasetsOf("c1").size());
    }

    @Test
    void recipeResolvesDatasetIdsAndPathsAndImportsSharedInputsOnce() throws Exception {
        Path recipeFile = Files.writeString(dir.resolve("r.json"), """
                {"study": "study.json", "steps": [
                  {"analysis": "sum", "inputs": ["p"]},
                  {"analysis": "sum", "inputs": ["p", "log.csv"], "settings": {"factor": 2}}]}
                """);
        Recipe recipe = Recipe.load(recipeFile);
        assertEquals("r", recipe.name());
        List<StepResult> steps = new RecipeRunner(registry).run(recipe, Monitor.NONE);
        assertEquals(60, steps.get(0).result().metrics().get("sum").value(), 0, "dataset import settings: x10");
        assertEquals(2 * (60 + 6), steps.get(1).result().metrics().get("sum").value(), 0);
        assertEquals(2, READS.size(), "the dataset once (scaled) and the plain path once");
        assertEquals(Map.of("factor", 2.0), steps.get(1).settings());
    }

    @Test
    void badRecipesAreRejectedBeforeAnyImport() throws Exception {
        Path unknown = Files.writeString(dir.resolve("u.json"), """
                {"steps": [{"analysis": "sum", "inputs": ["log.csv"]}, {"analysis": "nope", "inputs": ["log.csv"]}]}
                """);
        assertTrue(assertThrows(InvalidSettingsException.class,
                () -> new RecipeRunner(registry).run(Recipe.load(unknown), Monitor.NONE)).getMessage()
                .contains("unknown analysis 'nope'"));
        Path badSetting = Files.writeString(dir.resolve("b.json"), """
                {"steps": [{"analysis": "sum", "inputs": ["log.csv"], "settings": {"factor": -1}}]}
                """);
        assertThrows(InvalidSettingsException.class,
                () -> new RecipeRunner(registry).run(Recipe.load(badSetting), Monitor.NONE));
        assertEquals(List.of(), READS);
        Path noSteps = Files.writeString(dir.resolve("n.json"), "{\"steps\": []}");
        assertTrue(assertThrows(IOException.class, () -> Recipe.load(noSteps)).getMessage().contains("steps"));
        Path notJson = Files.writeString(dir.resolve("x.json"), "{steps: [");
        assertTrue(assertThrows(IOException.class, () -> Recipe.load(notJson)).getMessage().startsWith(notJson.toString()));
    }
}
