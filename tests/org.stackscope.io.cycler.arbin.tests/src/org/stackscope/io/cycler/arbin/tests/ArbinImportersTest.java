package org.stackscope.io.cycler.arbin.tests;

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
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.CyclerColumns.StepType;
import org.stackscope.core.model.Steps;
import org.stackscope.core.model.Table;
import org.stackscope.io.cycler.arbin.ArbinCsvImporter;
import org.stackscope.io.cycler.arbin.ArbinResImporter;
import org.stackscope.io.cycler.arbin.ArbinXlsxImporter;

/** Arbin .res, CSV and .xlsx against the figures other projects' tests assert for the same files (MANIFEST.tsv). */
class ArbinImportersTest {

    @TempDir
    Path dir;

    static Path arbin() {
        String shared = System.getProperty("stackscope.shared");
        return shared == null ? null : Path.of(shared, "testdata", "arbin");
    }

    private static Path shared(String name) {
        Path d = arbin();
        Path f = d == null ? null : d.resolve(name);
        assumeTrue(f != null && Files.exists(f), "shared test data absent");
        return f;
    }

    private static Table read(Importer<Table> importer, Path file) throws ImportException {
        return importer.read(file, ImportSettings.DEFAULTS, Monitor.NONE);
    }

    @Test
    void resFilesHaveTheRowCountsOfTheirChannelNormalTable() throws Exception {
        Map<String, Integer> rows = Map.of("cellpy_20160805_test001_45_cc_01.res", 10261,
                "cellpy_20210210_FC_01_cc_04_ratetest.res", 14979, "navani_arbin_example.res", 2150);
        for (Map.Entry<String, Integer> e : rows.entrySet()) {
            Path file = shared(e.getKey());
            ArbinResImporter importer = new ArbinResImporter();
            assertEquals(Match.YES, importer.matches(file));
            Table t = read(importer, file);
            assertEquals(DataKind.CYCLER, t.kind());
            assertEquals(e.getValue(), t.rowCount(), e.getKey());
            for (String c : List.of(CyclerColumns.TIME, CyclerColumns.TIMESTAMP, CyclerColumns.VOLTAGE,
                    CyclerColumns.CURRENT, CyclerColumns.CHARGE_CAPACITY, CyclerColumns.DISCHARGE_CAPACITY,
                    CyclerColumns.CYCLE, CyclerColumns.STEP, CyclerColumns.STEP_TYPE, "dv_dt_V_per_s",
                    "internal_resistance_Ohm", "arbin_data_point", "arbin_step_index")) {
                assertTrue(t.hasColumn(c), e.getKey() + " lacks " + c);
            }
            assertCapacitiesAreIntegratedCurrent(t, 0.02);
        }
    }

    @Test
    void cellpyPipelineFiguresForItsResFile() throws Exception {
        Table t = read(new ArbinResImporter(), shared("cellpy_20160805_test001_45_cc_01.res"));
        double[] cycle = t.column(CyclerColumns.CYCLE).values();
        double[] step = t.column(CyclerColumns.STEP).values();
        double[] type = t.column(CyclerColumns.STEP_TYPE).values();
        // cellpy pipeline_smoke: 18 cycles, 103 steps, cycle 1 has 1457 data points
        assertEquals(18, Arrays.stream(cycle).max().orElseThrow());
        assertEquals(103, step[step.length - 1]);
        assertEquals(1457, Arrays.stream(cycle).filter(c -> c == 1).count());
        // get_ccap(5): 214 points, get_dcap(5): 224 points = the charge and discharge steps of cycle 5
        Map<Double, int[]> steps = new TreeMap<>();
        for (int i = 0; i < cycle.length; i++) {
            if (cycle[i] == 5) {
                steps.computeIfAbsent(step[i], s -> new int[2])[0]++;
                steps.get(step[i])[1] = (int) type[i];
            }
        }
        assertEquals(214, longest(steps, StepType.CHARGE));
        assertEquals(224, longest(steps, StepType.DISCHARGE));
        Map<String, String> meta = t.metadata();
        assertEquals("3", meta.get("channel"));
        assertEquals("4.32 Build: 130904", meta.get("software_version"));
        assertEquals("2016-08-05T16:16:23Z", meta.get("start_time"), "Start_DateTime 42587.67804398148");
        assertEquals(1470414083, t.column(CyclerColumns.TIMESTAMP).get(0), 0.5, "DateTime 42587.6815162037");
        assertEquals("1", meta.get("test_id"));
        Path file = shared("cellpy_20160805_test001_45_cc_01.res");
        ImportException other = assertThrows(ImportException.class, () -> new ArbinResImporter().read(file,
                new ImportSettings(Map.of("testId", "2")), Monitor.NONE));
        assertEquals(file + ": table Channel_Normal_Table: no records for test 2", other.getMessage());
    }

