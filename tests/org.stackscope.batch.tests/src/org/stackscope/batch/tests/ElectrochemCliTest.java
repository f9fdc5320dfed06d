package org.stackscope.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cycler and impedance files of other projects through the command line: every importer is the one detection
 * picks for its vendor's file (no generic CSV importer steals a vendor export), and the analyses run on them.
 */
class ElectrochemCliTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
            "biologic/yadg_gcpl.issue_149.mpr, biologic-mpr, cycler",
            "biologic/yadg_gcpl.issue_149.mpt, biologic-mpt, cycler",
            "biologic/yadg_peis.mpt, biologic-mpt, impedance",
            "gamry/impedancepy_exampleDataGamry.DTA, gamry-dta, impedance",
            "gamry/gamryparser_cv_data.dta, gamry-dta, cycler",
            "maccor/cellpy_maccor_001.txt, maccor-txt, cycler",
            "other_cyclers/beep_novonix_Form-CH01-01_short.csv, novonix-csv, cycler",
            "neware/TestFile.nda, neware-nda, cycler",
            "neware/navani_test.ndax, neware-ndax, cycler",
            "neware/cellpy_neware_uio.csv, neware-csv, cycler",
            "arbin/cellpy_20160805_test001_45_cc_01.res, arbin-res, cycler",
            "arbin/navani_arbin_graphite_Li_Channel_11.xlsx, arbin-xlsx, cycler",
            "arbin/beep_arbin_FastCharge_000025_CH8.csv, arbin-csv, cycler",
            "eis_generic/impedancepy_exampleData.csv, eis-csv, impedance",
            "eis_generic/impedancepy_Circuit1_EIS_1.z, zplot, impedance",
            "eis_generic/impedancepy_exampleDataParstat.txt, parstat-txt, impedance",
            "eis_generic/impedancepy_exampleDataVersaStudio.par, versastudio-par, impedance",
            "eis_generic/impedancepy_exampleDataCHInstruments.txt, chi-txt, impedance" })
    void detectionPicksTheVendorImporter(String file, String format, String kind) {
        CliRun run = CliRun.of("inspect", TestFiles.sharedTestData(file).toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(format, run.json().get("format"), file);
        assertEquals(kind, run.json().get("kind"), file);
        assertTrue(((Number) run.json().get("rows")).longValue() > 0, file);
    }

    @Test
    void eisFitOfImpedancePyExampleGivesItsResistance() throws Exception {
        Path csv = TestFiles.sharedTestData("eis_generic/impedancepy_exampleData.csv");
        CliRun run = CliRun.of("analyze", "eis-fit", csv.toString(), "--set", "circuit=R0-p(R1,C1)-p(R2-Wo1,C2)",
                "--set", "onlyCapacitive=true", "--set", "weighting=UNIT", "--out", tmp.resolve("fit").toString());
        assertEquals(0, run.exitCode(), run.toString());
        // impedance.py (unweighted least squares) reports R0 = 1.65e-2 Ω for this spectrum and circuit
        assertEquals(1.65e-2, run.metric("eis.R0.value"), 0.01e-2);
        assertTrue(Files.isRegularFile(tmp.resolve("fit/nyquist.svg")), "the Nyquist figure");
    }

    @Test
    void cyclingSummaryOfAnEcLabBinaryFile() {
        Path mpr = TestFiles.sharedTestData("biologic/yadg_gcpl.pr_182.1.mpr");
        CliRun run = CliRun.of("analyze", "cycling-summary", mpr.toString(), "--set", "electrode=CATHODE");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.metric("cycles") >= 1, run.out());
        double ce = run.metric("ce.first");
        assertTrue(ce > 50 && ce < 120, "a Coulombic efficiency in %: " + ce);
    }

    @Test
    void aTruncatedMprIsAnInputErrorNamingTheFile() throws Exception {
        Path mpr = TestFiles.sharedTestData("biologic/yadg_gcpl.pr_182.1.mpr");
        byte[] bytes = Files.readAllBytes(mpr);
        Path cut = Files.write(tmp.resolve("cut.mpr"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CliRun run = CliRun.of("analyze", "cycling-summary", cut.toString(), "--set", "electrode=CATHODE", "--out",
                tmp.resolve("never").toString());
        assertEquals(3, run.exitCode(), run.toString());
        assertEquals(1, run.errLines(), run.err());
        assertTrue(run.err().contains("cut.mpr"), run.err());
        assertTrue(!Files.exists(tmp.resolve("never")), "nothing written");
    }

    @Test
    void exportWritesBatteryDataFormatCsv() throws Exception {
        Path nda = TestFiles.sharedTestData("neware/TestFile.nda");
        Path csv = tmp.resolve("out/testfile.csv");
        CliRun run = CliRun.of("export", nda.toString(), csv.toString());
        assertEquals(0, run.exitCode(), run.toString());
        java.util.List<String> lines = Files.readAllLines(csv);
        assertEquals(((Number) run.json().get("rows")).intValue() + 1, lines.size());
        assertTrue(lines.get(0).startsWith("Test Time / s,") || lines.get(0).contains("Voltage / V"), lines.get(0));
        assertTrue(lines.get(0).contains("Current / A") && lines.get(0).contains("Cycle Count / 1"), lines.get(0));

        CliRun volume = CliRun.of("export", TestFiles.exampleStudy().resolve("composite.tif").toString(),
                tmp.resolve("v.csv").toString());
        assertEquals(3, volume.exitCode(), volume.toString());
        assertTrue(!Files.exists(tmp.resolve("v.csv")));
    }
}
