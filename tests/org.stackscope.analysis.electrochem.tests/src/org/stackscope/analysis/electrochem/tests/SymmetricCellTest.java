package org.stackscope.analysis.electrochem.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.stackscope.analysis.electrochem.MetricVsPressure;
import org.stackscope.analysis.electrochem.MetricVsPressureSettings;
import org.stackscope.analysis.electrochem.SymmetricCell;
import org.stackscope.analysis.electrochem.SymmetricCellSettings;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.Table;

/**
 * Li|Li6PS5Cl|Li symmetric cells of the stack-pressure seed: ±0.1 mA for 1 h half-cycles, a sample a minute,
 * overpotential 50 mV growing 0.1 %/h with 2 mV noise, collapsing to 2 mV (1 mV noise) at the short. Seed shorts:
 * 48 h at 25 MPa, 190 h at 20, 272 h at 15, 474 h at 10, none within 1000 h at 5 MPa.
 */
class SymmetricCellTest {

    static final double[] PRESSURE = { 25, 20, 15, 10, 5 };
    static final double[] SHORT_H = { 48.4, 190.7, 272.25, 474.9, Double.POSITIVE_INFINITY };

    static Table cell(double shortH, double testH, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        CyclerBuilder b = new CyclerBuilder();
        int halves = (int) Math.round(testH);
        for (int k = 0; k < halves; k++) {
            double sign = k % 2 == 0 ? 1 : -1;
            double start = b.now();
            b.segment(sign * 1e-4, 3600, 60, f -> {
                double hours = (start + f * 3600) / 3600;
                double eta = hours < shortH ? 0.050 * (1 + 0.001 * hours) + 0.002 * random.nextGaussian()
                        : 0.002 + 0.001 * random.nextGaussian();
                return sign * eta;
            });
        }
        return b.table();
    }

    static Result run(Table t) throws Exception {
        return new SymmetricCell().run(CyclerBuilder.inputs(t), new SymmetricCellSettings(), Monitor.NONE);
    }

    @Test
    void seedShortsAreFoundWithinOneHalfCycle() throws Exception {
        double[] found = new double[PRESSURE.length];
        for (int k = 0; k < PRESSURE.length; k++) {
            Result r = run(cell(SHORT_H[k], Double.isInfinite(SHORT_H[k]) ? 1000 : SHORT_H[k] + 30, 11 + k));
            found[k] = r.metrics().get("short.time_h").value();
            if (Double.isInfinite(SHORT_H[k])) {
                assertEquals(0, r.metrics().get("short.detected").value());
                assertEquals(Double.POSITIVE_INFINITY, found[k]);
                assertEquals(1000, r.metrics().get("test.duration_h").value(), 1e-9);
                assertTrue(r.notes().get(0).contains("no short within the 1000.0 h"));
            } else {
                assertEquals(1, r.metrics().get("short.detected").value());
                assertEquals(SHORT_H[k], found[k], 1.0, "half-cycle is 1 h");
                // Samples are a minute apart and the run of 9 needs a median below the threshold: within 5 min.
                assertEquals(SHORT_H[k], found[k], 5 / 60.0);
                assertEquals(Math.ceil(SHORT_H[k]), r.metrics().get("short.halfcycle").value());
                assertEquals(50 * (1 + 0.001 * SHORT_H[k]), r.metrics().get("overpotential.before_short").value(),
                        2.0);
                assertEquals(0.1 * SHORT_H[k], r.metrics().get("short.capacity").value(), 0.1 * 5 / 60.0); // mAh
            }
            assertEquals(50, r.metrics().get("overpotential.initial").value(), 1.0);
        }
        // The study-level table: time to short against stack pressure; the cell that never shorted is censored.
        Table points = Table.of(List.of(new Column(CyclerColumns.PRESSURE, "MPa", PRESSURE),
                new Column("short.time_h", "h", found)));
        MetricVsPressureSettings s = new MetricVsPressureSettings();
        Result fit = new MetricVsPressure().run(CyclerBuilder.inputs(points), s, Monitor.NONE);
        assertEquals(4, fit.metrics().get("points").value());
        assertEquals(1, fit.metrics().get("points.excluded").value());
        assertTrue(fit.notes().get(0).contains("Infinity at 5"), fit.notes().get(0));
        assertTrue(fit.metrics().get("fit.log.b").value() < 0, "shorts come earlier at higher pressure");
    }

    @Test
    void noiseSpikesAloneAreNotAShort() throws Exception {
        CyclerBuilder b = new CyclerBuilder();
        SplittableRandom random = new SplittableRandom(5);
        for (int k = 0; k < 40; k++) {
            double sign = k % 2 == 0 ? 1 : -1;
            // One in 20 samples drops to 0 V (contact noise), never a whole run.
            b.segment(sign * 1e-4, 3600, 60, f -> random.nextInt(20) == 0 ? 0 : sign * 0.05);
        }
        Result r = run(b.table());
        assertEquals(0, r.metrics().get("short.detected").value());
        assertEquals(40, r.metrics().get("halfcycles").value());
    }
}
