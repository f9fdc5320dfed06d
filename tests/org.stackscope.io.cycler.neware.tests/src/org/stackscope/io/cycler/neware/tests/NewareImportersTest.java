package org.stackscope.io.cycler.neware.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.CyclerColumns.StepType;
import org.stackscope.core.model.Steps;
import org.stackscope.core.model.Table;
import org.stackscope.io.cycler.neware.NewareCsvImporter;
import org.stackscope.io.cycler.neware.NewareNdaImporter;
import org.stackscope.io.cycler.neware.NewareNdaxImporter;

class NewareImportersTest {

    @TempDir
    Path dir;

    private static Path shared(String name) {
        Path d = NewareReferenceTest.neware();
        Path f = d == null ? null : d.resolve(name);
        assumeTrue(f != null && Files.exists(f), "shared test data absent");
        return f;
    }

    @Test
    void btsdaCsvExportMatchesCellpysRowCountAndItsOwnCapacities() throws Exception {
        Path file = shared("cellpy_neware_uio.csv");
        NewareCsvImporter importer = new NewareCsvImporter();
        assertEquals(Match.YES, importer.matches(file));
        assertEquals(Match.NO, new NewareNdaImporter().matches(file));
        assertEquals(Match.NO, new NewareNdaxImporter().matches(file));
        Path arbinCsv = file.resolveSibling("../arbin/beep_arbin_FastCharge_000025_CH8.csv");
        if (Files.exists(arbinCsv)) {
            assertEquals(Match.NO, importer.matches(arbinCsv), "an Arbin CSV is not a BTSDA export");
        }
        Table t = importer.read(file, ImportSettings.DEFAULTS, Monitor.NONE);
        assertEquals(9065, t.rowCount(), "cellpy loader_neware_txt: 9065 rows");
        // Cumulative Time of the last row 144:02:18; Date 2022-05-24 16:29:53 read as UTC
        assertEquals(144 * 3600 + 138, t.column(CyclerColumns.TIME).get(9064), 1e-9);
        assertEquals(1653409793, t.column(CyclerColumns.TIMESTAMP).get(9064), 1e-6);
        assertEquals(-0.00024859, t.column(CyclerColumns.CURRENT).get(721), 1e-12, "discharge is negative");
        double[] type = t.column(CyclerColumns.STEP_TYPE).values();
        assertEquals(3409, count(type, StepType.CHARGE), "rows labelled CC Chg");
        assertEquals(4667, count(type, StepType.DISCHARGE), "rows labelled CC DChg");
        assertEquals(989, count(type, StepType.REST), "rows labelled Rest");
        assertEquals(4, t.column("neware_cycle").get(9064), "BTSDA's own cycle is kept");
        // cycle_index follows the Stackscope convention (a cycle starts at each charge after a discharge); this
        // file discharges first, so its four BTSDA cycles (discharge + charge) span more Stackscope cycles
        double[] cycle = t.column(CyclerColumns.CYCLE).values();
        for (int i = 1; i < cycle.length; i++) {
            assertTrue(cycle[i] == cycle[i - 1] || cycle[i] == cycle[i - 1] + 1 && type[i] == 1);
        }
        assertTrue(t.hasColumn("spec_cap_mAh_per_g"), "vendor columns kept with units: " + t.columns());
        assertEquals("mAh/g", t.column("spec_cap_mAh_per_g").unit());
        assertTrue(t.metadata().get("text_columns_left_out").contains("Module start-stop switch"));
        assertCapacitiesAreIntegratedCurrent(t, 0.02);
    }

