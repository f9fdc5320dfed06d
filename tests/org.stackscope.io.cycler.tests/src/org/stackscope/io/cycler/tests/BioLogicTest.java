package org.stackscope.io.cycler.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stackscope.io.cycler.tests.TestData.assertClose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.CyclerColumns.StepType;
import org.stackscope.core.model.ImpedanceColumns;
import org.stackscope.core.model.Table;
import org.stackscope.io.cycler.BioLogicMprImporter;
import org.stackscope.io.cycler.BioLogicMptImporter;

/**
 * BioLogic .mpt and .mpr against yadg's consistency test (every column of an .mpr equals its .mpt export, rtol 1e-5,
 * atol 1e-8), MANIFEST row counts, impedance.py's expected arrays, and an analytic circuit (pyimpspec TC-1).
 */
class BioLogicTest {

    private final BioLogicMptImporter mpt = new BioLogicMptImporter();
    private final BioLogicMprImporter mpr = new BioLogicMprImporter();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = { "yadg_peis", "yadg_peis.issue_149", "yadg_peis.issue_225.with_ece", "yadg_geis.issue_149",
            "yadg_gcpl.issue_149", "yadg_gcpl.pr_182.1", "yadg_gcpl.issue_226.I", "yadg_mb.issue_95",
            "yadg_mb.issue_223", "yadg_ocv", "yadg_cp", "yadg_zir", "yadg_wait", "yadg_vsp_peis_with" })
    void mprEqualsItsMptExport(String run) throws Exception {
        String mprName = "biologic/" + run + ".mpr";
        String mptName = "biologic/" + run + ".mpt";
        Table binary = TestData.read(mpr, mprName);
        Table text = TestData.read(mpt, mptName);
        int points = TestData.expected(mprName, "(\\d+) points x \\d+ columns");
        assertEquals(points, binary.rowCount(), "mpr rows vs MANIFEST");
        assertEquals(TestData.expected(mptName, "=> (\\d+) data rows"), text.rowCount(), "mpt rows vs MANIFEST");
        assertEquals(text.kind(), binary.kind());
        assertEquals(run.contains("eis") || run.contains("zir") ? DataKind.IMPEDANCE : DataKind.CYCLER, text.kind());
        List<String> compared = new ArrayList<>();
        for (Column c : binary.columns()) {
            assertTrue(text.hasColumn(c.name()), c.name() + " of the .mpr is missing in the .mpt table");
            double[] expected = text.column(c.name()).values().clone();
            double[] actual = c.values();
            if (isHarmonic(c.name())) {
                // the .mpt export writes "not computed" (-1 for THD/NSD/NSR, 0 for harmonics) on the first point
                // of each sequence where the .mpr holds the measured value; compare every other point
                for (int i = 0; i < expected.length; i++) {
                    if (expected[i] == -1 || expected[i] == 0) {
                        expected[i] = actual[i];
                    }
                }
            }
            assertClose(expected, actual, 1e-5, 1e-8, run + " " + c.name());
            compared.add(c.name());
        }
        assertTrue(compared.size() >= 4, "compared " + compared);
        assertEquals(binary.metadata().get("technique") != null, true);
    }

    private static boolean isHarmonic(String name) {
        return name.startsWith("THD_") || name.startsWith("NSD_") || name.startsWith("NSR_") || name.contains("_h");
    }

    @Test
    void germanExportEqualsTheEnglishOne() throws Exception {
        Table en = TestData.read(mpt, "biologic/yadg_mb.issue_95.mpt");
        Table de = TestData.read(mpt, "biologic/yadg_mb.issue_95.de.mpt");
        assertEquals(33, de.rowCount());
        assertEquals(en.columns().stream().map(Column::name).toList(), de.columns().stream().map(Column::name).toList());
        for (Column c : en.columns()) {
            assertArrayEquals(c.values(), de.column(c.name()).values(), c.name());
        }
    }

    @Test
    void ecLab1150ModuleHeadersAreRead() throws Exception {
        Table ocv = TestData.read(mpr, "biologic/00_test_01_OCV_C01.mpr");
        Table mb = TestData.read(mpr, "biologic/00_test_02_MB_C01.mpr");
        assertEquals(TestData.expected("biologic/00_test_01_OCV_C01.mpr", "(\\d+) points"), ocv.rowCount());
        assertEquals(TestData.expected("biologic/00_test_02_MB_C01.mpr", "(\\d+) points"), mb.rowCount());
        assertTrue(mb.metadata().get("module.VMP data").startsWith("version 0/11"), mb.metadata().toString());
        assertEquals("MB", mb.metadata().get("technique"));
        assertTrue(ocv.metadata().get("module.VMP data").startsWith("version 0/11"), ocv.metadata().toString());
        double[] time = mb.column(CyclerColumns.TIME).values();
        for (int i = 1; i < time.length; i++) {
            assertTrue(time[i] > time[i - 1], "time increases: a misread layout would scramble it");
        }
        for (Column c : mb.columns()) {
            for (double x : c.values()) {
                assertTrue(Double.isFinite(x) && Math.abs(x) < 1e9, c.name() + " = " + x);
            }
        }
    }

    @Test
    void stepsCyclesAndTypesOfAGalvanostaticRun() throws Exception {
        Table t = TestData.read(mpt, "biologic/yadg_gcpl.pr_182.1.mpt");
        double[] type = t.column(CyclerColumns.STEP_TYPE).values();
        double[] current = t.column(CyclerColumns.CURRENT).values();
        int charge = 0;
        int discharge = 0;
        for (int i = 0; i < type.length; i++) {
            if (type[i] == StepType.CHARGE.code()) {
                charge++;
            } else if (type[i] == StepType.DISCHARGE.code()) {
                discharge++;
                assertTrue(current[i] <= 0, "discharge rows draw negative current");
            }
        }
        assertTrue(charge > 100 && discharge > 100, charge + " charge and " + discharge + " discharge rows");
        assertEquals(1, t.column(CyclerColumns.CYCLE).get(0), "cycles are 1-based");
        assertEquals("A", t.column(CyclerColumns.CURRENT).unit());
        assertEquals(-2.209246214410107E-4, current[5], 1e-15, "<I>/mA -> A");
    }

    @Test
    void moduloBatImpedanceStepsAreTyped() throws Exception {
        Table t = TestData.read(mpt, "biologic/yadg_mb.issue_223.mpt");
        double[] f = t.column(ImpedanceColumns.FREQUENCY).values();
        double[] type = t.column(CyclerColumns.STEP_TYPE).values();
        int eis = 0;
        for (int i = 0; i < f.length; i++) {
            if (f[i] > 0) {
                assertEquals(StepType.IMPEDANCE.code(), type[i]);
                eis++;
            }
        }
        assertTrue(eis > 0 && eis < f.length, eis + " EIS rows of " + f.length);
    }

    @Test
    void impedancePyBioLogicArrays() throws Exception {
        Table t = TestData.read(mpt, "biologic/impedancepy_exampleDataBioLogic.mpt");
        Map<String, double[]> expected = ExpectedArrays.impedancePy("biologic");
        assertEquals(DataKind.IMPEDANCE, t.kind());
        assertClose(expected.get("f_Hz"), t.column(ImpedanceColumns.FREQUENCY).values(), 1e-12, 0, "f");
        assertClose(expected.get("Z_re"), t.column(ImpedanceColumns.Z_REAL).values(), 1e-12, 0, "Z'");
        assertClose(expected.get("Z_im"), t.column(ImpedanceColumns.Z_IMAG).values(), 1e-12, 0, "Z''");
    }

    @Test
    void malformedExportWithoutFrequencyIsAnError() {
        // resolved outside assertThrows, so a missing ../shared skips the test instead of failing it
        TestData.file("biologic/impedancepy_exampleDataBioLogic_MissingFreq.mpt");
        ImportException e = assertThrows(ImportException.class,
                () -> TestData.read(mpt, "biologic/impedancepy_exampleDataBioLogic_MissingFreq.mpt"));
        assertTrue(e.getMessage().contains("line 62"), e.getMessage());
    }

    @Test
    void boukampTc1SpectrumMatchesItsCircuit() throws Exception {
        // pyimpspec's synthetic data: R0 + (R1 || C1) + (R2 || Warburg Y), Z_W = 1 / (Y sqrt(j w))
        Table t = TestData.read(mpt, "biologic/pyimpspec_data.mpt");
        double[] f = t.column(ImpedanceColumns.FREQUENCY).values();
        double[] re = t.column(ImpedanceColumns.Z_REAL).values();
        double[] im = t.column(ImpedanceColumns.Z_IMAG).values();
        assertEquals(TestData.expected("biologic/pyimpspec_data.mpt", "=> (\\d+) data rows") - 1, f.length,
                "29 points (the MANIFEST counts the 30th, empty line)");
        for (int i = 0; i < f.length; i++) {
            double w = 2 * Math.PI * f[i];
            // R1 || C1
            double d1 = 1 + Math.pow(w * 200 * 0.8e-6, 2);
            double re1 = 200 / d1;
            double im1 = -200 * w * 200 * 0.8e-6 / d1;
            // 1/R2 + Y sqrt(jw), sqrt(j) = (1 + j)/sqrt(2)
            double s = 4e-4 * Math.sqrt(w / 2);
            double yr = 1.0 / 500 + s;
            double yi = s;
            double m = yr * yr + yi * yi;
            double zr = 100 + re1 + yr / m;
            double zi = im1 - yi / m;
            assertEquals(zr, re[i], 1e-6 * Math.hypot(zr, zi), "Re Z at " + f[i] + " Hz");
            assertEquals(zi, im[i], 1e-6 * Math.hypot(zr, zi), "Im Z at " + f[i] + " Hz");
        }
    }

    @Test
    void severalSpectraInOneFileAreNumbered() throws Exception {
        Table t = TestData.read(mpt, "biologic/pyimpspec_case-multiple-spectra.mpt");
        double[] s = t.column(ImpedanceColumns.SPECTRUM).values();
        double[] f = t.column(ImpedanceColumns.FREQUENCY).values();
        assertEquals(1, s[0]);
        assertTrue(s[s.length - 1] > 1, "last spectrum " + s[s.length - 1]);
        for (int i = 1; i < s.length; i++) {
            if (s[i] != s[i - 1]) {
                assertTrue(f[i] > f[i - 1], "a new spectrum restarts the sweep at row " + i);
            }
        }
    }

    @Test
    void unknownColumnIdIsKeptRawWithAWarning() throws Exception {
        double[] time = { 0, 1, 2 };
        double[] ewe = { 3.5, 3.6, 3.7 };
        double[] raw = { 1.25, 2.5, 5 };
        byte[] bytes = MprWriter.write(false, 3, 0x0B, new MprWriter.Col(4, 8, time), new MprWriter.Col(6, 4, ewe),
                new MprWriter.Col(254, 4, raw));
        Path f = Files.write(dir.resolve("unknown.mpr"), bytes);
        assertEquals(Match.YES, mpr.matches(f));
        Table t = mpr.read(f, ImportSettings.DEFAULTS, Monitor.NONE);
        assertArrayEquals(ewe, t.column(CyclerColumns.VOLTAGE).values(), 1e-6);
        assertArrayEquals(raw, t.column("unknown_column_ID_254").values());
        assertTrue(t.metadata().get("warnings").contains("unknown column ID 254"), t.metadata().toString());
    }

    @Test
    void everyDataModuleLayoutAndFlagByte() throws Exception {
        double[] mode = { 1, 1, 3, 2 };
        double[] oxred = { 1, 0, 0, 1 };
        double[] nsChanges = { 0, 1, 0, 1 };
        double[] time = { 0, 10, 20, 30.5 };
        double[] ewe = { 3.25, 3.5, 3.75, 4.0 };
        double[] current = { 1.5, -1.5, 0, 2 };
        double[] ns = { 0, 1, 2, 3 };
        for (boolean newHeaders : new boolean[] { false, true }) {
            for (int version : new int[] { 0, 2, 3 }) {
                byte[] bytes = MprWriter.write(newHeaders, version, 0x04, new MprWriter.Col(1, 0, mode),
                        new MprWriter.Col(2, 0, oxred), new MprWriter.Col(31, 0, nsChanges),
                        new MprWriter.Col(131, 2, ns), new MprWriter.Col(4, 8, time), new MprWriter.Col(6, 4, ewe),
                        new MprWriter.Col(8, 4, current));
                Path f = Files.write(dir.resolve("v" + version + newHeaders + ".mpr"), bytes);
                Table t = mpr.read(f, ImportSettings.DEFAULTS, Monitor.NONE);
                String what = "version " + version + (newHeaders ? ", 11.50 headers" : "");
                assertArrayEquals(mode, t.column("mode").values(), what);
                assertArrayEquals(oxred, t.column("ox_red").values(), what);
                assertArrayEquals(nsChanges, t.column("Ns_changes").values(), what);
                assertArrayEquals(time, t.column(CyclerColumns.TIME).values(), what);
                assertArrayEquals(ewe, t.column(CyclerColumns.VOLTAGE).values(), what);
                assertArrayEquals(new double[] { 1.5e-3, -1.5e-3, 0, 2e-3 }, t.column(CyclerColumns.CURRENT).values(),
                        1e-12, what);
                assertArrayEquals(new double[] { 1, 2, 3, 4 }, t.column(CyclerColumns.STEP).values(), what);
                assertEquals("GCPL", t.metadata().get("technique"));
            }
        }
    }

    @Test
    void truncatedMprNamesTheByteAndReturnsNothing() throws Exception {
        byte[] whole = Files.readAllBytes(TestData.file("biologic/yadg_gcpl.pr_182.1.mpr"));
        for (int cut : new int[] { 30, 60, 100, whole.length / 2, whole.length - 1 }) {
            Path f = Files.write(dir.resolve("cut" + cut + ".mpr"), java.util.Arrays.copyOf(whole, cut));
            ImportException e = assertThrows(ImportException.class,
                    () -> mpr.read(f, ImportSettings.DEFAULTS, Monitor.NONE));
            assertTrue(e.position().startsWith("byte "), e.getMessage());
            assertFalse(e.reason().isEmpty());
        }
    }

    @Test
    void textRowsMixingFastAndGeneralParsing() throws Exception {
        // blank lines, a NaN cell, a 17-digit number and a missing final line end go through the general path
        String mptText = "EC-Lab ASCII FILE\r\nNb header lines : 4\r\n\r\ntime/s\tEwe/V\tI/mA\t\r\n"
                + "0,5\t3,25\t1,0\t\r\n\r\n1.5\t3.5\t1.0\t\r\n2.5\tNaN\t-1.0\t\r\n"
                + "3.5\t3.1234567890123456789\t-1.0\t\r\n\r\n4.5\t3.0\t0";
        Path f = Files.writeString(dir.resolve("mixed.mpt"), mptText);
        Table t = mpt.read(f, ImportSettings.DEFAULTS, Monitor.NONE);
        assertArrayEquals(new double[] { 0.5, 1.5, 2.5, 3.5, 4.5 }, t.column(CyclerColumns.TIME).values());
        assertArrayEquals(new double[] { 3.25, 3.5, Double.NaN, 3.1234567890123456789, 3.0 },
                t.column(CyclerColumns.VOLTAGE).values());
        assertArrayEquals(new double[] { 1e-3, 1e-3, -1e-3, -1e-3, 0 }, t.column(CyclerColumns.CURRENT).values());
        Path bad = Files.writeString(dir.resolve("bad.mpt"), mptText.replace("2.5\tNaN", "2.5\tx"));
        ImportException e = assertThrows(ImportException.class, () -> mpt.read(bad, ImportSettings.DEFAULTS,
                Monitor.NONE));
        assertEquals("line 8, column 'Ewe/V'", e.position());
        Path cut = Files.writeString(dir.resolve("cut.mpt"), mptText.substring(0, mptText.indexOf("3.5\t3.1") + 6));
        ImportException c = assertThrows(ImportException.class, () -> mpt.read(cut, ImportSettings.DEFAULTS,
                Monitor.NONE));
        assertEquals("line 9", c.position(), c.getMessage());
    }

    @Test
    void matching() throws Exception {
        assertEquals(Match.YES, mpr.matches(TestData.file("biologic/yadg_peis.mpr")));
        assertEquals(Match.NO, mpr.matches(TestData.file("biologic/yadg_peis.mpt")));
        assertEquals(Match.YES, mpt.matches(TestData.file("biologic/yadg_peis.mpt")));
        assertEquals(Match.NO, mpt.matches(TestData.file("biologic/yadg_peis.mpr")));
    }
}
