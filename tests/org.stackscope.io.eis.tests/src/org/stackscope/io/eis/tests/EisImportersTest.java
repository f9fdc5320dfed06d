package org.stackscope.io.eis.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.ImpedanceColumns;
import org.stackscope.core.model.Table;
import org.stackscope.io.eis.ChiImporter;
import org.stackscope.io.eis.DelimitedEisImporter;
import org.stackscope.io.eis.ParstatImporter;
import org.stackscope.io.eis.VersaStudioImporter;
import org.stackscope.io.eis.ZPlotImporter;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class EisImportersTest {

    private static final List<Importer<Table>> ALL = List.of(new ZPlotImporter(), new VersaStudioImporter(),
            new ParstatImporter(), new ChiImporter(), new DelimitedEisImporter());

    @TempDir
    Path dir;

    private static Path shared(String name) {
        String root = System.getProperty("stackscope.shared");
        assumeTrue(root != null, "stackscope.shared not set");
        Path p = Path.of(root, "testdata", "eis_generic", name);
        assumeTrue(Files.isRegularFile(p), p + " absent");
        return p;
    }

    /** Imports with the one importer that says YES, checking that no other claims the file. */
    private static Table importOnly(Path file, Class<?> expected) throws ImportException {
        Importer<Table> chosen = null;
        for (Importer<Table> i : ALL) {
            Match m = i.matches(file);
            if (m == Match.YES) {
                assertEquals(null, chosen, file + " claimed twice");
                chosen = i;
            }
        }
        assertTrue(chosen != null && chosen.getClass() == expected, file + " -> " + chosen);
        Table t = chosen.read(file, ImportSettings.DEFAULTS, Monitor.NONE);
        assertEquals(DataKind.IMPEDANCE, t.kind());
        return t;
    }

    private static double[] array(JsonObject o, String key) {
        JsonArray a = o.getAsJsonArray(key);
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsDouble();
        }
        return out;
    }

    /** numpy.allclose: |a - b| <= 1e-8 + 1e-5 |b|, as impedance.py's tests. */
    private static void assertAllClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Math.abs(actual[i] - expected[i]) <= 1e-8 + 1e-5 * Math.abs(expected[i]),
                    what + "[" + i + "]: " + actual[i] + " vs " + expected[i]);
        }
    }

    @Test
    void impedancePyExampleFilesGiveImpedancePysArrays() throws Exception {
        Path json = shared("impedancepy_expected_arrays.json");
        JsonObject all = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        Map<String, Class<?>> files = Map.of("zplot", ZPlotImporter.class, "zplot_noComments", ZPlotImporter.class,
                "autolab", ZPlotImporter.class, "parstat", ParstatImporter.class, "versastudio",
                VersaStudioImporter.class, "chinstruments", ChiImporter.class, "powersuite",
                DelimitedEisImporter.class, "None", DelimitedEisImporter.class);
        for (var e : files.entrySet()) {
            JsonObject expected = all.getAsJsonObject(e.getKey());
            Table t = importOnly(shared("impedancepy_" + expected.get("file").getAsString()), e.getValue());
            String what = e.getKey();
            assertAllClose(array(expected, "f_Hz"), t.column(ImpedanceColumns.FREQUENCY).values(), what + " f");
            assertAllClose(array(expected, "Z_re"), t.column(ImpedanceColumns.Z_REAL).values(), what + " Z'");
            assertAllClose(array(expected, "Z_im"), t.column(ImpedanceColumns.Z_IMAG).values(), what + " Z''");
        }
    }

    /** pyimpspec's Boukamp TC-1 spectrum: R 100 + (R 200 || C 0.8 uF) + (R 500 || W Y0 4e-4), 29 points. */
    private static double[][] boukampTc1() {
        double[][] z = new double[3][29];
        for (int i = 0; i < 29; i++) {
            double f = Math.pow(10, 4 - i / 7.0);
            double w = 2 * Math.PI * f;
            // R1 || C1
            double[] rc = parallel(200, 0, 0, -1 / (w * 0.8e-6));
            // W = 1 / (Y0 sqrt(j w)) = (1 - j) / (Y0 sqrt(2 w))
            double a = 1 / (4e-4 * Math.sqrt(2 * w));
            double[] rw = parallel(500, 0, a, -a);
            z[0][i] = f;
            z[1][i] = 100 + rc[0] + rw[0];
            z[2][i] = rc[1] + rw[1];
        }
        return z;
    }

    private static double[] parallel(double ar, double ai, double br, double bi) {
        double sr = ar + br, si = ai + bi;
        double pr = ar * br - ai * bi, pi = ar * bi + ai * br;
        double d = sr * sr + si * si;
        return new double[] { (pr * sr + pi * si) / d, (pi * sr - pr * si) / d };
    }

    @Test
    void pyimpspecCsvVariantsAllGiveTheControlSpectrum() throws Exception {
        double[][] control = boukampTc1();
        for (String variant : List.of("data-comma", "data-comma-decimal-separator", "data-semicolon", "data-tab",
                "data-space", "data-header-variant-1", "data-header-variant-2", "data-header-variant-3",
                "data-header-variant-4", "case-negative-real-imaginary")) {
            Table t = importOnly(shared("pyimpspec_" + variant + ".csv"), DelimitedEisImporter.class);
            assertEquals(29, t.rowCount(), variant);
            for (int c = 0; c < 3; c++) {
                double[] v = t.columns().get(c).values();
                for (int i = 0; i < 29; i++) {
                    // pyimpspec: atol 1e-8 against its control; variants 2 and 4 were written with 15 digits
                    double tol = 1e-8 + 1e-12 * Math.abs(control[c][i]);
                    assertEquals(control[c][i], v[i], tol, variant + " column " + c + " row " + i);
                }
            }
        }
        Table z = importOnly(shared("pyimpspec_data.z"), ZPlotImporter.class);
        assertEquals(29, z.rowCount());
        assertEquals(control[2][28], z.column(ImpedanceColumns.Z_IMAG).get(28), 1e-4);
    }

    @Test
    void multipleSpectraAreSplitWhereTheSweepRestarts() throws Exception {
        Table t = importOnly(shared("pyimpspec_case-multiple-spectra.csv"), DelimitedEisImporter.class);
        double[] spectrum = t.column(ImpedanceColumns.SPECTRUM).values();
        assertEquals(4 * 29, t.rowCount());
        double[][] control = boukampTc1();
        for (int i = 0; i < t.rowCount(); i++) {
            assertEquals(1 + i / 29, spectrum[i], "row " + i);
            assertEquals(control[1][i % 29], t.column(ImpedanceColumns.Z_REAL).get(i), 1e-1);
        }
        assertEquals("4", t.metadata().get("spectra"));
    }

    @Test
    void pyDrtToolsFilesWithAndWithoutHeader() throws Exception {
        Table withHeader = importOnly(shared("pydrt_1ZARC.csv"), DelimitedEisImporter.class);
        assertEquals(81, withHeader.rowCount());
        assertEquals(0.01, withHeader.column(ImpedanceColumns.FREQUENCY).get(0), 1e-15);
        assertEquals(0.5913301898954791, withHeader.column(ImpedanceColumns.Z_IMAG).get(0), 1e-15);
        Table bare = importOnly(shared("pydrt_zarc_data.txt"), DelimitedEisImporter.class);
        assertEquals(81, bare.rowCount());
        assertEquals(1e6, bare.column(ImpedanceColumns.FREQUENCY).get(0));
        assertEquals(-0.020948, bare.column(ImpedanceColumns.Z_IMAG).get(0));
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void theRegistryDetectsEachFormat() throws Exception {
        org.stackscope.core.registry.Registry registry = org.stackscope.core.registry.Registry.platform();
        Map<String, String> expected = Map.of("impedancepy_exampleDataZPlot.z", "zplot",
                "impedancepy_exampleDataAutolab.txt", "zplot", "impedancepy_exampleDataParstat.txt", "parstat-txt",
                "impedancepy_exampleDataVersaStudio.par", "versastudio-par", "impedancepy_exampleDataCHInstruments.txt",
                "chi-txt", "impedancepy_exampleData.csv", "eis-csv", "pyimpspec_data-semicolon.csv", "eis-csv",
                "impedancepy_exampleDataPowersuite.txt", "eis-csv");
        for (var e : expected.entrySet()) {
            assertEquals(e.getValue(), registry.detect(shared(e.getKey())).id(), e.getKey());
        }
    }

    @Test
    void badRowsAreReportedWithTheirLine() throws Exception {
        DelimitedEisImporter importer = new DelimitedEisImporter();
        ImportException negative = assertThrows(ImportException.class, () -> importer.read(
                write("neg.csv", "f,Z',Z''\n100,1,-1\n-10,2,-2\n"), ImportSettings.DEFAULTS, Monitor.NONE));
        assertEquals("line 3", negative.position());
        assertTrue(negative.reason().contains("not a positive number"), negative.getMessage());
        ImportException nan = assertThrows(ImportException.class, () -> importer.read(
                write("nan.csv", "f;Z';Z''\n100;1;-1\nNaN;2;-2\n"), ImportSettings.DEFAULTS, Monitor.NONE));
        assertEquals("line 3", nan.position());
        ImportException empty = assertThrows(ImportException.class, () -> importer.read(
                write("empty.csv", "f,Z',Z''\n"), ImportSettings.DEFAULTS, Monitor.NONE));
        assertTrue(empty.reason().contains("no numeric rows"));
        assertEquals(Match.NO, importer.matches(write("cycler.csv", "time_s,voltage_V\n0,3.7\n")));
    }

    @Test
    void decimalCommaWithSemicolonsAndPhaseInRadians() throws Exception {
        Table t = new DelimitedEisImporter().read(write("de.csv", "Frequency (Hz);x;|Z|;Phase (rad)\n1000,5;0;2,0;-1,5707963267948966\n"),
                ImportSettings.DEFAULTS, Monitor.NONE);
        assertEquals(1, t.rowCount());
        assertEquals(1000.5, t.column(ImpedanceColumns.FREQUENCY).get(0));
        assertEquals(0, t.column(ImpedanceColumns.Z_REAL).get(0), 1e-15);
        assertEquals(-2.0, t.column(ImpedanceColumns.Z_IMAG).get(0), 1e-15);
    }
}
