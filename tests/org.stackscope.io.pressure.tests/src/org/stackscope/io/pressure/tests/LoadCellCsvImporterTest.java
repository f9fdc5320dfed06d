package org.stackscope.io.pressure.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Table;
import org.stackscope.io.pressure.LoadCellCsvImporter;

class LoadCellCsvImporterTest {

    @TempDir
    Path dir;

    private final LoadCellCsvImporter importer = new LoadCellCsvImporter();

    private Table read(String name, String content, Map<String, String> settings) throws Exception {
        Path f = Files.writeString(dir.resolve(name), content);
        assertEquals(Match.YES, importer.matches(f));
        return importer.read(f, new ImportSettings(settings), Monitor.NONE);
    }

    @Test
    void forceBecomesStackPressureThroughTheCellArea() throws Exception {
        // 10 mm cell: area 78.5398 mm²; 3926.99 N -> 50 MPa
        Table t = read("log.csv", "time_s,force_N\n0,3926.990817\n10,785.398163\n", Map.of("cellDiameter_mm", "10"));
        assertEquals(DataKind.PRESSURE, t.kind());
        assertArrayEquals(new double[] { 0, 10 }, t.column("time_s").values());
        assertArrayEquals(new double[] { 50, 10 }, t.column("pressure_MPa").values(), 1e-8);
        assertEquals("MPa", t.column("pressure_MPa").unit());
        // a 1 mm cell under 39.27 N is also 50 MPa
        Table small = read("small.csv", "time_s,force_N\n0,39.26990817\n", Map.of("cellDiameter_mm", "1"));
        assertEquals(50, small.column("pressure_MPa").get(0), 1e-8);
    }

    @Test
    void unitsInHeadersAreConverted() throws Exception {
        Table t = read("units.tsv", "# exported by LoadLogger\nTime (min)\tLoad [kN]\n1\t2.5\n2\t3\n",
                Map.of("cellArea_mm2", "100"));
        assertArrayEquals(new double[] { 60, 120 }, t.column("time_s").values());
        assertArrayEquals(new double[] { 2500, 3000 }, t.column("force_N").values(), 1e-9);
        assertArrayEquals(new double[] { 25, 30 }, t.column("pressure_MPa").values(), 1e-12);
        Table p = read("p.csv", "time/h,Pressure/bar\n0.5,500\n", Map.of("cellArea_mm2", "10"));
        assertEquals(1800, p.column("time_s").get(0));
        assertEquals(50, p.column("pressure_MPa").get(0), 1e-12);
        assertEquals(500, p.column("force_N").get(0), 1e-9, "force from pressure and area");
    }

    @Test
    void europeanSemicolonFilesWithDecimalCommas() throws Exception {
        Table t = read("de.csv", "Zeit;time_s;force_N\nx;0,5;1234,5\ny;1,5;1000\n", Map.of());
        assertArrayEquals(new double[] { 0.5, 1.5 }, t.column("time_s").values());
        assertArrayEquals(new double[] { 1234.5, 1000 }, t.column("force_N").values());
        assertFalse(t.hasColumn("pressure_MPa"));
        assertTrue(t.metadata().get("note").contains("cellDiameter_mm"));
    }

    @Test
    void timestampsBecomeSecondsFromTheFirstRowAndTheOffsetAlignsClocks() throws Exception {
        Table t = read("stamps.csv", "timestamp,pressure_MPa\n2026-11-22 06:00:00,50\n2026-11-22 06:01:30.5,49\n",
                Map.of("timeOffset_s", "-10"));
        assertArrayEquals(new double[] { -10, 80.5 }, t.column("time_s").values(), 1e-9);
        assertEquals("2026-11-22T06:00", t.metadata().get("startTime"));
        // 2026-11-22T06:00:00Z is 1795327200 s after the epoch; the offset moves the wall clock too
        assertArrayEquals(new double[] { 1795327190, 1795327280.5 }, t.column("timestamp_s").values(), 1e-6);
        Table berlin = read("stamps2.csv", "timestamp,pressure_MPa\n2026-11-22 07:00:00,50\n", Map.of("timeZone",
                "Europe/Berlin"));
        assertEquals(1795327200, berlin.column("timestamp_s").get(0), 1e-6, "07:00 in Berlin is 06:00 UTC");
        ImportException bad = assertThrows(ImportException.class, () -> read("stamps3.csv",
                "timestamp,pressure_MPa\n2026-11-22 07:00:00,50\n", Map.of("timeZone", "Mars/Olympus")));
        assertTrue(bad.getMessage().contains("timeZone"), bad.getMessage());
    }

    @Test
    void transducerVoltageNeedsACalibration() throws Exception {
        String content = "time_s,Signal (mV)\n0,1500\n1,2000\n";
        Table t = read("v.csv", content, Map.of("newtonsPerVolt", "1000", "voltageOffset_V", "0.5",
                "cellDiameter_mm", "10"));
        assertArrayEquals(new double[] { 1000, 1500 }, t.column("force_N").values(), 1e-9);
        Path f = dir.resolve("v.csv");
        ImportException e = assertThrows(ImportException.class, () -> importer.read(f, ImportSettings.DEFAULTS,
                Monitor.NONE));
        assertTrue(e.getMessage().contains("newtonsPerVolt"), e.getMessage());
    }

    @Test
    void badInputNamesFileLineColumnAndReason() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "time_s,force_N\n0,1\n1,abc\n");
        ImportException e = assertThrows(ImportException.class, () -> importer.read(bad, ImportSettings.DEFAULTS,
                Monitor.NONE));
        assertEquals(bad + ": line 3, column 'force_N': 'abc' is not a finite number", e.getMessage());
        Path short_ = Files.writeString(dir.resolve("short.csv"), "time_s,force_N\n0\n");
        assertTrue(assertThrows(ImportException.class, () -> importer.read(short_, ImportSettings.DEFAULTS,
                Monitor.NONE)).getMessage().contains("line 2"));
        Path empty = Files.writeString(dir.resolve("empty.csv"), "time_s,force_N\n");
        assertTrue(assertThrows(ImportException.class, () -> importer.read(empty, ImportSettings.DEFAULTS,
                Monitor.NONE)).getMessage().contains("no data rows"));
        Path unit = Files.writeString(dir.resolve("unit.csv"), "time_s,force (tons)\n0,1\n");
        assertTrue(assertThrows(ImportException.class, () -> importer.read(unit, ImportSettings.DEFAULTS,
                Monitor.NONE)).getMessage().contains("'tons'"));
        Path other = Files.writeString(dir.resolve("cycler.csv"), "time_s,voltage_V,current_A\n");
        assertEquals(Match.NO, importer.matches(other), "a cycler export's cell voltage is no transducer signal");
        Path noTime = Files.writeString(dir.resolve("notime.csv"), "cycle,capacity\n1,2\n");
        assertEquals(Match.NO, importer.matches(noTime));
        assertEquals(Match.NO, importer.matches(Files.writeString(dir.resolve("x.tif"), "time_s,force_N\n")));
    }

    @Test
    void theExampleStudyLogReadsAsFiftyMegapascal() throws Exception {
        String root = System.getProperty("stackscope.root");
        Path log = root == null ? null : Path.of(root, "examples/study/pressure_log.csv");
        assumeTrue(log != null && Files.exists(log), "run through the Maven build");
        Table t = importer.read(log, new ImportSettings(Map.of("cellDiameter_mm", "10")), Monitor.NONE);
        assertEquals(721, t.rowCount());
        assertEquals(50, t.column("pressure_MPa").get(0), 0.001);
        assertEquals(7200, t.column("time_s").get(720));
    }
}