    private static int longest(Map<Double, int[]> steps, StepType type) {
        return steps.values().stream().filter(s -> s[1] == type.code()).mapToInt(s -> s[0]).max().orElse(0);
    }

    @Test
    void xlsxMatchesNavanisShapeAndCycleSummary() throws Exception {
        Path file = shared("navani_arbin_graphite_Li_Channel_11.xlsx");
        ArbinXlsxImporter importer = new ArbinXlsxImporter();
        assertEquals(Match.YES, importer.matches(file));
        Table t = read(importer, file);
        assertEquals(4526, t.rowCount(), "navani: df.shape == (4526, 22)");
        assertEquals("11", t.metadata().get("channel"));
        assertEquals("PV7.0 Build: 180508USB", t.metadata().get("software_version"));
        assertEquals("2020-10-19T11:33:31Z", t.metadata().get("start_time"), "Start DateTime 44123.481608796297");
        // navani's cycle_summary: half cycles change with the sign of the current (rests ignored), full cycle =
        // ceil(half/2); means over full cycles of the mean current, the highest and the lowest voltage
        double[] current = t.column(CyclerColumns.CURRENT).values();
        double[] voltage = t.column(CyclerColumns.VOLTAGE).values();
        Map<Integer, double[]> cycles = new TreeMap<>();
        int half = 0;
        int previous = 0;
        for (int i = 0; i < current.length; i++) {
            int sign = (int) Math.signum(current[i]);
            if (sign != 0 && sign != previous) {
                half++;
                previous = sign;
            }
            double[] c = cycles.computeIfAbsent((half + 1) / 2, k -> new double[] { 0, 0, -1e9, 1e9 });
            c[0] += current[i];
            c[1]++;
            c[2] = Math.max(c[2], voltage[i]);
            c[3] = Math.min(c[3], voltage[i]);
        }
        double meanCurrent = cycles.values().stream().mapToDouble(c -> c[0] / c[1]).average().orElseThrow();
        double ucv = cycles.values().stream().mapToDouble(c -> c[2]).average().orElseThrow();
        double lcv = cycles.values().stream().mapToDouble(c -> c[3]).average().orElseThrow();
        assertEquals(-0.00001827, meanCurrent, 1e-8);
        assertEquals(2.084951, ucv, 1e-6);
        assertEquals(0.912430, lcv, 1e-6);
        System.out.printf("navani xlsx: mean current %.4e A, UCV %.6f V, LCV %.6f V%n", meanCurrent, ucv, lcv);
        assertCapacitiesAreIntegratedCurrent(t, 0.02);
    }

