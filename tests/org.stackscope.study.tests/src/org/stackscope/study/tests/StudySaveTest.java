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
import org.stackscope.study.Recipe;
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

    @Test
    void aRecipeBuiltForAStudySavesAndLoadsBackEqual() throws Exception {
        Files.writeString(dir.resolve("study.json"), """
                { "name": "S", "datasets": [ { "id": "ct", "path": "ct.tif" } ] }
                """);
        Study study = Study.load(dir);
        Path recipes = Files.createDirectories(dir.resolve("recipes"));
        Recipe recipe = Recipe.create(recipes.resolve("mine.json"), "mine", study).withSteps(List.of(
                new Recipe.Step("phase-fractions", List.of("ct"), Map.of("phases", "0=VOID,1=SE"), Map.of()),
                new Recipe.Step("percolation", List.of("ct"), Map.of(), Map.of("voxelSize", "0.5"))));
        recipe.save();

        Recipe again = Recipe.load(recipes.resolve("mine.json"));
        assertEquals(recipe.steps(), again.steps());
        assertEquals("mine", again.name());
        assertEquals(study.folder().toAbsolutePath().normalize(), again.study().orElseThrow().folder().normalize());
        assertEquals(dir.resolve("ct.tif").toAbsolutePath().normalize(), again.resolve("ct", Map.of()).path());
        assertTrue(Files.readString(recipes.resolve("mine.json")).contains("\"study\": \"../study.json\""));
        assertThrows(java.io.IOException.class, () -> Recipe.create(dir.resolve("empty.json"), "e", study).save());
    }
}
