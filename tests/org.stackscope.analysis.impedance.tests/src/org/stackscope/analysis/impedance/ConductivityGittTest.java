package org.stackscope.analysis.impedance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.api.Result;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.CyclerColumns;
import org.stackscope.core.model.Table;

class ConductivityGittTest {

    private static final double K_B = 8.617333262e-5;

    /** A pellet: bulk R0 in series with a grain-boundary arc and a blocking-electrode CPE. */
    private static Table pellet(double r0, double rgb, double noise, long seed) throws Exception {
        return Synthetic.table(Synthetic.spectrum("R0-p(R1,CPE1)-CPE2", new double[] { r0, rgb, 1e-9, 0.9, 5e-6, 0.85 },
                7e6, 0.1, 71, noise, seed));
    }

    @Test
    void pelletConductivityFromInterceptAndFit() throws Exception {
        // 1.45 mS/cm for L = 1 mm, d = 10 mm: R = L / (sigma A) = 87.81 ohm (bulk + grain boundary)
        double area = Math.PI * 0.25, rTotal = 0.1 / (1.45e-3 * area);
        ConductivitySettings s = new ConductivitySettings();
        s.thickness = 1;
        s.diameter = 10;
        s.resistors = "R0+R1";
        Result intercept = new Conductivity().run(EisFitTest.inputs(pellet(60, rTotal - 60, 0, 0)), s, Monitor.NONE);
        // the CPE spike bends the minimum of -Z'' a little to the right of R0 + R1
        assertEquals(1.45, intercept.metrics().get("conductivity.sigma").value(), 0.03);
        s.source = ConductivitySettings.Source.FIT;
        Result fit = new Conductivity().run(EisFitTest.inputs(pellet(60, rTotal - 60, 0, 0)), s, Monitor.NONE);
        assertEquals(1.45, fit.metrics().get("conductivity.sigma").value(), 1.45e-6);
        assertEquals(rTotal, fit.metrics().get("conductivity.R").value(), rTotal * 1e-6);
    }

    @Test
    void arrheniusActivationEnergyAndCompositeTortuosity() throws Exception {
        // sigma T = A exp(-Ea / kT), Ea = 0.22 eV, 1.45 mS/cm at 25 C
        double ea = 0.22, t25 = 298.15, area = Math.PI * 0.25;
        double[] tC = { 25, 40, 60, 80 };
        Table[] tables = new Table[tC.length];
        for (int i = 0; i < tC.length; i++) {
            double tK = tC[i] + 273.15;
            double sigma = 1.45e-3 * t25 / tK * Math.exp(-ea / K_B * (1 / tK - 1 / t25));
            tables[i] = pellet(0.1 / (sigma * area), 1e-3, 0, 0);
        }
        ConductivitySettings s = new ConductivitySettings();
        s.thickness = 1;
        s.diameter = 10;
        s.source = ConductivitySettings.Source.FIT;
        s.temperatures = "25,40,60,80";
        s.resistors = "R0+R1";
        Result r = new Conductivity().run(EisFitTest.inputs(tables), s, Monitor.NONE);
        assertEquals(0.22, r.metrics().get("conductivity.Ea").value(), 1e-5);
        assertEquals(1.45, r.metrics().get("conductivity.1.sigma").value(), 1e-4);
        // a composite with 40 % electrolyte conducting 0.116 mS/cm: tau = 0.4 * 1.45 / 0.116 = 5
        ConductivitySettings comp = new ConductivitySettings();
        comp.thickness = 0.1;
        comp.diameter = 10;
        comp.source = ConductivitySettings.Source.FIT;
        comp.resistors = "R0+R1";
        comp.phaseFraction = 0.4;
        comp.bulkConductivity = 1.45;
        double rComposite = 0.01 / (0.116e-3 * area);
        Result c = new Conductivity().run(EisFitTest.inputs(pellet(rComposite - 10, 10, 0, 0)), comp, Monitor.NONE);
        assertEquals(5.0, c.metrics().get("tortuosity.factor").value(), 5e-5);
    }

    /**
     * A GITT pulse train from a known model: OCV(SOC) = 3.6 + 0.4 SOC + 0.05 SOC², R1 in series with R2||C2 and
     * R3||C3 (time constants 2 s and 150 s), 0.5C pulses of 72 s (1 % SOC), 5000 s rests, sampled every second.
     */
    static Table pulseTrain(double r1, double r2, double tau2, double r3, double tau3, int pulses) {
        double capacityAh = 0.002, current = 0.5 * capacityAh;
        int perCycle = 72 + 5000;
        int n = 100 + pulses * perCycle;
        double[] t = new double[n], v = new double[n], i = new double[n];
        double soc = 0.1, v2 = 0, v3 = 0;
        for (int k = 0; k < n; k++) {
            t[k] = k;
            int inCycle = k - 100;
            boolean on = inCycle >= 0 && inCycle % perCycle >= 1 && inCycle % perCycle <= 72;
            double amps = on ? current : 0;
            if (k > 0) {
                // exact update over the second (t[k-1], t[k]] at constant current
                double e2 = Math.exp(-1 / tau2), e3 = Math.exp(-1 / tau3);
                v2 = v2 * e2 + amps * r2 * (1 - e2);
                v3 = v3 * e3 + amps * r3 * (1 - e3);
                soc += amps / 3600 / capacityAh;
            }
            i[k] = amps;
            v[k] = 3.6 + 0.4 * soc + 0.05 * soc * soc + amps * r1 + v2 + v3;
        }
        return new Table(DataKind.CYCLER, List.of(new Column(CyclerColumns.TIME, "s", t),
                new Column(CyclerColumns.VOLTAGE, "V", v), new Column(CyclerColumns.CURRENT, "A", i)), Map.of());
    }