    @Test
    void ndaCapacitiesAreTheIntegratedCurrent() throws Exception {
        Table t = new NewareNdaImporter().read(shared("TestFile.nda"), ImportSettings.DEFAULTS, Monitor.NONE);
        assertEquals("130", t.metadata().get("nda_version"));
        assertCapacitiesAreIntegratedCurrent(t, 0.01);
        Table old = new NewareNdaImporter().read(shared("new_nda_file.nda"), ImportSettings.DEFAULTS, Monitor.NONE);
        assertEquals("BTSServer(R3)-7.6.0.301 (2018.07.30)", old.metadata().get("server_version"));
        assertEquals("BTS 7.6.0.1408(2018.08.27)", old.metadata().get("software_version"));
        assertEquals("2020-03-25T11:16:50Z", old.metadata().get("start_time"), "first record's wall clock as UTC");
        double[] time = old.column(CyclerColumns.TIME).values();
        for (int i = 1; i < time.length; i++) {
            assertTrue(time[i] >= time[i - 1], "test time never runs back (step times are reset per step)");
        }
        // wall-clock files follow the timeZone setting
        Table berlin = new NewareNdaImporter().read(shared("new_nda_file.nda"),
                new ImportSettings(Map.of("timeZone", "Europe/Berlin")), Monitor.NONE);
        assertEquals(-3600, berlin.column(CyclerColumns.TIMESTAMP).get(0) - old.column(CyclerColumns.TIMESTAMP)
                .get(0), 1e-9, "CET is UTC+1 in March 2020");
    }

    @Test
    void ndaxMetadataNamesChannelSoftwareAndStart() throws Exception {
        Table t = new NewareNdaxImporter().read(shared("ZZZZZZZZTEST.ndax"), ImportSettings.DEFAULTS, Monitor.NONE);
        assertEquals("46-1-1", t.metadata().get("channel"));
        assertEquals("2025-09-11 14:51:27", t.metadata().get("test_StartTime"));
        assertEquals("2025-09-11T14:51:27Z", t.metadata().get("start_time"));
        assertEquals("BTS Client 8.0.1.492(2025.01.23)", t.metadata().get("software_version"));
        assertEquals("BTSServer(R3)-8.0.1.437 (2025.01.23)", t.metadata().get("server_version"));
        assertEquals("16", t.metadata().get("ndc_version"));
        Table navani = new NewareNdaxImporter().read(shared("navani_test.ndax"), ImportSettings.DEFAULTS,
                Monitor.NONE);
        assertEquals("5", navani.metadata().get("ndc_version"));
        assertTrue(navani.rowCount() > 1000);
        assertCapacitiesAreIntegratedCurrent(navani, 0.02);
    }

    /**
     * The vendor's per-step capacity at each step's end against the trapezoidal integral of current over time
     * (Steps.summarize), for steps longer than ten records and with charge above 1e-7 Ah.
     */
    private static void assertCapacitiesAreIntegratedCurrent(Table t, double tolerance) {
        Table steps = Steps.summarize(t);
        double[] q = steps.column("capacity_Ah").values();
        double[] type = steps.column(CyclerColumns.STEP_TYPE).values();
        double[] first = steps.column("first_row").values();
        double[] last = steps.column("last_row").values();
        double[] charge = t.column(CyclerColumns.CHARGE_CAPACITY).values();
        double[] discharge = t.column(CyclerColumns.DISCHARGE_CAPACITY).values();
        int checked = 0;
        double worst = 0;
        for (int s = 0; s < q.length; s++) {
            StepType st = StepType.of(type[s]);
            if (st != StepType.CHARGE && st != StepType.DISCHARGE || last[s] - first[s] < 10 || q[s] < 1e-7) {
                continue;
            }
            int end = (int) last[s];
            double vendor = (st == StepType.CHARGE ? charge : discharge)[end]; // per step, from zero
            double deviation = Math.abs(vendor - q[s]) / q[s];
            assertTrue(deviation < tolerance, "step " + s + ": vendor " + vendor + " Ah, integrated " + q[s]);
            worst = Math.max(worst, deviation);
            checked++;
        }
        assertTrue(checked > 0, "no charge or discharge step to check");
        System.out.printf("%s: %d steps, vendor capacity vs integrated current: worst %.2f%%%n",
                t.metadata().get("format"), checked, 100 * worst);
    }

    private static int count(double[] type, StepType t) {
        return (int) Arrays.stream(type).filter(v -> v == t.code()).count();
    }

