package org.stackscope.io.cycler.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stackscope.io.cycler.tests.TestData.assertClose;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.Match;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.CyclerColumns.StepType;
import org.stackscope.core.model.ImpedanceColumns;
import org.stackscope.core.model.Steps;
import org.stackscope.core.model.Table;
import org.stackscope.io.cycler.GamryDtaImporter;
import org.stackscope.io.cycler.MaccorTextImporter;
import org.stackscope.io.cycler.NovonixCsvImporter;

/** Gamry, Maccor and Novonix files against the values their projects' own tests assert (MANIFEST.tsv). */
class OtherVendorsTest {

    private final GamryDtaImporter gamry = new GamryDtaImporter();
    private final MaccorTextImporter maccor = new MaccorTextImporter();
    private final NovonixCsvImporter novonix = new NovonixCsvImporter();

    @Test
    void gamryEispot() throws Exception {
        Table t = TestData.read(gamry, "gamry/gamryparser_eispot_data.dta");
        assertEquals(DataKind.IMPEDANCE, t.kind());
        assertEquals(TestData.expected("gamry/gamryparser_eispot_data.dta", "1 curve, (\\d+) rows"), t.rowCount());
        assertEquals(10000, t.column(ImpedanceColumns.FREQUENCY).get(0));
        assertEquals(-3.767681, t.column(ImpedanceColumns.Z_IMAG).get(0), "Gamry's Zimag keeps its sign");
        assertEquals("EISPOT", t.metadata().get("TAG"));
    }

    @Test
    void gamryAbortedCurveIsThePrefixOfTheCompleteOne() throws Exception {
        Table whole = TestData.read(gamry, "gamry/gamryparser_eispot_data.dta");
        Table aborted = TestData.read(gamry, "gamry/gamryparser_eispot_data_curveaborted.dta");
        assertEquals(5, aborted.rowCount());
        assertEquals("true", aborted.metadata().get("aborted"));
        for (Column c : aborted.columns()) {
            assertArrayEquals(Arrays.copyOf(whole.column(c.name()).values(), 5), c.values(), c.name());
        }
    }

    @Test
    void gamryImpedancePyArraysForCompleteAndAbortedRuns() throws Exception {
        Map<String, double[]> expected = ExpectedArrays.impedancePy("gamry");
        for (String name : new String[] { "gamry/impedancepy_exampleDataGamry.DTA",
                "gamry/impedancepy_exampleDataGamryABORT.DTA" }) {
            Table t = TestData.read(gamry, name);
            assertClose(expected.get("f_Hz"), t.column(ImpedanceColumns.FREQUENCY).values(), 1e-12, 0, name);
            assertClose(expected.get("Z_re"), t.column(ImpedanceColumns.Z_REAL).values(), 1e-12, 0, name);
            assertClose(expected.get("Z_im"), t.column(ImpedanceColumns.Z_IMAG).values(), 1e-12, 0, name);
        }
    }

    @Test
    void gamryCyclicVoltammetryCurvesBecomeCycles() throws Exception {
        Table t = TestData.read(gamry, "gamry/gamryparser_cv_data.dta");
        assertEquals(DataKind.CYCLER, t.kind());
        // gamry-parser: scan limits 0.1 and 0.9 V, scan rate 1.23456 mV/s
        assertEquals("1.00000E-001", t.metadata().get("VLIMIT1"));
        assertEquals("9.00000E-001", t.metadata().get("VLIMIT2"));
        assertEquals("1.23456E+000", t.metadata().get("SCANRATE"));
        assertEquals(0.49, t.column(CyclerColumns.VOLTAGE).get(0), 1e-12);
        double[] cycle = t.column(CyclerColumns.CYCLE).values();
        assertEquals(1, cycle[0]);
        assertEquals(5, cycle[cycle.length - 1], "CURVE1..CURVE5");
    }

    @Test
    void gamryChronoamperometryInBothLocales() throws Exception {
        Table en = TestData.read(gamry, "gamry/gamryparser_chronoa_data.dta");
        Table de = TestData.read(gamry, "gamry/gamryparser_chronoa_de_data.dta");
        assertEquals(10, en.rowCount(), "gamry-parser: sample_count 10");
        assertArrayEquals(new double[] { 0, 30, 60, 90.0001, 120, 150, 180, 210, 240, 270 },
                de.column(CyclerColumns.TIME).values());
        assertEquals(en.columns().stream().map(Column::name).toList(), de.columns().stream().map(Column::name)
                .toList());
        assertEquals(-5e-4, de.column(CyclerColumns.VOLTAGE).get(0), "-5,00000E-004");
        assertEquals(4.99669e-1, de.column(CyclerColumns.VOLTAGE).get(1), "4,99669E-001");
        assertEquals(-2e-8, de.column(CyclerColumns.CURRENT).get(0));
    }

