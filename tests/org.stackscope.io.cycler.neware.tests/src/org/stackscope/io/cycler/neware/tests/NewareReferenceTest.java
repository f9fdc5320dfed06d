package org.stackscope.io.cycler.neware.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Match;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.CyclerColumns.StepType;
import org.stackscope.core.model.Table;
import org.stackscope.io.cycler.neware.NewareNdaImporter;
import org.stackscope.io.cycler.neware.NewareNdaxImporter;

/**
 * Every .nda/.ndax in the shared test data against NewareNDA's own expected output (the .ftr next to it, read with
 * the test's Feather reader): the same records in the same order, step and cycle numbers exactly, and every
 * measured quantity to the float32 precision the reference is stored in.
 */
class NewareReferenceTest {

    /** NewareNDA stores float32: allow a few units in the last place. */
    private static final double FLOAT_RELATIVE = 5e-7;

    static Path neware() {
        String shared = System.getProperty("stackscope.shared");
        return shared == null ? null : Path.of(shared, "testdata", "neware");
    }

    static Stream<Arguments> referenceFiles() throws Exception {
        Path dir = neware();
        if (dir == null || !Files.isDirectory(dir)) {
            return Stream.of(Arguments.of((Object) null));
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".nda") || p.toString().endsWith(".ndax"))
                    .filter(p -> Files.exists(reference(p))).sorted().map(Arguments::of).toList().stream();
        }
    }

    static Path reference(Path file) {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".ftr");
    }

    static Importer<Table> importerFor(Path file) {
        return file.toString().endsWith(".nda") ? new NewareNdaImporter() : new NewareNdaxImporter();
    }

    @ParameterizedTest
    @MethodSource("referenceFiles")
    void matchesNewareNdaExpectedOutput(Path file) throws Exception {
        assumeTrue(file != null, "shared test data absent");
        Importer<Table> importer = importerFor(file);
        assertEquals(Match.YES, importer.matches(file));
        Table t = importer.read(file, ImportSettings.DEFAULTS, Monitor.NONE);
        Feather ref = Feather.read(reference(file));
        assertEquals(DataKind.CYCLER, t.kind());
        assertEquals(ref.rows, t.rowCount(), "rows");

        assertExact(ref.numbers.get("Index"), t, "neware_record_index");
        assertExact(ref.numbers.get("Step"), t, CyclerColumns.STEP);
        assertExact(ref.numbers.get("Step_Index"), t, "neware_step_number");
        // NewareNDA's software cycle ("charge first") is the Stackscope cycle convention
        assertExact(ref.numbers.get("Cycle"), t, CyclerColumns.CYCLE);

        double worst = 0;
        worst = Math.max(worst, assertFloat(ref.numbers.get("Time"), t, "step_time_s", 1));
        worst = Math.max(worst, assertFloat(ref.numbers.get("Voltage"), t, CyclerColumns.VOLTAGE, 1));
        worst = Math.max(worst, assertFloat(ref.numbers.get("Current(mA)"), t, CyclerColumns.CURRENT, 1e3));
        worst = Math.max(worst, assertFloat(ref.numbers.get("Charge_Capacity(mAh)"), t,
                CyclerColumns.CHARGE_CAPACITY, 1e3));
        worst = Math.max(worst, assertFloat(ref.numbers.get("Discharge_Capacity(mAh)"), t,
                CyclerColumns.DISCHARGE_CAPACITY, 1e3));
        worst = Math.max(worst, assertFloat(ref.numbers.get("Charge_Energy(mWh)"), t, CyclerColumns.CHARGE_ENERGY,
                1e3));
        worst = Math.max(worst, assertFloat(ref.numbers.get("Discharge_Energy(mWh)"), t,
                CyclerColumns.DISCHARGE_ENERGY, 1e3));

        // Timestamp: NewareNDA keeps wall clocks naive; we read them as UTC (the default timeZone)
        double[] stamp = ref.numbers.get("Timestamp");
        double[] ours = t.column(CyclerColumns.TIMESTAMP).values();
        double worstClock = 0;
        for (int i = 0; i < stamp.length; i++) {
            worstClock = Math.max(worstClock, Math.abs(stamp[i] - ours[i]));
        }
        assertTrue(worstClock < 1e-3, "timestamp off by " + worstClock + " s");

        int auxCompared = 0;
        for (Map.Entry<String, double[]> e : ref.numbers.entrySet()) {
            String name = e.getKey();
            if (!name.matches("[TVtH]\\d+") || java.util.Arrays.stream(e.getValue()).allMatch(Double::isNaN)) {
                continue;
            }
            String unit = switch (name.charAt(0)) {
                case 'V' -> "V";
                case 'H' -> "percent";
                default -> "degC";
            };
            worst = Math.max(worst, assertFloat(e.getValue(), t, "aux_" + name + "_" + unit, 1));
            auxCompared++;
        }

        String[] status = ref.strings.get("Status");
        double[] type = t.column(CyclerColumns.STEP_TYPE).values();
        for (int i = 0; i < status.length; i++) {
            StepType expected = status[i].endsWith("DChg") ? StepType.DISCHARGE
                    : status[i].endsWith("Chg") ? StepType.CHARGE
                            : status[i].equals("Rest") ? StepType.REST : StepType.OTHER;
            assertEquals(expected.code(), type[i], "step type of row " + i + " (" + status[i] + ")");
        }
        System.out.printf("%s: %d rows, %d aux columns, worst relative deviation %.2e, clock %.1e s%n",
                file.getFileName(), t.rowCount(), auxCompared, worst, worstClock);
    }

    private static void assertExact(double[] expected, Table t, String column) {
        double[] actual = t.column(column).values();
        int mismatches = 0;
        for (int i = 0; i < expected.length; i++) {
            mismatches += expected[i] == actual[i] ? 0 : 1;
        }
        assertEquals(0, mismatches, column + " differs in " + mismatches + " rows");
    }

    /** Largest relative deviation, asserted below float32 resolution; {@code scale} converts ours to vendor units. */
    private static double assertFloat(double[] expected, Table t, String column, double scale) {
        double[] actual = t.column(column).values();
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i] * scale;
            if (Double.isNaN(e) && Double.isNaN(a)) {
                continue;
            }
            double deviation = Math.abs(a - e) / Math.max(Math.abs(e), 1e-30);
            if (Math.abs(a - e) > FLOAT_RELATIVE * Math.abs(e) + 1e-9) {
                throw new AssertionError(column + " row " + i + ": " + a + " vs NewareNDA " + e);
            }
            worst = Math.max(worst, Math.abs(a - e) <= 1e-9 ? 0 : deviation);
        }
        return worst;
    }

    static List<Path> testFiles() throws Exception {
        Path dir = neware();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> !p.toString().endsWith(".ftr")).sorted().toList();
        }
    }
}