    @Test
    void badInputIsOneLineWithFilePositionAndReasonAndWritesNothing() throws Exception {
        Path notNda = Files.writeString(dir.resolve("fake.nda"), "NOT A NEWARE FILE");
        assertEquals(Match.NO, new NewareNdaImporter().matches(notNda));
        ImportException e = assertThrows(ImportException.class, () -> read(new NewareNdaImporter(), notNda));
        assertEquals(notNda + ": byte 0: not a Neware .nda file (no 'NEWARE' signature)", e.getMessage());

        Path version = Files.write(dir.resolve("v99.nda"), header(99));
        assertTrue(assertThrows(ImportException.class, () -> read(new NewareNdaImporter(), version)).getMessage()
                .contains("byte 14: nda version 99 is not supported"));

        Path corruptZip = dir.resolve("broken.ndax");
        Files.write(corruptZip, Arrays.copyOf("PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1), 600));
        ImportException z = assertThrows(ImportException.class, () -> read(new NewareNdaxImporter(), corruptZip));
        assertOneLine(z, corruptZip);
        assertTrue(z.getMessage().contains("zip directory"), z.getMessage());

        Path slip = zip("slip.ndax", Map.of("../../evil/data.ndc", new byte[100]));
        ImportException s = assertThrows(ImportException.class, () -> read(new NewareNdaxImporter(), slip));
        assertTrue(s.getMessage().contains("entry '../../evil/data.ndc'") && s.getMessage().contains("unsafe"),
                s.getMessage());

        // 64 MiB of zeros deflate ~1000:1; the guard stops at 200x the compressed size
        Path bomb = dir.resolve("bomb.ndax");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            out.putNextEntry(new ZipEntry("data.ndc"));
            byte[] zeros = new byte[1 << 20];
            for (int k = 0; k < 64; k++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        ImportException b = assertThrows(ImportException.class, () -> read(new NewareNdaxImporter(), bomb));
        assertTrue(b.getMessage().contains("zip bomb guard"), b.getMessage());
        assertOneLine(b, bomb);

        Path noData = zip("nodata.ndax", Map.of("VersionInfo.xml", "<root/>".getBytes(StandardCharsets.UTF_8)));
        assertTrue(assertThrows(ImportException.class, () -> read(new NewareNdaxImporter(), noData)).getMessage()
                .contains("no data.ndc"));

        Path csv = Files.writeString(dir.resolve("bad.csv"), "DataPoint,Step Type,Cumulative Time,Current(A),"
                + "Voltage(V),Chg. Cap.(Ah)\n1,Rest,00:00:00,0,3.1,0\n2,CC Chg,00:xx:01,0.1,3.2,0\n");
        assertEquals(Match.YES, new NewareCsvImporter().matches(csv));
        ImportException c = assertThrows(ImportException.class, () -> read(new NewareCsvImporter(), csv));
        assertEquals(csv + ": line 3, column 'Cumulative Time': '00:xx:01' cannot be read as time", c.getMessage());

        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("bad.csv", "bomb.ndax", "broken.ndax", "fake.nda", "nodata.ndax", "slip.ndax",
                    "v99.nda"), left.map(p -> p.getFileName().toString()).sorted().toList(), "nothing written");
        }
    }

    @Test
    void truncatedNdaIsRejected() throws Exception {
        Path full = shared("TestFile.nda");
        Path cut = Files.write(dir.resolve("cut.nda"), Arrays.copyOf(Files.readAllBytes(full), 1000));
        ImportException e = assertThrows(ImportException.class, () -> read(new NewareNdaImporter(), cut));
        assertEquals(cut + ": byte 1000: truncated before the first record at byte 1024", e.getMessage());
    }

    private static byte[] header(int version) {
        byte[] b = Arrays.copyOf("NEWARE20200325".getBytes(StandardCharsets.US_ASCII), 4096);
        b[14] = (byte) version;
        return b;
    }

    private Path zip(String name, Map<String, byte[]> entries) throws Exception {
        Path f = dir.resolve(name);
        try (OutputStream raw = Files.newOutputStream(f); ZipOutputStream out = new ZipOutputStream(raw)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return f;
    }

    private static Table read(Importer<Table> importer, Path file) throws ImportException {
        return importer.read(file, ImportSettings.DEFAULTS, Monitor.NONE);
    }

    private static void assertOneLine(ImportException e, Path file) {
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
