package org.stackscope.analysis.electrochem.tests;

import org.stackscope.analysis.electrochem.CyclingSummary;
import org.stackscope.analysis.electrochem.CyclingSummarySettings;
import org.stackscope.analysis.electrochem.Electrode;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Steps;
import org.stackscope.core.model.Table;

/**
 * Benchmark (not a unit test): cycling-summary on a 1,000,000-row cycler table (250 cycles of 2000 charge and 2000
 * discharge rows), once with step/cycle columns derived by the analysis and once with them given by the importer.
 * Prints the best of five runs. Run its main method with the test fragment on the class path.
 */
public final class CyclingSummaryBench {

    public static void main(String[] args) throws Exception {
        CyclerBuilder b = new CyclerBuilder();
        for (int c = 0; c < 250; c++) {
            double q = 1e-3 * (1 - 0.001 * c);
            b.segment(1e-3, q / 1e-3 * 3600, q / 1e-3 * 3600 / 1999.0, f -> 3.6 + 0.6 * f);
            b.segment(-1e-3, 0.99 * q / 1e-3 * 3600, 0.99 * q / 1e-3 * 3600 / 1999.0, f -> 4.1 - 0.6 * f);
        }
        Table raw = b.table();
        Table withSteps = Steps.withSteps(raw);
        CyclingSummarySettings s = new CyclingSummarySettings();
        s.electrode = Electrode.CATHODE;
        s.activeMass_mg = 10;
        for (Table t : new Table[] { raw, withSteps }) {
            Inputs inputs = CyclerBuilder.inputs(t);
            double best = Double.MAX_VALUE;
            Result r = null;
            for (int run = 0; run < 5; run++) {
                long start = System.nanoTime();
                r = new CyclingSummary().run(inputs, s, Monitor.NONE);
                best = Math.min(best, (System.nanoTime() - start) / 1e6);
            }
            System.out.printf("cycling-summary %,d rows, %s: %.1f ms (%.1f Mrows/s), %d cycles, ce.mean %.4f %%%n",
                    t.rowCount(), t == raw ? "steps derived" : "steps given", best, t.rowCount() / best / 1e3,
                    (int) r.metrics().get("cycles").value(), r.metrics().get("ce.mean").value());
        }
    }
}
