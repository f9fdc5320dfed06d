package org.stackscope.study.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Table;
import org.stackscope.core.registry.AnalysisDescriptor;
import org.stackscope.core.registry.ImporterDescriptor;
import org.stackscope.core.registry.Registry;
import org.stackscope.core.settings.Setting;
import org.stackscope.study.PressureSeries;
import org.stackscope.study.Study;

class PressureSeriesTest {

    @TempDir
    Path dir;

    public static class MassSettings {
        @Setting(label = "Factor", min = 0)
        public double factor = 1;

        @Setting(label = "Active mass", unit = "mg", min = 0)
        public double activeMass_mg = 0;
    }

    /** sum(v) × factor / activeMass_mg, to show the cell's mass arrives as a setting. */
    public static final class PerMass implements org.stackscope.core.api.Analysis<MassSettings> {
        @Override
        public org.stackscope.core.api.OutputSpec configure(org.stackscope.core.api.InputSpec in, MassSettings s) {
            return new org.stackscope.core.api.OutputSpec(List.of("x"), List.of(), List.of());
        }

        @Override
        public org.stackscope.core.api.Result run(org.stackscope.core.api.Inputs in, MassSettings s, Monitor m) {
            double sum = 0;
            for (double v : ((Table) in.get(0).data()).column("v").values()) {
                sum += v;
            }
            return new org.stackscope.core.api.Result().metric("x", sum * s.factor / s.activeMass_mg, "mAh/g");
        }
    }

    private final Registry registry = Registry.of(
            List.of(new ImporterDescriptor("csv", "CSV", DataKind.PRESSURE, List.of("csv"),
                    RecipeTest.CsvImporter::new)),
            List.of(new AnalysisDescriptor("per-mass", "Per mass", "test", "", List.of(DataKind.PRESSURE),
                    MassSettings.class, PerMass::new)));

    @Test
    void oneRowPerPressureTaggedDatasetWithTheCellsMass() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "0,1\n1,2\n");
        Files.writeString(dir.resolve("b.csv"), "0,4\n");
        Files.writeString(dir.resolve("c.csv"), "0,8\n");
        Files.writeString(dir.resolve("study.json"), """
                {"cells": [{"id": "c1", "activeMass_mg": 2}, {"id": "c2", "activeMass_mg": 4}],
                 "datasets": [{"id": "a", "cell": "c1", "path": "a.csv", "stackPressure_MPa": 5},
                              {"id": "untagged", "cell": "c1", "path": "c.csv"},
                              {"id": "b", "cell": "c2", "path": "b.csv", "stackPressure_MPa": 25}]}
                """);
        Table t = new PressureSeries(registry).collect(Study.load(dir), "per-mass", Map.of("factor", "2"), "x",
                Monitor.NONE);
        assertArrayEquals(new double[] { 5, 25 }, t.column("pressure_MPa").values());
        assertArrayEquals(new double[] { 3 * 2 / 2.0, 4 * 2 / 4.0 }, t.column("x").values());
        assertEquals("mAh/g", t.column("x").unit());
        assertEquals("a,b", t.metadata().get("datasets"));
        assertEquals(DataKind.TABLE, t.kind());
        assertThrows(InvalidSettingsException.class, () -> new PressureSeries(registry).collect(Study.load(dir),
                "per-mass", Map.of("nope", "1"), "x", Monitor.NONE));
    }
}
