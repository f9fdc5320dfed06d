package org.stackscope.analysis.electrochem.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.batch.Cli;
import org.stackscope.core.registry.Registry;
import org.stackscope.core.results.Json;

/**
 * The analyses through the real command line ({@code stackscope batch ...}) and the platform registry, as a pipeline
 * would run them: contributions visible, settings via --set, files written with --out, exit codes.
 */
class HeadlessCliTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(Registry.platform(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    static double metric(Run r, String name) {
        Map<String, Object> m = (Map<String, Object>) ((Map<String, Object>) Json.readObject(r.out()).get("metrics"))
                .get(name);
        Object v = m.get("value");
        return v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString());
    }

    @Test
    void everyAnalysisIsListedWithItsSettings() {
        Run r = cli("analyses");
        assertEquals(0, r.code(), r.err());
        for (String id : new String[] { "cycling-summary", "voltage-profiles", "dqdv", "symmetric-cell",
                "pressure-evolution", "metric-vs-pressure" }) {
            assertTrue(r.out().contains(id), id + " in\n" + r.out());
        }
        assertTrue(r.out().contains("electrode") && r.out().contains("activeMass_mg"), r.out());
        assertTrue(cli("formats").out().contains("pressure-metric-csv"));
    }

    @Test
    void timeToShortAgainstPressureFromACsvFile() throws Exception {
        Path csv = Files.writeString(dir.resolve("shorts.csv"),
                "pressure_MPa,short.time_h\n25,48\n20,190\n15,272\n10,474\n5,Infinity\n");
        Path out = dir.resolve("out");
        Run r = cli("analyze", "metric-vs-pressure", csv.toString(), "--set", "confidence=0.9", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(4, metric(r, "points"));
        assertEquals(1, metric(r, "points.excluded"));
        assertTrue(Files.exists(out.resolve("results.json")));
        try (var files = Files.list(out)) {
            String names = files.map(p -> p.getFileName().toString()).sorted().toList().toString();
            assertTrue(names.contains("metric-vs-pressure") && names.contains(".png") && names.contains(".svg")
                    && names.contains("fits"), names);
        }
        Run bad = cli("analyze", "metric-vs-pressure", csv.toString(), "--set", "confidence=2");
        assertEquals(2, bad.code(), bad.toString());
    }

    @Test
    void pressureLogAloneFromALoadCellCsv() throws Exception {
        StringBuilder log = new StringBuilder("time_s,pressure_MPa\n");
        for (int i = 0; i <= 3600; i++) {
            log.append(i).append(',').append(String.format(Locale.ROOT, "%.6f", 10 + 0.5 * i / 3600.0)).append('\n');
        }
        Path csv = Files.writeString(dir.resolve("log.csv"), log);
        Run r = cli("analyze", "pressure-evolution", csv.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(0.5, metric(r, "pressure.drift"), 1e-6);
        assertEquals(10.25, metric(r, "pressure.mean"), 1e-6);
        Run wrongKind = cli("analyze", "cycling-summary", csv.toString(), "--set", "electrode=CATHODE");
        assertTrue(wrongKind.code() != 0 && wrongKind.err().lines().count() == 1, wrongKind.toString());
    }
}
