package org.stackscope.study.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.study.Dataset;
import org.stackscope.study.Study;

/** Adding datasets to a study and writing study.json back. */
class StudySaveTest {

    @TempDir
    Path dir;

    @Test
    void addedDatasetsSurviveSaveAndLoadWithRelativePathsAndTheirOwnSettingsOnly() throws Exception {
        Files.writeString(dir.resolve("study.json"), """
                { "name": "S", "description": "d",
                  "cells": [ { "id": "A", "diameter_mm": 10, "materials": { "AM": "NCM811" } } ],
                  "datasets": [ { "id": "log", "cell": "A", "path": "log.csv", "stackPressure_MPa": 25,
                                  "importSettings": { "timeOffset_s": "5" } } ] }
                """);
        Study study = Study.load(dir);
        Path eis = Files.writeString(dir.resolve("eis.txt"), "x");
        Path outside = Files.writeString(Files.createTempFile("outside", ".csv"), "y");
        Dataset added = new Dataset(study.freeDatasetId("log"), "A", eis, "eis-csv", 50, 3, 0.5, Map.of());
        Dataset far = new Dataset("far", "", outside, null, Double.NaN, -1, Double.NaN, Map.of("k", "v"));
        assertEquals("log-2", added.id());

        study.withDatasets(List.of(added, far)).save();
        Study again = Study.load(dir);

        assertEquals(List.of("log", "log-2", "far"), again.datasets().stream().map(Dataset::id).toList());
        Dataset reloaded = again.datasets().get(1);
        assertEquals(eis.toAbsolutePath().normalize(), reloaded.path().toAbsolutePath().normalize());
        assertEquals(50, reloaded.stackPressureMPa());
        assertEquals(3, reloaded.cycle());
        assertEquals("eis-csv", reloaded.format());
        assertEquals(Map.of("cellDiameter_mm", "10.0"), reloaded.importSettings(), "the cell's diameter only");
        assertEquals(Map.of("cellDiameter_mm", "10.0", "timeOffset_s", "5"), again.datasets().get(0)
                .importSettings());
        String json = Files.readString(dir.resolve("study.json"));
        assertTrue(json.contains("\"path\": \"eis.txt\""), json);
        assertFalse(json.contains("cellDiameter_mm"), "implied by the cell, not repeated: " + json);
        assertEquals(study.cells(), again.cells());
        Files.delete(outside);
    }

    @Test
    void duplicateIdsAreRefused() throws Exception {
        Files.writeString(dir.resolve("study.json"), """
                { "name": "S", "datasets": [ { "id": "a", "path": "a.csv" } ] }
                """);
        Study study = Study.load(dir);
        Dataset again = new Dataset("a", "", dir.resolve("b.csv"), null, Double.NaN, -1, Double.NaN, Map.of());
        assertThrows(IllegalArgumentException.class, () -> study.withDatasets(List.of(again)));
    }
}
