package org.stackscope.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.core.results.Json;

/** The command-line and results contract of DESIGN.md, exercised in the OSGi runtime. */
class CliContractTest {

    @TempDir
    Path tmp;

    @SuppressWarnings("unchecked")
    private static Map<String, Double> expectedFractions() throws Exception {
        Map<String, Object> expected = Json.readObject(Files.readString(TestFiles.exampleStudy().resolve("expected.json")));
        return (Map<String, Double>) (Map<?, ?>) expected.get("fractions");
    }

    @Test
    void formatsAndAnalysesListTheContributions() {
        CliRun formats = CliRun.of("formats");
        assertEquals(0, formats.exitCode(), formats.toString());
        assertTrue(formats.out().lines().anyMatch(l -> l.startsWith("tiff\tvolume\t")), formats.out());
        assertTrue(formats.out().lines().anyMatch(l -> l.startsWith("tiff-sequence\tvolume\t")), formats.out());
        assertTrue(formats.out().lines().anyMatch(l -> l.startsWith("load-cell-csv\tpressure\tcsv,tsv,txt,dat\t")),
                formats.out());
        CliRun analyses = CliRun.of("analyses");
        assertEquals(0, analyses.exitCode(), analyses.toString());
        assertTrue(analyses.out().contains("phase-fractions\tmicrostructure\tlabels,volume"), analyses.out());
        assertTrue(analyses.out().contains("--set axis=PRESSURE [PRESSURE, X, Y, Z]"), analyses.out());
        assertEquals("", analyses.err());
    }

    @Test
    void inspectDescribesTheExampleVolume() {
        Path tif = TestFiles.exampleStudy().resolve("composite.tif");
        CliRun r = CliRun.of("inspect", tif.toString());
        assertEquals(0, r.exitCode(), r.toString());
        Map<String, Object> doc = r.json();
        assertEquals("tiff", doc.get("format"));
        assertEquals("volume", doc.get("kind"));
        assertEquals(List.of(64L, 64L, 48L), doc.get("dimensions"));
        assertEquals(List.of(0.5, 0.5, 0.5), doc.get("voxelSize_um"));
        assertEquals("Z", doc.get("pressureAxis"));
    }

    @Test
    void inspectDescribesALoadCellLogWithItsCellArea() {
        Path log = TestFiles.exampleStudy().resolve("pressure_log.csv");
        CliRun r = CliRun.of("inspect", log.toString(), "--import", "cellDiameter_mm=10");
        assertEquals(0, r.exitCode(), r.toString());
        Map<String, Object> doc = r.json();
        assertEquals("load-cell-csv", doc.get("format"));
        assertEquals("pressure", doc.get("kind"));
        assertEquals(721L, doc.get("rows"));
        assertEquals(List.of(Map.of("name", "time_s", "unit", "s"), Map.of("name", "force_N", "unit", "N"),
                Map.of("name", "pressure_MPa", "unit", "MPa")), doc.get("columns"));
    }

