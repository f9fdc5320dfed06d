package org.stackscope.analysis.impedance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.stackscope.core.api.InvalidSettingsException;

/**
 * Start values of a circuit fit: given ones ({@code R0=0.01,CPE1_1=0.9} or a positional list as impedance.py's
 * initial_guess), fixed ones ({@code R0=0.0165} or just {@code R0}), bounds ({@code CPE1_1=0.5:1}), and for the
 * rest an automatic guess from the spectrum's arcs: the high-frequency intercept for a series resistor, and for each
 * arc-forming group (an RC/RQ parallel, ZARC, Gerischer, transmission line), in order from high to low frequency,
 * the diameter and apex frequency of one arc of −Z'' (R ≈ 2·max(−Z''), τ = 1/(2π f_apex)); groups without an arc
 * share the remaining resistance with time constants spread over the measured range. Diffusion elements get the
 * low-frequency remainder.
 */
public final class InitialGuess {

    private InitialGuess() {
    }

    /** The parsed parameter settings of a circuit. */
    public record Spec(double[] start, boolean[] given, boolean[] fixed, double[] lower, double[] upper) {
    }

    public static Spec parse(Circuit c, String initial, String fixed, String bounds) throws InvalidSettingsException {
        int n = c.parameterCount();
        double[] start = new double[n];
        boolean[] given = new boolean[n];
        boolean[] isFixed = new boolean[n];
        double[][] b = CircuitFitter.defaultBounds(c);
        if (initial != null && !initial.isBlank()) {
            String[] parts = initial.split("[,;]");
            if (!initial.contains("=")) {
                if (parts.length != n) {
                    throw new InvalidSettingsException("initial: " + parts.length + " values given but circuit "
                            + c.text() + " has " + n + " parameters " + c.parameterNames());
                }
                for (int i = 0; i < n; i++) {
                    start[i] = number("initial", parts[i]);
                    given[i] = true;
                }
            } else {
                for (String part : parts) {
                    int i = index(c, "initial", part);
                    start[i] = number("initial", part.substring(part.indexOf('=') + 1));
                    given[i] = true;
                }
            }
        }
        if (fixed != null && !fixed.isBlank()) {
            for (String part : fixed.split("[,;]")) {
                int i = index(c, "fixed", part);
                if (part.contains("=")) {
                    start[i] = number("fixed", part.substring(part.indexOf('=') + 1));
                    given[i] = true;
                } else if (!given[i]) {
                    throw new InvalidSettingsException("fixed: " + part.strip() + " has no value; write "
                            + part.strip() + "=value or give it in initial");
                }
                isFixed[i] = true;
            }
        }
        if (bounds != null && !bounds.isBlank()) {
            for (String part : bounds.split("[,;]")) {
                int i = index(c, "bounds", part);
                String range = part.contains("=") ? part.substring(part.indexOf('=') + 1) : "";
                String[] lh = range.split(":");
                if (lh.length != 2) {
                    throw new InvalidSettingsException("bounds: '" + part.strip() + "' is not of the form name=low:high");
                }
                b[0][i] = number("bounds", lh[0]);
                b[1][i] = number("bounds", lh[1]);
                if (!(b[0][i] < b[1][i])) {
                    throw new InvalidSettingsException("bounds: " + part.strip() + ": the lower bound is not below the upper");
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (given[i] && !isFixed[i] && (start[i] < b[0][i] || start[i] > b[1][i])) {
                throw new InvalidSettingsException("initial " + c.parameterNames().get(i) + "=" + start[i]
                        + " lies outside its bounds [" + b[0][i] + ", " + b[1][i] + "]");
            }
        }
        return new Spec(start, given, isFixed, b[0], b[1]);
    }

    private static int index(Circuit c, String setting, String part) throws InvalidSettingsException {
        String name = (part.contains("=") ? part.substring(0, part.indexOf('=')) : part).strip();
        int i = c.indexOf(name);
        if (i < 0) {
            throw new InvalidSettingsException(setting + ": no parameter '" + name + "' in circuit " + c.text()
                    + "; its parameters are " + c.parameterNames());
        }
        return i;
    }

    private static double number(String setting, String text) throws InvalidSettingsException {
        String t = text.strip();
        try {
            return switch (t.toLowerCase(java.util.Locale.ROOT)) {
                case "inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
                case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(t);
            };
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException(setting + ": '" + t + "' is not a number");
        }
    }

    /** Fills the parameters not given with automatic guesses from the spectrum (values given are kept). */
    public static double[] complete(Circuit c, Spec spec, Spectrum s) {
        double[] auto = automatic(c, s);
        double[] p = spec.start().clone();
        for (int i = 0; i < p.length; i++) {
            if (!spec.given()[i]) {
                p[i] = Math.min(Math.max(auto[i], spec.lower()[i]), spec.upper()[i]);
                if (p[i] == spec.lower()[i] || p[i] == spec.upper()[i]) {
                    double lo = spec.lower()[i], hi = spec.upper()[i];
                    p[i] = Double.isFinite(hi) ? (Double.isFinite(lo) ? (lo + hi) / 2 : hi - 1) : lo + 1;
                }
            }
        }
        return p;
    }

    /** An arc of the spectrum: its resistance (diameter) and time constant. */
    private record Arc(double r, double tau) {
    }

    static double[] automatic(Circuit c, Spectrum s) {
        int n = s.size();
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(s.frequency()[b], s.frequency()[a])); // high f first
        double fMax = s.frequency()[order[0]], fMin = s.frequency()[order[n - 1]];
        double rHigh = Double.POSITIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            rHigh = Math.min(rHigh, s.re()[k]);
        }
        rHigh = Math.max(rHigh, 1e-12);
        double rLow = Math.max(s.re()[order[n - 1]], rHigh * 1.01);
        List<Arc> arcs = new ArrayList<>();
        for (int q = 1; q < n - 1; q++) {
            double y = -s.im()[order[q]];
            if (y > 0 && y >= -s.im()[order[q - 1]] && y > -s.im()[order[q + 1]]) {
                arcs.add(new Arc(2 * y, 1 / (2 * Math.PI * s.frequency()[order[q]])));
            }
        }
        double[] p = new double[c.parameterCount()];
        int[] groups = { 0 };
        countGroups(c.root(), groups);
        Guesser g = new Guesser(p, arcs, groups[0], rHigh, rLow, fMin, fMax, s);
        g.visit(c.root(), true);
        return p;
    }