    @Test
    void beepCsvExportsKeepTheirValuesAndDeriveMissingSteps() throws Exception {
        Path file = shared("beep_arbin_2017-05-09_test-TC-contact_CH33.csv");
        ArbinCsvImporter importer = new ArbinCsvImporter();
        assertEquals(Match.YES, importer.matches(file));
        Path newareCsv = file.resolveSibling("../neware/cellpy_neware_uio.csv");
        if (Files.exists(newareCsv)) {
            assertEquals(Match.NO, importer.matches(newareCsv), "a Neware BTSDA CSV is not an Arbin export");
        }
        assertEquals(Match.NO, new ArbinResImporter().matches(file));
        assertEquals(Match.NO, new ArbinXlsxImporter().matches(file));
        Table t = read(importer, file);
        assertEquals(287, t.rowCount(), "288 lines with the header");
        assertEquals(6.600444793701172, t.column(CyclerColumns.CURRENT).get(0));
        assertEquals(3.298668384552002, t.column(CyclerColumns.VOLTAGE).get(0));
        assertEquals(1494377253.17, t.column(CyclerColumns.TIMESTAMP).get(0), 1e-6);
        // Cycle_Index and Step_Index are empty (BEEP's validator rejects the file): steps and cycles are derived
        assertFalse(t.hasColumn("arbin_step_index"));
        assertTrue(Arrays.stream(t.column(CyclerColumns.CYCLE).values()).allMatch(c -> c == 1));
        assertEquals(StepType.CHARGE.code(), t.column(CyclerColumns.STEP_TYPE).get(0));
        assertEquals("32", t.metadata().get("channel"), "from the companion _Metadata.csv");
        assertEquals("2017-05-10T00:47:33Z", t.metadata().get("start_time"), "first_start_datetime 1494377253");
        assertEquals("Schedule Version 7.00.08", t.metadata().get("arbin_schedule_version"));
        Table fast = read(importer, shared("beep_arbin_FastCharge_000025_CH8.csv"));
        assertEquals(248, fast.rowCount(), "249 lines with the header");
        assertEquals(0, fast.column(CyclerColumns.CYCLE).get(0), "Arbin's cycle 0 before the schedule starts");
    }

    @Test
    void mitsCsvWithUnitsAndTextDates() throws Exception {
        Path file = Files.writeString(dir.resolve("mits.csv"), "Data_Point,Date_Time,Test_Time(s),Step_Time(s),"
                + "Cycle_Index,Step_Index,Current(A),Voltage(V),Charge_Capacity(Ah),Discharge_Capacity(Ah),"
                + "Aux_Temperature_1(C)\n"
                + "1,10/20/2019 11:33:06.500,0,0,1,1,0.1,3.0,0,0,25\n"
                + "2,10/20/2019 11:34:06.500,60,60,1,1,0.1,3.1,0.001666667,0,25.5\n"
                + "3,10/20/2019 11:35:06.500,120,0,1,2,-0.1,3.0,0.001666667,0,26\n"
                + "4,10/20/2019 11:36:06.500,180,60,1,2,-0.1,2.9,0.001666667,0.001666667,26\n"
                + "5,10/20/2019 11:37:06.500,240,0,2,1,0.1,3.0,0,0,26\n");
        Table t = read(new ArbinCsvImporter(), file);
        assertArrayEquals(new double[] { 1, 1, 2, 2, 3 }, t.column(CyclerColumns.STEP).values());
        assertArrayEquals(new double[] { 1, 1, 2, 2, 1 }, t.column(CyclerColumns.STEP_TYPE).values());
        // cycle totals become per-step values
        assertArrayEquals(new double[] { 0, 0.001666667, 0, 0, 0 },
                t.column(CyclerColumns.CHARGE_CAPACITY).values(), 1e-12);
        assertArrayEquals(new double[] { 0, 0, 0, 0.001666667, 0 },
                t.column(CyclerColumns.DISCHARGE_CAPACITY).values(), 1e-12);
        assertEquals(1571571186.5, t.column(CyclerColumns.TIMESTAMP).get(0), 1e-6);
        assertEquals("C", t.column("aux_temperature_1_C").unit());
        assertEquals("Ohm", read(new ArbinCsvImporter(), shared("beep_arbin_FastCharge_000025_CH8.csv"))
                .column("internal_resistance_Ohm").unit(), "unit-less exports get Arbin's units");
    }

    private static void assertArrayEquals(double[] expected, double[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual);
    }

