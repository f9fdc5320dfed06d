package org.stackscope.analysis.impedance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CircuitTest {

    @Test
    void parameterNamesFollowImpedancePy() throws Exception {
        Circuit c = Circuit.parse("R0-p(R1,CPE1)-p(R2-Wo1,C2)-L0");
        assertEquals(List.of("R0", "R1", "CPE1_0", "CPE1_1", "R2", "Wo1_0", "Wo1_1", "C2", "L0"), c.parameterNames());
        assertEquals(List.of("R0", "RQ1_0", "RQ1_1", "RQ1_2", "G1_0", "G1_1", "TLM1_0", "TLM1_1", "TLM1_2", "Ws1_0",
                "Ws1_1", "W1"), Circuit.parse("R0 - RQ1 - G1 - TLM1 - Ws1 - W1").parameterNames());
    }

    @Test
    void syntaxErrorsNameThePosition() {
        var open = assertThrows(Circuit.CircuitSyntaxException.class, () -> Circuit.parse("R0-p(R1,C1"));
        assertEquals(11, open.position());
        assertTrue(open.getMessage().contains("')' expected"), open.getMessage());
        var unknown = assertThrows(Circuit.CircuitSyntaxException.class, () -> Circuit.parse("R0-X1"));
        assertEquals(4, unknown.position());
        var noIndex = assertThrows(Circuit.CircuitSyntaxException.class, () -> Circuit.parse("R0-p(R,C1)"));
        assertEquals(7, noIndex.position());
        var twice = assertThrows(Circuit.CircuitSyntaxException.class, () -> Circuit.parse("R1-p(R1,C1)"));
        assertEquals(6, twice.position());
        var dangling = assertThrows(Circuit.CircuitSyntaxException.class, () -> Circuit.parse("R0-"));
        assertEquals(4, dangling.position());
        var single = assertThrows(Circuit.CircuitSyntaxException.class, () -> Circuit.parse("p(R1)"));
        assertEquals(1, single.position());
    }

    @Test
    void elementsMatchTheirClosedForms() throws Exception {
        double w = 2 * Math.PI * 3.7;
        // p(R, C): R / (1 + jωRC)
        double[] z = eval("p(R1,C1)", new double[] { 100, 1e-3 }, w);
        double x = w * 100 * 1e-3;
        assertEquals(100 / (1 + x * x), z[0], 1e-10);
        assertEquals(-100 * x / (1 + x * x), z[1], 1e-10);
        // CPE with α = 1 is a capacitor; ZARC with α = 1 is p(R, C) with τ = RC
        double[] cpe = eval("CPE1", new double[] { 1e-3, 1 }, w);
        assertEquals(0, cpe[0], 1e-12);
        assertEquals(-1 / (w * 1e-3), cpe[1], 1e-10);
        double[] zarc = eval("Zarc1", new double[] { 100, 0.1, 1 }, w);
        assertEquals(z[0], zarc[0], 1e-9);
        assertEquals(z[1], zarc[1], 1e-9);
        // Wo at low frequency: Z0/(jωτ) + Z0/3; Ws at low frequency: Z0
        double[] wo = eval("Wo1", new double[] { 10, 1 }, 1e-4);
        assertEquals(10.0 / 3, wo[0], 1e-6);
        assertEquals(-10 / 1e-4, wo[1], 1e-3);
        double[] ws = eval("Ws1", new double[] { 10, 1 }, 1e-6);
        assertEquals(10, ws[0], 1e-6);
        // TLM at low frequency: R_ion/3 + Z_Q (blocking)
        double[] tlm = eval("TLM1", new double[] { 30, 1e-3, 1 }, 1e-5);
        assertEquals(10, tlm[0], 1e-4);
        assertEquals(-1 / (1e-5 * 1e-3), tlm[1], 1e-2);
        // Gerischer at ω → 0 is R
        assertEquals(5, eval("G1", new double[] { 5, 1 }, 1e-9)[0], 1e-9);
        // W: A(1 − j)/√ω
        double[] war = eval("W1", new double[] { 2 }, 4);
        assertEquals(1, war[0], 1e-12);
        assertEquals(-1, war[1], 1e-12);
    }

    private static double[] eval(String circuit, double[] p, double w) throws Exception {
        double[] zr = new double[1], zi = new double[1];
        Circuit.parse(circuit).evaluate(new double[] { w }, p, zr, zi, null, null);
        return new double[] { zr[0], zi[0] };
    }

    @Test
    void analyticJacobianMatchesFiniteDifferences() throws Exception {
        Circuit c = Circuit.parse("R0-L0-p(R1,CPE1)-p(R2-Wo1,C2)-Zarc1-G1-p(TLM1,R3)-Ws1-W1-C3");
        double[] p = { 10, 1e-6, 50, 1e-4, 0.85, 30, 40, 5, 1e-3, 70, 0.01, 0.8, 20, 0.5, 100, 2e-3, 0.9, 1e4, 15,
                0.3, 8, 0.05 };
        assertEquals(c.parameterCount(), p.length);
        int n = 25;
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = 2 * Math.PI * Math.pow(10, 5 - 0.35 * k);
        }
        double[][] dr = new double[p.length][n], di = new double[p.length][n];
        double[] zr = new double[n], zi = new double[n];
        c.evaluate(w, p, zr, zi, dr, di);
        for (int j = 0; j < p.length; j++) {
            double h = 1e-5 * Math.abs(p[j]);
            double[] pp = p.clone(), pm = p.clone();
            pp[j] += h;
            pm[j] -= h;
            double[] ar = new double[n], ai = new double[n], br = new double[n], bi = new double[n];
            c.evaluate(w, pp, ar, ai, null, null);
            c.evaluate(w, pm, br, bi, null, null);
            for (int k = 0; k < n; k++) {
                double fr = (ar[k] - br[k]) / (2 * h), fi = (ai[k] - bi[k]) / (2 * h);
                // truncation O(h^2) plus rounding of Z over the step
                double tol = 1e-6 * Math.hypot(fr, fi) + 1e-12 * Math.hypot(zr[k], zi[k]) / h;
                assertEquals(fr, dr[j][k], tol, c.parameterNames().get(j) + " re at " + k);
                assertEquals(fi, di[j][k], tol, c.parameterNames().get(j) + " im at " + k);
            }
        }
    }
}
