package org.stackscope.analysis.electrochem.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.analysis.electrochem.MetricVsPressure;
import org.stackscope.analysis.electrochem.MetricVsPressureSettings;
import org.stackscope.analysis.electrochem.PressureMetricCsvImporter;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.Table;

/** Capacity ratio against stack pressure, logarithmic as in the stack-pressure seed: y = 0.6 + 0.12·ln(p / MPa). */
class MetricVsPressureTest {

    static final double[] P = { 1, 2, 5, 10, 20, 40, 60 };
    static final double A = 0.6;
    static final double B = 0.12;

    static Table logLaw(SplittableRandom random, double sd) {
        double[] y = new double[P.length];
        for (int i = 0; i < P.length; i++) {
            y[i] = A + B * Math.log(P[i]) + sd * random.nextGaussian();
        }
        return Table.of(List.of(new Column(CyclerColumns.PRESSURE, "MPa", P.clone()),
                new Column("capacity_ratio", "", y)));
    }

    static Result run(Table t) throws AnalysisException {
        return new MetricVsPressure().run(CyclerBuilder.inputs(t), new MetricVsPressureSettings(), Monitor.NONE);
    }

    static double m(Result r, String name) {
        return r.metrics().get(name).value();
    }

    @Test
    void exactLawsAreRecoveredExactly() throws Exception {
        Result log = run(logLaw(new SplittableRandom(1), 0));
        assertEquals(A, m(log, "fit.log.a"), 1e-12);
        assertEquals(B, m(log, "fit.log.b"), 1e-12);
        assertEquals(1, m(log, "fit.log.r2"), 1e-12);
        assertTrue(log.notes().stream().anyMatch(n -> n.startsWith("lowest AICc: log")));
        double[] y = new double[P.length];
        for (int i = 0; i < P.length; i++) {
            y[i] = 2 * Math.pow(P[i], 0.5);
        }
        Result power = run(Table.of(List.of(new Column(CyclerColumns.PRESSURE, "MPa", P),
                new Column("x", "", y))));
        assertEquals(2, m(power, "fit.power.a"), 1e-12);
        assertEquals(0.5, m(power, "fit.power.b"), 1e-12);
        assertTrue(m(power, "fit.linear.r2") < 0.99);
    }

    @Test
    void noisyLogLawCoefficientsAndBandCoverTheTruth() throws Exception {
        Result r = run(logLaw(new SplittableRandom(42), 0.01));
        double a = m(r, "fit.log.a");
        double b = m(r, "fit.log.b");
        double seA = r.metrics().get("fit.log.a").uncertainty();
        double seB = r.metrics().get("fit.log.b").uncertainty();
        double t = 2.5706; // Student t, 5 degrees of freedom, 97.5 %
        assertTrue(Math.abs(a - A) < t * seA, a + " ± " + seA);
        assertTrue(Math.abs(b - B) < t * seB, b + " ± " + seB);
        assertTrue(seB < 0.01 && seB > 0.001, "standard error of b " + seB);
        Table fits = r.tables().get("fits");
        double[] p = fits.column(CyclerColumns.PRESSURE).values();
        for (int i = 0; i < p.length; i++) {
            double truth = A + B * Math.log(p[i]);
            assertTrue(fits.column("log_lower").get(i) <= truth && truth <= fits.column("log_upper").get(i),
                    "band at " + p[i] + " MPa");
        }
        assertEquals(100, p.length);
        assertEquals(1 + 3 * 3, r.figures().get(0).series().size());
    }

    @Test
    void bandCoverageIsNominal() throws Exception {
        // The 95 % band of the mean should contain the true curve at a given pressure in 95 % of repeated experiments.
        SplittableRandom random = new SplittableRandom(2026);
        int runs = 400;
        int covered = 0;
        for (int k = 0; k < runs; k++) {
            Table fits = run(logLaw(random, 0.02)).tables().get("fits");
            int i = 70; // 1 + 69·59/99 ≈ 42 MPa
            double truth = A + B * Math.log(fits.column(CyclerColumns.PRESSURE).get(i));
            if (fits.column("log_lower").get(i) <= truth && truth <= fits.column("log_upper").get(i)) {
                covered++;
            }
        }
        double coverage = (double) covered / runs;
        assertEquals(0.95, coverage, 0.035, "coverage " + coverage);
    }

    @Test
    void tooFewPointsIsAnError() {
        Table t = Table.of(List.of(new Column(CyclerColumns.PRESSURE, "MPa", new double[] { 1, 2, 3 }),
                new Column("y", "", new double[] { 1, 2, Double.POSITIVE_INFINITY })));
        assertThrows(AnalysisException.class, () -> run(t));
    }

    @Test
    void csvImporterReadsPressureTablesAndLeavesLogsAlone(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("shorts.csv");
        Files.writeString(table, "pressure_MPa [MPa],short.time_h [h]\n25,48\n20,190\n15,272\n10,474\n5,Infinity\n");
        Path log = dir.resolve("log.csv");
        Files.writeString(log, "time_s,pressure_MPa\n0,10\n1,10.1\n");
        PressureMetricCsvImporter importer = new PressureMetricCsvImporter();
        assertEquals(Match.YES, importer.matches(table));
        assertEquals(Match.NO, importer.matches(log));
        assertEquals(Match.NO, importer.matches(Files.writeString(dir.resolve("cycler.csv"),
                "Test Time (s),Voltage (V),Current (A),pressure_MPa\n0,3.7,0.001,10\n")));
        Table t = importer.read(table, ImportSettings.DEFAULTS, Monitor.NONE);
        assertEquals(DataKind.TABLE, t.kind());
        assertEquals("h", t.column("short.time_h").unit());
        assertEquals(Double.POSITIVE_INFINITY, t.column("short.time_h").get(4));
        Result r = run(t);
        assertEquals(4, m(r, "points"));
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "pressure_MPa,y\n1,2\n2,x\n");
        ImportException e = assertThrows(ImportException.class, () -> importer.read(bad, ImportSettings.DEFAULTS,
                Monitor.NONE));
        assertTrue(e.getMessage().contains("line 3, column 'y'"), e.getMessage());
    }
}