    private static boolean arcForming(Circuit.Node node) {
        if (node instanceof Circuit.Parallel) {
            return true;
        }
        return node instanceof Circuit.Element e && (e.type == Circuit.Type.ZARC || e.type == Circuit.Type.G
                || e.type == Circuit.Type.TLM);
    }

    private static void countGroups(Circuit.Node node, int[] count) {
        if (arcForming(node)) {
            count[0]++;
        } else if (node instanceof Circuit.Series ser) {
            for (Circuit.Node child : ser.children) {
                countGroups(child, count);
            }
        }
    }

    private static final class Guesser {
        final double[] p;
        final List<Arc> arcs;
        final int groups;
        final double rHigh, rLow, fMin, fMax;
        final Spectrum s;
        int group;
        boolean seriesResistorUsed;

        Guesser(double[] p, List<Arc> arcs, int groups, double rHigh, double rLow, double fMin, double fMax,
                Spectrum s) {
            this.p = p;
            this.arcs = arcs;
            this.groups = groups;
            this.rHigh = rHigh;
            this.rLow = rLow;
            this.fMin = fMin;
            this.fMax = fMax;
            this.s = s;
        }

        /** The arc of the next group: a measured one, or an even share of the polarisation resistance. */
        Arc nextArc() {
            int g = group++;
            if (g < arcs.size()) {
                return arcs.get(g);
            }
            double share = (rLow - rHigh) / Math.max(1, groups);
            double x = groups <= 1 ? 0.5 : (double) g / (groups - 1);
            double logTau = -Math.log(2 * Math.PI * fMax) * (1 - x) - Math.log(2 * Math.PI * fMin) * x;
            return new Arc(Math.max(share, 1e-12), Math.exp(logTau));
        }