    private static void assertArrayEquals(double[] expected, double[] actual, double tolerance) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, tolerance);
    }

    /**
     * Each charge/discharge step's capacity at its last record (Arbin's cycle totals made per step) against the
     * trapezoidal integral of |I| over the step (Steps.summarize); the first sample's interval is the only gap.
     */
    static void assertCapacitiesAreIntegratedCurrent(Table t, double tolerance) {
        Table steps = Steps.summarize(t);
        double[] q = steps.column("capacity_Ah").values();
        double[] type = steps.column(CyclerColumns.STEP_TYPE).values();
        double[] first = steps.column("first_row").values();
        double[] last = steps.column("last_row").values();
        int checked = 0;
        double worst = 0;
        for (int s = 0; s < q.length; s++) {
            StepType st = StepType.of(type[s]);
            if (st != StepType.CHARGE && st != StepType.DISCHARGE || last[s] - first[s] < 10 || q[s] < 1e-6) {
                continue;
            }
            double[] vendor = t.column(st == StepType.CHARGE ? CyclerColumns.CHARGE_CAPACITY
                    : CyclerColumns.DISCHARGE_CAPACITY).values();
            double stepCharge = vendor[(int) last[s]]; // per step: counts from zero at the step's start
            double deviation = Math.abs(stepCharge - q[s]) / q[s];
            assertTrue(deviation < tolerance, "step " + s + ": vendor " + stepCharge + " Ah, integrated " + q[s]);
            worst = Math.max(worst, deviation);
            checked++;
        }
        assertTrue(checked > 0, "no charge or discharge step to check");
        System.out.printf("%s %s: %d steps, vendor capacity vs integrated current: worst %.2f%%%n",
                t.metadata().get("format"), t.metadata().getOrDefault("test_name", ""), checked, 100 * worst);
    }

    @Test
    void badInputIsOneLineWithFilePositionAndReasonAndWritesNothing() throws Exception {
        Path notAccess = Files.writeString(dir.resolve("fake.res"), "Data_Point,Test_Time\n1,2\n");
        ArbinResImporter res = new ArbinResImporter();
        assertEquals(Match.NO, res.matches(notAccess));
        ImportException e = assertThrows(ImportException.class, () -> read(res, notAccess));
        assertEquals(notAccess + ": byte 4: not an MS Access database (no 'Standard Jet DB' or 'Standard ACE DB' "
                + "signature), so not an Arbin .res file", e.getMessage());

        Path corruptXlsx = Files.write(dir.resolve("broken.xlsx"), Arrays.copyOf(
                "PK\u0003\u0004rubbish".getBytes(StandardCharsets.ISO_8859_1), 300));
        ImportException x = assertThrows(ImportException.class, () -> read(new ArbinXlsxImporter(), corruptXlsx));
        assertOneLine(x, corruptXlsx);

        Path slip = dir.resolve("slip.xlsx");
        try (OutputStream raw = Files.newOutputStream(slip); ZipOutputStream out = new ZipOutputStream(raw)) {
            out.putNextEntry(new ZipEntry("/etc/xl/workbook.xml"));
            out.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        ImportException s = assertThrows(ImportException.class, () -> read(new ArbinXlsxImporter(), slip));
        assertTrue(s.getMessage().contains("unsafe entry name"), s.getMessage());

        Path csv = Files.writeString(dir.resolve("bad.csv"), "Test_Time(s),Current(A),Voltage(V)\n0,0,3\n1,x,3\n");
        ImportException c = assertThrows(ImportException.class, () -> read(new ArbinCsvImporter(), csv));
        assertEquals(csv + ": line 3, column 'Current(A)': 'x' is not a number", c.getMessage());

        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("bad.csv", "broken.xlsx", "fake.res", "slip.xlsx"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(), "nothing written");
        }
    }

    @Test
    void truncatedResIsRejected() throws Exception {
        byte[] full = Files.readAllBytes(shared("navani_arbin_example.res"));
        Path cut = Files.write(dir.resolve("cut.res"), Arrays.copyOf(full, 40960));
        assertEquals(Match.YES, new ArbinResImporter().matches(cut), "the signature survives");
        ImportException e = assertThrows(ImportException.class, () -> read(new ArbinResImporter(), cut));
        assertOneLine(e, cut);
        assertEquals(List.of("cut.res"), Files.list(dir).map(p -> p.getFileName().toString()).toList());
    }

    private static void assertOneLine(ImportException e, Path file) {
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