    @Test
    void gamryOpenCircuitPotential() throws Exception {
        Table t = TestData.read(gamry, "gamry/gamryparser_ocp_data.dta");
        assertEquals(TestData.expected("gamry/gamryparser_ocp_data.dta", "shape \\((\\d+),"), t.rowCount());
        assertTrue(Arrays.stream(t.column(CyclerColumns.CURRENT).values()).allMatch(i -> i == 0));
        assertTrue(Arrays.stream(t.column(CyclerColumns.STEP_TYPE).values())
                .allMatch(x -> x == StepType.REST.code()));
    }

    @Test
    void maccorExportsInThreeHeaderVariants() throws Exception {
        String[] files = { "maccor/PredictionDiagnostics_000151_test.052",
                "maccor/PredictionDiagnostics_000109_tztest.010", "maccor/cellpy_maccor_001.txt" };
        String[] rowRegex = { "raw_data.shape==\\((\\d+),", "raw_data.shape==\\((\\d+),", "(\\d+) rows x" };
        for (int k = 0; k < files.length; k++) {
            Table t = TestData.read(maccor, files[k]);
            assertEquals(Match.YES, maccor.matches(TestData.file(files[k])));
            assertEquals(TestData.expected(files[k], rowRegex[k]), t.rowCount(), files[k]);
            double[] current = t.column(CyclerColumns.CURRENT).values();
            double[] type = t.column(CyclerColumns.STEP_TYPE).values();
            for (int i = 0; i < current.length; i++) {
                if (type[i] == StepType.DISCHARGE.code()) {
                    assertTrue(current[i] < 0, files[k] + " row " + i);
                }
            }
        }
        Table diag = TestData.read(maccor, files[0]);
        assertEquals(769267.24, diag.column(CyclerColumns.TIME).get(0), 1e-9);
        assertEquals(-4.8400091554, diag.column(CyclerColumns.CURRENT).get(0));
        assertEquals(0.0191579754, diag.column(CyclerColumns.DISCHARGE_CAPACITY).get(0));
        assertEquals(38, diag.column(CyclerColumns.CYCLE).get(0), "Cyc# 37, 0-based in Maccor");
        Table cellpy = TestData.read(maccor, files[2]);
        // "  0d 00:00:0" durations: the test time is in seconds from the start
        assertEquals(0, cellpy.column(CyclerColumns.TIME).get(0));
        assertTrue(cellpy.column(CyclerColumns.TIME).get(cellpy.rowCount() - 1) > 3600);
    }

    @Test
    void maccorDurationsAndImpedanceExport() throws Exception {
        Table t = TestData.read(maccor, "maccor/maccor_test_file_4267-66-6519.041");
        double[] time = t.column(CyclerColumns.TIME).values();
        assertArrayEquals(new double[] { 0, 1, 2 }, Arrays.copyOf(time, 3));
        Table z = TestData.read(maccor, "maccor/maccor_test_file_4267-66-6519.EDA0001.041");
        assertEquals(DataKind.IMPEDANCE, z.kind());
        assertEquals(999999.0, z.column(ImpedanceColumns.FREQUENCY).get(0));
        assertEquals(0.773446, z.column(ImpedanceColumns.Z_REAL).get(0));
        assertEquals(-0.849201, z.column(ImpedanceColumns.Z_IMAG).get(0));
        assertEquals(3.909893, z.column(ImpedanceColumns.VOLTAGE).get(0));
    }

    @Test
    void novonixFormation() throws Exception {
        String name = "other_cyclers/beep_novonix_Form-CH01-01_short.csv";
        Table t = TestData.read(novonix, name);
        assertEquals(TestData.expected(name, "raw_data.shape==\\((\\d+),"), t.rowCount());
        assertEquals("0.24", t.metadata().get("Capacity (Ah)"));
        assertEquals(0.0003111 * 3600, t.column(CyclerColumns.TIME).get(1), 1e-9);
        assertEquals(38.92947006, t.column(CyclerColumns.TEMPERATURE).get(0));
        // the short file holds three Novonix steps: open circuit, the CC-CV charge to 1.5 V (Novonix type 7, up to
        // 54 mA), the 20 C/xx charge (type 1)
        Table steps = Steps.summarize(t);
        assertArrayEquals(new double[] { StepType.REST.code(), StepType.CHARGE.code(), StepType.CHARGE.code() },
                steps.column(CyclerColumns.STEP_TYPE).values());
        double vendor = t.column(CyclerColumns.CHARGE_CAPACITY).get(t.rowCount() - 1);
        assertEquals(0.0294679161, vendor);
        // Novonix's counter runs on across the two charge steps (0.00066925 Ah at the end of step 2): the integral
        // of the logged current over step 3 equals the counter's increase over that step
        int lastOfStep2 = (int) steps.column("last_row").get(1);
        double increase = vendor - t.column(CyclerColumns.CHARGE_CAPACITY).get(lastOfStep2);
        assertEquals(increase, steps.column("capacity_Ah").get(2), 1e-3 * increase);
    }
}