    @Test
    void gittSeparatesContactChargeTransferAndDiffusion() throws Exception {
        double r1 = 12, r2 = 25, tau2 = 2, r3 = 40, tau3 = 150;
        Table train = pulseTrain(r1, r2, tau2, r3, tau3, 10);
        GittSettings s = new GittSettings();
        s.tau2 = tau2;
        s.tau3 = tau3;
        s.capacity = 0.002;
        s.initialSoc = 0.1;
        Result r = new Gitt().run(new Inputs(List.of(new Inputs.Input(Path.of("gitt.csv"), "", "csv", train))), s,
                Monitor.NONE);
        Table p = r.tables().get("pulses");
        assertEquals(10, p.rowCount());
        for (int k = 0; k < 10; k++) {
            assertEquals(r1, p.column("R1_ohm").get(k), 0.05 * r1, "R1 pulse " + k);
            assertEquals(r2, p.column("R2_ohm").get(k), 0.05 * r2, "R2 pulse " + k);
            assertEquals(r3, p.column("R3_ohm").get(k), 0.05 * r3, "R3 pulse " + k);
            // 72 s of 0.5C = 1 % SOC per pulse
            assertEquals(0.1 + 0.01 * (k + 1), p.column("soc").get(k), 1e-9);
            // R_total = R1 + R2 (1 - e^-72/2) + R3 (1 - e^-72/150)
            double total = r1 + r2 * (1 - Math.exp(-72 / tau2)) + r3 * (1 - Math.exp(-72 / tau3));
            assertEquals(total, p.column("R_total_ohm").get(k), 0.05 * total);
            // relaxed OCV follows the OCV curve
            double soc = 0.1 + 0.01 * (k + 1);
            assertEquals(3.6 + 0.4 * soc + 0.05 * soc * soc, p.column("ocv_after_V").get(k), 1e-6);
        }
        assertThrows(AnalysisException.class, () -> new Gitt().run(new Inputs(List.of(new Inputs.Input(
                Path.of("rest.csv"), "", "csv", new Table(DataKind.CYCLER, List.of(new Column(CyclerColumns.TIME, "s",
                        new double[] { 0, 1 }), new Column(CyclerColumns.VOLTAGE, "V", new double[] { 3, 3 }),
                        new Column(CyclerColumns.CURRENT, "A", new double[] { 0, 0 })), Map.of())))), s, Monitor.NONE));
    }

    @Test
    void weppnerHugginsOnSemiInfiniteDiffusion() throws Exception {
        // V = V0 + IR + k sqrt(t) during the pulse: linear in sqrt t, D = 4 L^2 (dEs/dEt)^2 / (pi t)
        int n = 100 + 72 + 5000;
        double[] t = new double[n], v = new double[n], i = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = k;
            boolean on = k > 100 && k <= 172;
            i[k] = on ? 1e-3 : 0;
            v[k] = 3.7 + (k > 100 ? 0.002 : 0) + (on ? 0.01 + 0.003 * Math.sqrt(k - 100) : 0);
        }
        Table train = new Table(DataKind.CYCLER, List.of(new Column(CyclerColumns.TIME, "s", t),
                new Column(CyclerColumns.VOLTAGE, "V", v), new Column(CyclerColumns.CURRENT, "A", i)), Map.of());
        GittSettings s = new GittSettings();
        s.diffusionLength = 5;
        List<Gitt.Pulse> pulses = Gitt.analyse(t, v, i, s, Monitor.NONE);
        assertEquals(1, pulses.size());
        Gitt.Pulse p = pulses.get(0);
        double dEt = 0.003 * (Math.sqrt(72) - 1);
        assertEquals(0.002, p.deltaEs(), 1e-12);
        assertEquals(dEt, p.deltaEt(), 1e-12);
        double l = 5e-4;
        assertEquals(4 * l * l / (Math.PI * 72) * Math.pow(0.002 / dEt, 2), p.diffusion(), 1e-20);
        assertTrue(p.sqrtLinearity() > 0.999, "R2 " + p.sqrtLinearity());
    }
}
