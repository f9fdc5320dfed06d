package org.stackscope.analysis.electrochem.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.stackscope.analysis.electrochem.CyclingSummary;
import org.stackscope.analysis.electrochem.CyclingSummarySettings;
import org.stackscope.analysis.electrochem.Electrode;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.Table;

/**
 * A real multi-cycle GCPL run (yadg's test file gcpl.pr_182.1.mpt, EC-Lab text export, 2533 rows): our capacities,
 * integrated from time and mean current only, against EC-Lab's own per-half-cycle "Q charge" and "Q discharge"
 * counters and its "Efficiency/%" (discharge after charge, the cathode convention). The file is read here with a
 * minimal tab parser for the few columns needed; the BioLogic importer is a separate bundle.
 */
class EcLabCyclingTest {

    @Test
    void capacitiesAndEfficiencyMatchEcLabsOwnCounters() throws Exception {
        String shared = System.getProperty("stackscope.shared");
        Path file = shared == null ? null : Path.of(shared, "testdata", "biologic", "yadg_gcpl.pr_182.1.mpt");
        Assumptions.assumeTrue(file != null && Files.isRegularFile(file), "shared test data not present");
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        int headerLines = Integer.parseInt(lines.get(1).replaceAll("\\D", ""));
        List<String> names = Arrays.asList(lines.get(headerLines - 1).split("\t"));
        int n = lines.size() - headerLines;
        double[][] col = new double[7][n];
        String[] wanted = { "time/s", "Ewe/V", "<I>/mA", "half cycle", "Q charge/mA.h", "Q discharge/mA.h",
                "Efficiency/%" };
        for (int r = 0; r < n; r++) {
            String[] cells = lines.get(headerLines + r).split("\t");
            for (int c = 0; c < wanted.length; c++) {
                col[c][r] = Double.parseDouble(cells[names.indexOf(wanted[c])]);
            }
        }
        Table records = new Table(DataKind.CYCLER, List.of(new Column(CyclerColumns.TIME, "s", col[0]),
                new Column(CyclerColumns.VOLTAGE, "V", col[1]),
                new Column(CyclerColumns.CURRENT, "A", Arrays.stream(col[2]).map(i -> i / 1000).toArray())),
                Map.of());
        // EC-Lab's values at the last row of each half-cycle, in order.
        List<double[]> ecLabHalves = new ArrayList<>(); // {charge mAh, discharge mAh, efficiency %}
        for (int r = 0; r < n; r++) {
            if (r == n - 1 || col[3][r + 1] != col[3][r]) {
                ecLabHalves.add(new double[] { col[4][r], col[5][r], col[6][r] });
            }
        }
        CyclingSummarySettings s = new CyclingSummarySettings();
        s.electrode = Electrode.CATHODE;
        Result result = new CyclingSummary().run(CyclerBuilder.inputs(records), s, Monitor.NONE);
        Table cycles = result.tables().get("cycles");
        // The run starts with a discharge (not part of a cathode cycle); then charge/discharge pairs.
        int first = 0;
        while (ecLabHalves.get(first)[0] == 0) {
            first++;
        }
        int compared = 0;
        for (int k = 0; k < cycles.rowCount() && first + 2 * k + 1 < ecLabHalves.size(); k++) {
            double[] charge = ecLabHalves.get(first + 2 * k);
            double[] discharge = ecLabHalves.get(first + 2 * k + 1);
            assertEquals(charge[0], 1000 * cycles.column("charge_capacity_Ah").get(k), 1e-3 * charge[0]);
            assertEquals(discharge[1], 1000 * cycles.column("discharge_capacity_Ah").get(k), 1e-3 * discharge[1]);
            assertEquals(discharge[2], cycles.column("coulombic_efficiency").get(k), 0.1, "cycle " + (k + 1));
            compared++;
        }
        assertTrue(compared >= 3, "compared " + compared + " cycles");
        assertTrue(result.notes().stream().anyMatch(m -> m.contains("starts with a discharge")));
    }
}