        void visit(Circuit.Node node, boolean topLevel) {
            if (node instanceof Circuit.Series ser) {
                for (Circuit.Node child : ser.children) {
                    visit(child, topLevel);
                }
            } else if (node instanceof Circuit.Parallel par) {
                Arc arc = nextArc();
                for (Circuit.Node child : par.children) {
                    inArc(child, arc);
                }
            } else if (node instanceof Circuit.Element e) {
                if (arcForming(e)) {
                    inArc(e, nextArc());
                } else {
                    alone(e);
                }
            }
        }

        /** An element in series at the top level. */
        void alone(Circuit.Element e) {
            int j = e.first;
            double wMin = 2 * Math.PI * fMin;
            double imLow = Math.max(Math.abs(s.im()[indexOfMinFrequency()]), 1e-12);
            switch (e.type) {
                case R -> {
                    p[j] = seriesResistorUsed ? Math.max((rLow - rHigh) / 2, rHigh) : rHigh;
                    seriesResistorUsed = true;
                }
                case C -> p[j] = 1 / (wMin * imLow);
                case L -> p[j] = 1e-7;
                case CPE -> {
                    p[j + 1] = 0.8;
                    p[j] = 1 / (Math.pow(wMin, 0.8) * imLow);
                }
                case W -> p[j] = imLow * Math.sqrt(wMin);
                case WO, WS -> {
                    p[j] = Math.max(rLow - rHigh, 1e-12) / 2;
                    p[j + 1] = 1 / wMin;
                }
                default -> {
                    Arc a = nextArc();
                    inArc(e, a);
                }
            }
        }

        /** An element inside an arc-forming group, sized from the arc. */
        void inArc(Circuit.Node node, Arc arc) {
            if (node instanceof Circuit.Series ser) {
                boolean first = true;
                for (Circuit.Node child : ser.children) {
                    if (child instanceof Circuit.Element e && (e.type == Circuit.Type.R) && first) {
                        p[e.first] = arc.r;
                        first = false;
                    } else {
                        inArc(child, new Arc(arc.r, arc.tau * 10));
                    }
                }
                return;
            }
            if (node instanceof Circuit.Parallel par) {
                for (Circuit.Node child : par.children) {
                    inArc(child, arc);
                }
                return;
            }
            Circuit.Element e = (Circuit.Element) node;
            int j = e.first;
            switch (e.type) {
                case R -> p[j] = arc.r;
                case C -> p[j] = arc.tau / arc.r;
                case L -> p[j] = arc.r * arc.tau;
                case CPE -> {
                    p[j + 1] = 0.9;
                    p[j] = Math.pow(arc.tau, 0.9) / arc.r;
                }
                case W -> p[j] = arc.r * Math.sqrt(1 / arc.tau);
                case WO, WS -> {
                    p[j] = arc.r;
                    p[j + 1] = arc.tau;
                }
                case ZARC -> {
                    p[j] = arc.r;
                    p[j + 1] = arc.tau;
                    p[j + 2] = 0.9;
                }
                case G -> {
                    p[j] = arc.r;
                    p[j + 1] = arc.tau;
                }
                case TLM -> {
                    p[j] = 3 * arc.r;
                    p[j + 2] = 0.9;
                    p[j + 1] = Math.pow(arc.tau, 0.9) / arc.r;
                }
            }
        }

        int indexOfMinFrequency() {
            int best = 0;
            for (int k = 1; k < s.size(); k++) {
                if (s.frequency()[k] < s.frequency()[best]) {
                    best = k;
                }
            }
            return best;
        }
    }
}
