package org.stackscope.ui.views;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.stackscope.study.Dataset;

/** Study folders and datasets for the workbench tests. */
public final class TestStudies {

    private TestStudies() {
    }

    /** A dataset of no cell and no known conditions. */
    public static Dataset dataset(String id, Path file) {
        return new Dataset(id, "", file, null, Double.NaN, -1, Double.NaN, Map.of());
    }

    /** The example study shipped in {@code examples/study}, if this build has it. */
    static Path example() {
        return Path.of(System.getProperty("stackscope.root", "."), "examples", "study").toAbsolutePath().normalize();
    }

    /** The example study, or (in a build without it) a tiny one written into {@code dir}. */
    static Path exampleOrTiny(Path dir) throws IOException {
        return Files.isDirectory(example()) ? example() : tiny(dir);
    }

    /** One cell with a pressure log, and a log of no listed cell. */
    static Path tiny(Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("time_s,force_N\n");
        for (int i = 0; i < 50; i++) {
            csv.append(i * 10).append(',').append(3900 + 20 * Math.sin(i / 5.0)).append('\n');
        }
        Files.writeString(dir.resolve("pressure.csv"), csv);
        Files.writeString(dir.resolve("stray.csv"), "time_s,force_N\n0,1\n1,2\n");
        Files.writeString(dir.resolve("study.json"), """
                {
                  "name": "Tiny study",
                  "cells": [ { "id": "cell-T", "diameter_mm": 10 } ],
                  "datasets": [
                    { "id": "pressure-log", "cell": "cell-T", "path": "pressure.csv", "stackPressure_MPa": 12.5 },
                    { "id": "stray", "path": "stray.csv", "cycle": 3 }
                  ]
                }
                """);
        return dir;
    }
}