    @Test
    void analyzePrintsExactFractionsAndWritesResults() throws Exception {
        Path tif = TestFiles.exampleStudy().resolve("composite.tif");
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("analyze", "phase-fractions", tif.toString(), "--set", "phases=0=VOID,1=SE,2=AM,3=CARBON",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        for (Map.Entry<String, Double> e : expectedFractions().entrySet()) {
            assertEquals(e.getValue(), r.metric("fraction." + e.getKey()), 1e-15, e.getKey());
        }
        Map<String, Object> results = Json.readObject(Files.readString(out.resolve("results.json")));
        Map<?, ?> input = (Map<?, ?>) ((List<?>) results.get("inputs")).get(0);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(tif)));
        assertEquals(sha, input.get("sha256"));
        assertEquals(tif.toAbsolutePath().normalize().toString(), input.get("path"));
        assertEquals("tiff", input.get("format"));
        Map<?, ?> bundles = (Map<?, ?>) ((Map<?, ?>) results.get("stackscope")).get("bundles");
        assertTrue(bundles.containsKey("org.stackscope.analysis.microstructure"), bundles.toString());
        Map<?, ?> step = (Map<?, ?>) ((List<?>) results.get("steps")).get(0);
        assertEquals("0=VOID,1=SE,2=AM,3=CARBON", ((Map<?, ?>) step.get("settings")).get("phases"));
        assertEquals(Map.of("profile", "profile.csv", "rve", "rve.csv", "layers", "layers.csv"), step.get("tables"));
        assertTrue(((List<?>) step.get("figures")).containsAll(List.of("profile.png", "profile.svg")),
                step.get("figures").toString());
        for (String f : List.of("profile.csv", "profile.png", "profile.svg")) {
            assertTrue(Files.size(out.resolve(f)) > 100, f);
        }
        assertEquals(49, Files.readAllLines(out.resolve("profile.csv")).size(), "header + 48 slices");
    }

    @Test
    void taufactorElectrodeFractionsMatchTauFactor() {
        Path tif = TestFiles.sharedTestData("volumes/taufactor_electrode.tiff");
        CliRun r = CliRun.of("analyze", "phase-fractions", tif.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(0.449917, r.metric("fraction.0"), 5e-7);
        assertEquals(0.400466, r.metric("fraction.85"), 5e-7);
        assertEquals(0.149616, r.metric("fraction.170"), 5e-7);
    }

    @Test
    void recipeRunIsReproducible() throws Exception {
        Path recipe = TestFiles.exampleStudy().resolve("recipe.json");
        CliRun first = CliRun.of("run", recipe.toString(), "--out", tmp.resolve("a").toString());
        CliRun second = CliRun.of("run", recipe.toString(), "--out", tmp.resolve("b").toString());
        assertEquals(0, first.exitCode(), first.toString());
        assertEquals(first.json().get("steps"), second.json().get("steps"));
        List<String> tables;
        try (var files = Files.list(tmp.resolve("a"))) {
            tables = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList();
        }
        assertTrue(tables.containsAll(List.of("step1_profile.csv", "step2_flux_profile.csv", "step3_histogram.csv")),
                tables.toString());
        for (String table : tables) {
            assertEquals(Files.readString(tmp.resolve("a").resolve(table)), Files.readString(tmp.resolve("b").resolve(table)),
                    table);
        }
        assertEquals(expectedFractions().get("AM"), first.metricOfStep(0, "fraction.AM"), 1e-15);
        double tau = first.metricOfStep(1, "tortuosity.factor");
        assertTrue(tau > 1 && tau < 10, "SE of the example percolates: tau = " + tau);
    }

    private void assertInputError(Path file, String reasonFragment) throws Exception {
        Path out = tmp.resolve("out-" + file.getFileName());
        for (CliRun r : List.of(CliRun.of("inspect", file.toString()),
                CliRun.of("analyze", "phase-fractions", file.toString(), "--out", out.toString()))) {
            assertEquals(3, r.exitCode(), r.toString());
            assertEquals(1, r.errLines(), r.toString());
            assertTrue(r.err().contains(file.toString()), r.toString());
            assertTrue(r.err().toLowerCase().contains(reasonFragment), r.toString());
            assertEquals("", r.out());
        }
        assertFalse(Files.exists(out) && Files.list(out).findAny().isPresent(), "nothing written to --out");
    }

    @Test
    void missingFileIsAnInputError() throws Exception {
        assertInputError(tmp.resolve("nothing-here.tif"), "no such file");
    }

    @Test
    void textFileRenamedTifIsAnInputError() throws Exception {
        Path f = Files.writeString(tmp.resolve("notes.tif"), "Hello, this is not an image\n");
        assertInputError(f, "not a tiff");
    }

    @Test
    void truncatedTiffIsAnInputError() throws Exception {
        byte[] all = Files.readAllBytes(TestFiles.exampleStudy().resolve("composite.tif"));
        Path f = Files.write(tmp.resolve("truncated.tif"), java.util.Arrays.copyOf(all, all.length / 2));
        assertInputError(f, "beyond");
    }

    @Test
    void absurdDimensionsAreAnInputError() throws Exception {
        // A valid one-page TIFF header that claims 200000 x 200000 8-bit pixels in an 8-byte strip.
        ByteBuffer b = ByteBuffer.allocate(8 + 2 + 9 * 12 + 4 + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8).putShort((short) 9);
        int dataOffset = 8 + 2 + 9 * 12 + 4;
        int[][] tags = { { 256, 4, 1, 200000 }, { 257, 4, 1, 200000 }, { 258, 3, 1, 8 }, { 259, 3, 1, 1 },
                { 262, 3, 1, 1 }, { 273, 4, 1, dataOffset }, { 277, 3, 1, 1 }, { 278, 4, 1, 200000 },
                { 279, 4, 1, 8 } };
        for (int[] t : tags) {
            b.putShort((short) t[0]).putShort((short) t[1]).putInt(t[2]);
            if (t[1] == 3) {
                b.putShort((short) t[3]).putShort((short) 0);
            } else {
                b.putInt(t[3]);
            }
        }
        b.putInt(0);
        Path f = Files.write(tmp.resolve("huge.tif"), b.array());
        CliRun r = CliRun.of("inspect", f.toString());
        assertEquals(3, r.exitCode(), r.toString());
        assertEquals(1, r.errLines(), r.toString());
        assertTrue(r.err().contains(f.toString()) && r.err().contains("200000"), r.toString());
    }

    @Test
    void usageErrorsExitWithTwo() {
        Path tif = TestFiles.exampleStudy().resolve("composite.tif");
        for (String[] args : List.of(new String[] {}, new String[] { "frobnicate" },
                new String[] { "analyze", "phase-fractions" }, new String[] { "inspect", tif.toString(), "--bogus" },
                new String[] { "analyze", "no-such-analysis", tif.toString() },
                new String[] { "analyze", "phase-fractions", tif.toString(), "--set", "threads=-3" },
                new String[] { "analyze", "phase-fractions", tif.toString(), "--set", "colour=red" },
                new String[] { "analyze", "phase-fractions", tif.toString(), "--set", "novalue" })) {
            CliRun r = CliRun.of(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + "\n" + r);
            assertTrue(r.err().startsWith("stackscope: "), r.toString());
        }
    }

    @Test
    void analysisFailureExitsWithFourAndWritesNothing() throws Exception {
        Path tif = TestFiles.exampleStudy().resolve("composite.tif");
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("analyze", "phase-fractions", tif.toString(), "--set", "maxLabels=2", "--out",
                out.toString());
        assertEquals(4, r.exitCode(), r.toString());
        assertTrue(r.err().contains("4 distinct values"), r.toString());
        assertFalse(Files.exists(out.resolve("results.json")));
    }
}
