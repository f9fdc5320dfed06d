package org.stackscope.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stackscope batch report}: a study's results as one HTML page with its assets. */
class ReportTest {

    @TempDir
    Path tmp;

    /** The example volume as two datasets at 25 and 50 MPa, each analysed into the study's results folder. */
    private Path analysedStudy() throws Exception {
        Path study = Files.createDirectories(tmp.resolve("study"));
        Files.copy(TestFiles.exampleStudy().resolve("composite.tif"), study.resolve("ct25.tif"));
        Files.copy(TestFiles.exampleStudy().resolve("composite.tif"), study.resolve("ct50.tif"));
        Files.writeString(study.resolve("study.json"), """
                { "name": "Pressure <series>",
                  "cells": [ { "id": "A", "diameter_mm": 10 } ],
                  "datasets": [
                    { "id": "ct-25", "cell": "A", "path": "ct25.tif", "stackPressure_MPa": 25 },
                    { "id": "ct-50", "cell": "A", "path": "ct50.tif", "stackPressure_MPa": 50 } ] }
                """);
        for (String p : new String[] { "25", "50" }) {
            CliRun run = CliRun.of("analyze", "phase-fractions", study.resolve("ct" + p + ".tif").toString(), "--set",
                    "phases=0=VOID,1=SE,2=AM,3=CARBON", "--out", study.resolve("results/ct-" + p).toString());
            assertEquals(0, run.exitCode(), run.toString());
        }
        return study;
    }

    @Test
    void reportHoldsEveryResultAndMetricsAgainstPressure() throws Exception {
        Path study = analysedStudy();

        CliRun run = CliRun.of("report", study.toString());

        assertEquals(0, run.exitCode(), run.toString());
        Path page = study.resolve("report/report.html");
        assertEquals(page.toAbsolutePath().normalize().toString(), run.json().get("report"));
        String html = Files.readString(page);
        assertTrue(html.contains("<h1>Pressure &lt;series&gt;</h1>"), "the name is escaped");
        assertTrue(html.contains("<h3>results/ct-25</h3>") && html.contains("<h3>results/ct-50</h3>"));
        assertTrue(html.contains("<h2>Metrics against stack pressure</h2>"));
        Matcher images = Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
        int count = 0;
        while (images.find()) {
            count++;
            assertTrue(Files.size(page.getParent().resolve(images.group(1))) > 1000, images.group(1));
        }
        assertTrue(count >= 3, "two result figures and at least one pressure figure: " + count);
        // both datasets hold the same volume: the AM fraction is the same at both pressures
        Matcher am = Pattern.compile("<h3>fraction\\.AM</h3>\\s*<table>.*?</table>", Pattern.DOTALL).matcher(html);
        assertTrue(am.find(), "a fraction.AM table against pressure");
        assertEquals(2, am.group().split("<td>ct-").length - 1, am.group());
    }

    @Test
    void rerunningReplacesTheReportAndMissingResultsAreAnInputError() throws Exception {
        Path study = analysedStudy();
        assertEquals(0, CliRun.of("report", study.toString(), "--out", tmp.resolve("r").toString()).exitCode());
        Files.writeString(tmp.resolve("r/stale.txt"), "from an earlier report");
        assertEquals(0, CliRun.of("report", study.toString(), "--out", tmp.resolve("r").toString()).exitCode());
        assertFalse(Files.exists(tmp.resolve("r/stale.txt")), "the report folder is replaced as a whole");

        CliRun missing = CliRun.of("report", study.toString(), tmp.resolve("nowhere").toString());
        assertEquals(3, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("nowhere") && missing.err().contains("no results.json"), missing.err());
    }

    @Test
    void seriesRunsAnAnalysisOnEveryPressureAndFitsTheMetric() throws Exception {
        Path study = analysedStudy();
        Files.copy(TestFiles.exampleStudy().resolve("composite.tif"), study.resolve("ct100.tif"));
        Files.writeString(study.resolve("study.json"), Files.readString(study.resolve("study.json")).replace(
                "\"stackPressure_MPa\": 50 } ]", "\"stackPressure_MPa\": 50 },\n"
                        + "    { \"id\": \"ct-100\", \"cell\": \"A\", \"path\": \"ct100.tif\", \"stackPressure_MPa\": 100 } ]"));

        CliRun run = CliRun.of("series", study.toString(), "phase-fractions", "fraction.AM", "--set",
                "phases=0=VOID,1=SE,2=AM,3=CARBON", "--out", tmp.resolve("series").toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("ct-25,ct-50,ct-100", run.json().get("datasets"));
        assertEquals(3.0, run.metric("points"), 0);
        // the same volume at every pressure: no dependence on pressure
        assertEquals(0, run.metric("fit.linear.b"), 1e-12);
        assertTrue(Files.readString(tmp.resolve("series/points.csv")).lines().count() == 4, "header + 3 rows");

        CliRun unknownMetric = CliRun.of("series", study.toString(), "phase-fractions", "fraction.XX");
        assertEquals(4, unknownMetric.exitCode(), unknownMetric.toString());
        assertTrue(unknownMetric.err().contains("fraction.XX"), unknownMetric.err());
    }
}
