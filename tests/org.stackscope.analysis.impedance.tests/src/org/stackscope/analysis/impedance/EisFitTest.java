package org.stackscope.analysis.impedance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Table;

class EisFitTest {

    static Path shared(String name) {
        String root = System.getProperty("stackscope.shared");
        assumeTrue(root != null, "stackscope.shared not set");
        Path p = Path.of(root, "testdata", "eis_generic", name);
        assumeTrue(Files.isRegularFile(p), p + " absent");
        return p;
    }

    /** impedance.py's readCSV: f, Z', Z'' without header. */
    static Spectrum readCsv(Path file) throws Exception {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                String[] c = line.split(",");
                rows.add(new double[] { Double.parseDouble(c[0]), Double.parseDouble(c[1]), Double.parseDouble(c[2]) });
            }
        }
        double[][] t = new double[3][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < 3; c++) {
                t[c][i] = rows.get(i)[c];
            }
        }
        return new Spectrum(file.getFileName().toString(), 1, t[0], t[1], t[2]);
    }

    static Inputs inputs(Table... tables) {
        List<Inputs.Input> in = new ArrayList<>();
        for (Table t : tables) {
            in.add(new Inputs.Input(Path.of("synthetic.csv"), "", "eis-csv", t));
        }
        return new Inputs(in);
    }

    static void assertRelative(double expected, double actual, double tolerance, String what) {
        assertTrue(Math.abs(actual - expected) <= tolerance * Math.abs(expected),
                what + ": " + actual + " vs " + expected + " (relative " + (actual - expected) / expected + ")");
    }

    private static EisFitSettings settings(String circuit) {
        EisFitSettings s = new EisFitSettings();
        s.circuit = circuit;
        s.threads = 1;
        return s;
    }

    @Test
    void boukampTc1NoiseFreeRecoversEveryParameter() throws Exception {
        // pyimpspec's TC-1: R 100 + (R 200 || C 0.8 uF) + (R 500 || W), W = 1/(4e-4 sqrt(jw)) -> A = 1/(4e-4 sqrt 2)
        double[] truth = { 100, 200, 0.8e-6, 500, 1 / (4e-4 * Math.sqrt(2)) };
        Spectrum s = Synthetic.spectrum("R0-p(R1,C1)-p(R2,W1)", truth, 1e4, 1, 29, 0, 0);
        for (CircuitFitter.Weighting weighting : CircuitFitter.Weighting.values()) {
            EisFitSettings set = settings("R0-p(R1,C1)-p(R2,W1)");
            set.weighting = weighting;
            CircuitFitter.Fit fit = EisFit.fitAll(List.of(s), set, Monitor.NONE).fits().get(0);
            for (int i = 0; i < truth.length; i++) {
                assertRelative(truth[i], fit.parameters()[i], 1e-6, weighting + " parameter " + i);
            }
        }
        // the same from pyimpspec's file of this spectrum, read by the CSV importer's rules
        Spectrum file = readCsvWithHeader(shared("pyimpspec_data-comma.csv"));
        CircuitFitter.Fit fit = EisFit.fitAll(List.of(file), settings("R0-p(R1,C1)-p(R2,W1)"), Monitor.NONE).fits()
                .get(0);
        for (int i = 0; i < truth.length; i++) {
            assertRelative(truth[i], fit.parameters()[i], 1e-6, "pyimpspec TC-1 parameter " + i);
        }
    }

    private static Spectrum readCsvWithHeader(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        Path tmp = Files.createTempFile("tc1", ".csv");
        Files.write(tmp, lines.subList(1, lines.size()));
        try {
            return readCsv(tmp);
        } finally {
            Files.delete(tmp);
        }
    }

    @Test
    void threeCpePlusWarburgNoiseFreeAndNoisy() throws Exception {
        String circuit = "R0-p(R1,CPE1)-p(R2,CPE2)-p(R3,CPE3)-Wo1";
        // high/mid/low-frequency arcs of a solid-state cell: 954 ohm mid-frequency as in the seed paper
        double[] truth = { 20, 150, 1e-7, 0.9, 954, 5e-6, 0.8, 300, 1e-2, 0.85, 400, 50 };
        Spectrum clean = Synthetic.spectrum(circuit, truth, 1e6, 1e-3, 61, 0, 0);
        EisFitSettings set = settings(circuit);
        CircuitFitter.Fit fit = EisFit.fitAll(List.of(clean), set, Monitor.NONE).fits().get(0);
        for (int i = 0; i < truth.length; i++) {
            assertRelative(truth[i], fit.parameters()[i], 1e-6, "noise-free " + i);
        }
        // 0.5 % proportional noise, 10 realisations: about 95 % of estimates within 2 sigma, none beyond 4 sigma
        int within = 0, total = 0;
        for (long seed = 1; seed <= 10; seed++) {
            Spectrum noisy = Synthetic.spectrum(circuit, truth, 1e6, 1e-3, 61, 0.005, seed);
            CircuitFitter.Fit f = EisFit.fitAll(List.of(noisy), set, Monitor.NONE).fits().get(0);
            for (int i = 0; i < truth.length; i++) {
                double z = Math.abs(f.parameters()[i] - truth[i]) / f.standardErrors()[i];
                assertTrue(z < 4, "seed " + seed + " parameter " + i + " off by " + z + " sigma");
                within += z <= 2 ? 1 : 0;
                total++;
            }
        }
        assertTrue(within >= 0.9 * total, within + " of " + total + " within 2 sigma");
    }

    @Test
    void impedancePyExampleDataAsImpedancePyReports() throws Exception {
        Spectrum data = readCsv(shared("impedancepy_exampleData.csv"));
        // impedance.py: initial guess [.01,.01,100,.01,.05,100,1] on ignoreBelowX data, unweighted
        EisFitSettings set = settings("R0-p(R1,C1)-p(R2-Wo1,C2)");
        set.initial = ".01,.01,100,.01,.05,100,1";
        set.onlyCapacitive = true;
        set.weighting = CircuitFitter.Weighting.UNIT;
        set.starts = 1;
        CircuitFitter.Fit fit = EisFit.fitAll(List.of(data), set, Monitor.NONE).fits().get(0);
        // impedance.py (rtol 1e-2): unbounded lm gives Wo1_1 = 233, its bounded fit 238; ours is bounded (>= 0)
        double[] expected = { 1.65e-2, 8.68e-3, 3.32, 5.39e-3, 6.31e-2, 2.38e2, 2.20e-1 };
        for (int i = 0; i < expected.length; i++) {
            assertRelative(expected[i], fit.parameters()[i], 1e-2, "impedance.py parameter " + i);
        }
        // and no worse than impedance.py's unbounded optimum on the same points
        Spectrum fitted = data.filtered(0, Double.POSITIVE_INFINITY, true);
        double[] theirs = { 1.65e-2, 8.68e-3, 3.32, 5.39e-3, 6.31e-2, 2.33e2, 2.20e-1 };
        double[] zr = new double[fitted.size()], zi = new double[fitted.size()];
        Circuit.parse(set.circuit).evaluate(fitted.omega(), theirs, zr, zi, null, null);
        double chiTheirs = 0;
        for (int k = 0; k < fitted.size(); k++) {
            chiTheirs += Math.pow(zr[k] - fitted.re()[k], 2) + Math.pow(zi[k] - fitted.im()[k], 2);
        }
        assertTrue(fit.chiSquare() <= chiTheirs, fit.chiSquare() + " vs impedance.py's " + chiTheirs);
        // Randles circuit and its prediction at 10 Hz
        EisFitSettings randles = settings("R0-p(R1-Wo1,C1)");
        randles.initial = "R0=0.01,R1=0.005,Wo1_0=0.001,Wo1_1=200,C1=0.1";
        randles.onlyCapacitive = true;
        randles.weighting = CircuitFitter.Weighting.UNIT;
        randles.starts = 1; // a local fit from impedance.py's guess [.01, .005, .001, 200, .1], as its test does
        CircuitFitter.Fit r = EisFit.fitAll(List.of(data), randles, Monitor.NONE).fits().get(0);
        // impedance.py's Randles fit, to the 4-5 digits its test prints
        double[] expectedRandles = { 1.862e-2, 1.168e-2, 6.271e-2, 2.212e2, 1.1717 };
        for (int i = 0; i < expectedRandles.length; i++) {
            assertRelative(expectedRandles[i], r.parameters()[i], 5e-4, "Randles parameter " + i);
        }
        double[] rz = new double[fitted.size()], iz = new double[fitted.size()];
        Circuit.parse(randles.circuit).evaluate(fitted.omega(), expectedRandles, rz, iz, null, null);
        double chiRandles = 0;
        for (int k = 0; k < fitted.size(); k++) {
            chiRandles += Math.pow(rz[k] - fitted.re()[k], 2) + Math.pow(iz[k] - fitted.im()[k], 2);
        }
        assertTrue(r.chiSquare() <= chiRandles, r.chiSquare() + " vs impedance.py's " + chiRandles);
        zr = new double[1];
        zi = new double[1];
        Circuit.parse("R0-p(R1-Wo1,C1)").evaluate(new double[] { 2 * Math.PI * 10 }, r.parameters(), zr, zi, null, null);
        assertEquals(0.0251618, zr[0], 1e-7);
        assertEquals(-0.00601304, zi[0], 1e-8);
    }

    @Test
    void automaticGuessAndMultiStartNeedNoInitialValues() throws Exception {
        Spectrum data = readCsv(shared("impedancepy_exampleData.csv"));
        EisFitSettings set = settings("R0-p(R1,C1)-p(R2-Wo1,C2)");
        set.onlyCapacitive = true;
        set.weighting = CircuitFitter.Weighting.UNIT;
        set.starts = 20;
        CircuitFitter.Fit fit = EisFit.fitAll(List.of(data), set, Monitor.NONE).fits().get(0);
        // at least as good as impedance.py's local fit from its hand-made guess; R0 is well determined
        EisFitSettings guided = settings("R0-p(R1,C1)-p(R2-Wo1,C2)");
        guided.initial = ".01,.01,100,.01,.05,100,1";
        guided.onlyCapacitive = true;
        guided.weighting = CircuitFitter.Weighting.UNIT;
        guided.starts = 1;
        CircuitFitter.Fit reference = EisFit.fitAll(List.of(data), guided, Monitor.NONE).fits().get(0);
        assertTrue(fit.chiSquare() <= reference.chiSquare() * (1 + 1e-6), fit.chiSquare() + " vs " + reference.chiSquare());
        assertRelative(1.65e-2, fit.parameters()[0], 2e-2, "R0");
    }

    @Test
    void seriesAreFittedInOrderAndIdenticallyForAnyThreadCount() throws Exception {
        String circuit = "R0-p(R1,CPE1)-p(R2,CPE2)";
        List<Table> tables = new ArrayList<>();
        for (int cycle = 0; cycle < 4; cycle++) {
            double r2 = 954 * Math.pow(3283.0 / 954, cycle / 3.0);
            tables.add(Synthetic.table(Synthetic.spectrum(circuit, new double[] { 20, 150, 1e-7, 0.9, r2, 5e-6, 0.8 },
                    1e6, 1e-1, 50, 0.002, cycle)));
        }
        EisFitSettings one = settings(circuit);
        Result a = new EisFit().run(inputs(tables.toArray(Table[]::new)), one, Monitor.NONE);
        EisFitSettings four = settings(circuit);
        four.threads = 4;
        Result b = new EisFit().run(inputs(tables.toArray(Table[]::new)), four, Monitor.NONE);
        double[] r2a = a.tables().get("parameters").column("R2").values();
        assertEquals(4, r2a.length);
        assertRelative(954, r2a[0], 0.02, "first cycle R_MF");
        assertRelative(3283, r2a[3], 0.02, "last cycle R_MF");
        for (String col : List.of("R0", "R1", "R2", "CPE2_1", "chi_square")) {
            double[] x = a.tables().get("parameters").column(col).values(), y = b.tables().get("parameters").column(col).values();
            for (int i = 0; i < x.length; i++) {
                assertEquals(x[i], y[i], 0.0, col + " row " + i + " differs between 1 and 4 threads");
            }
        }
    }

    @Test
    void settingsComeFromCommandLineText() throws Exception {
        for (Class<?> type : List.of(EisFitSettings.class, KramersKronigSettings.class, DrtSettings.class,
                ConductivitySettings.class, GittSettings.class)) {
            Object defaults = org.stackscope.core.settings.SettingsSupport.newDefaults(type);
            org.stackscope.core.settings.SettingsSupport.validate(defaults);
            assertTrue(!org.stackscope.core.settings.SettingsSupport.toMap(defaults).isEmpty(), type.getName());
        }
        EisFitSettings s = new EisFitSettings();
        org.stackscope.core.settings.SettingsSupport.set(s, "circuit", "R0-p(R1,CPE1)-Wo1");
        org.stackscope.core.settings.SettingsSupport.set(s, "weighting", "proportional");
        org.stackscope.core.settings.SettingsSupport.set(s, "fixed", "CPE1_1=0.9");
        assertEquals(CircuitFitter.Weighting.PROPORTIONAL, s.weighting);
        new EisFit().configure(new InputSpec(List.of(org.stackscope.core.api.DataKind.IMPEDANCE)), s);
        DrtSettings d = new DrtSettings();
        org.stackscope.core.settings.SettingsSupport.set(d, "lambdaSelection", "L_CURVE");
        assertEquals(DrtSettings.LambdaSelection.L_CURVE, d.lambdaSelection);
    }

    @Test
    void everyAnalysisIsContributed() {
        org.stackscope.core.registry.Registry registry = org.stackscope.core.registry.Registry.platform();
        for (String id : List.of("eis-fit", "kramers-kronig", "drt", "conductivity", "gitt")) {
            assertTrue(registry.analysis(id).isPresent(), id + " not registered; problems: " + registry.problems());
        }
        assertTrue(registry.problems().stream().noneMatch(p -> p.contains("impedance")), registry.problems().toString());
    }

    @Test
    void badInputIsRejectedClearly() throws Exception {
        EisFit fit = new EisFit();
        InvalidSettingsException syntax = assertThrows(InvalidSettingsException.class,
                () -> fit.configure(new InputSpec(List.of(org.stackscope.core.api.DataKind.IMPEDANCE)),
                        settings("R0-p(R1,C1")));
        assertTrue(syntax.getMessage().contains("position 11"), syntax.getMessage());
        EisFitSettings unknown = settings("R0-p(R1,C1)");
        unknown.fixed = "R7=3";
        assertThrows(InvalidSettingsException.class,
                () -> fit.configure(new InputSpec(List.of(org.stackscope.core.api.DataKind.IMPEDANCE)), unknown));
        Spectrum tiny = Synthetic.spectrum("R0-p(R1,C1)", new double[] { 1, 2, 3 }, 10, 1, 2, 0, 0);
        AnalysisException tooMany = assertThrows(AnalysisException.class, () -> fit.run(inputs(Synthetic.table(tiny)),
                settings("R0-p(R1,CPE1)-p(R2,C2)"), Monitor.NONE));
        assertTrue(tooMany.getMessage().contains("free parameters"), tooMany.getMessage());
        Spectrum dup = new Spectrum("d", 1, new double[] { 10, 5, 5 }, new double[] { 1, 2, 3 }, new double[] { -1, -1, -1 });
        AnalysisException duplicate = assertThrows(AnalysisException.class,
                () -> fit.run(inputs(Synthetic.table(dup)), settings("R0"), Monitor.NONE));
        assertTrue(duplicate.getMessage().contains("rows 2 and 3"), duplicate.getMessage());
        Spectrum neg = new Spectrum("n", 1, new double[] { 10, -5 }, new double[] { 1, 2 }, new double[] { -1, -1 });
        assertThrows(AnalysisException.class, () -> fit.run(inputs(Synthetic.table(neg)), settings("R0"), Monitor.NONE));
    }
}
