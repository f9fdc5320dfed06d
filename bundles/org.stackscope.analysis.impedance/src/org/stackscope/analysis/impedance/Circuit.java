package org.stackscope.analysis.impedance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An equivalent circuit in impedance.py's language: elements in series joined by '-', parallel groups as
 * {@code p(a,b,...)}, nested freely, each element a type and an index ({@code R0}, {@code CPE1}, {@code Wo1}).
 * Parameters are named like impedance.py's: an element's name when it has one parameter ({@code R0}), else
 * {@code name_i} ({@code CPE1_0} = Q, {@code CPE1_1} = α). The circuit evaluates Z(ω) and its analytic derivatives
 * with respect to every parameter on primitive arrays; derivatives of a parallel group follow from
 * dZ/dp = (Z/Z_k)² dZ_k/dp. Immutable and thread-safe: scratch arrays are allocated per call.
 */
public final class Circuit {

    private final String text;
    private final Node root;
    private final List<String> parameterNames;
    private final List<Element> elements;

    private Circuit(String text, Node root, List<String> parameterNames, List<Element> elements) {
        this.text = text;
        this.root = root;
        this.parameterNames = Collections.unmodifiableList(parameterNames);
        this.elements = Collections.unmodifiableList(elements);
    }

    /** Parses a circuit string; the exception message names the 1-based character position of the problem. */
    public static Circuit parse(String text) throws CircuitSyntaxException {
        Parser p = new Parser(text);
        Node root = p.series();
        p.skipBlanks();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        }
        return new Circuit(text.strip(), root, p.names, p.elements);
    }

    public String text() {
        return text;
    }

    public List<String> parameterNames() {
        return parameterNames;
    }

    public int parameterCount() {
        return parameterNames.size();
    }

    public int indexOf(String parameter) {
        return parameterNames.indexOf(parameter);
    }

    /** The elements in the order they appear. */
    public List<Element> elements() {
        return elements;
    }

    /** The tree, for automatic initial guesses. */
    Node root() {
        return root;
    }

    /**
     * Z at angular frequencies {@code omega} for parameters {@code p}; when {@code dRe}/{@code dIm} are given
     * (parameterCount × n), also ∂Z/∂p_j.
     */
    public void evaluate(double[] omega, double[] p, double[] zRe, double[] zIm, double[][] dRe, double[][] dIm) {
        root.eval(omega, p, zRe, zIm, dRe, dIm);
    }

    /**
     * Equivalent solutions in one order: top-level blocks of the same structure (two p(R,CPE), say) can swap
     * parameters without changing Z, so they are renumbered by their characteristic time constant (the inverse of
     * the angular frequency of largest −Z''), fastest first, as arcs are numbered from high to low frequency.
     * Blocks whose fixed flags or bounds differ are left alone.
     */
    public double[] canonical(double[] p, boolean[] fixed, double[] lower, double[] upper) {
        if (!(root instanceof Series series)) {
            return p;
        }
        double[] out = p.clone();
        List<Node> blocks = series.children;
        boolean[] done = new boolean[blocks.size()];
        for (int a = 0; a < blocks.size(); a++) {
            if (done[a] || blocks.get(a).end == blocks.get(a).first) {
                continue;
            }
            List<Node> same = new ArrayList<>();
            String sig = signature(blocks.get(a));
            for (int b = a; b < blocks.size(); b++) {
                if (!done[b] && signature(blocks.get(b)).equals(sig)
                        && sameConstraints(blocks.get(a), blocks.get(b), fixed, lower, upper)) {
                    same.add(blocks.get(b));
                    done[b] = true;
                }
            }
            if (same.size() < 2) {
                continue;
            }
            List<Node> byTau = new ArrayList<>(same);
            double[] tau = new double[same.size()];
            for (int i = 0; i < same.size(); i++) {
                tau[i] = timeConstant(same.get(i), p);
            }
            byTau.sort((x, y) -> Double.compare(tau[same.indexOf(x)], tau[same.indexOf(y)]));
            for (int i = 0; i < same.size(); i++) {
                Node target = same.get(i), source = byTau.get(i);
                System.arraycopy(p, source.first, out, target.first, target.end - target.first);
            }
        }
        return out;
    }

    private static boolean sameConstraints(Node a, Node b, boolean[] fixed, double[] lower, double[] upper) {
        for (int i = 0; i < a.end - a.first; i++) {
            if (fixed[a.first + i] || fixed[b.first + i] || lower[a.first + i] != lower[b.first + i]
                    || upper[a.first + i] != upper[b.first + i]) {
                return false;
            }
        }
        return true;
    }

    private static String signature(Node n) {
        if (n instanceof Element e) {
            return e.type.name();
        }
        StringBuilder sb = new StringBuilder(n instanceof Parallel ? "p(" : "s(");
        for (Node c : n instanceof Parallel par ? par.children : ((Series) n).children) {
            sb.append(signature(c)).append(',');
        }
        return sb.append(')').toString();
    }

    /** 1/ω at the largest −Z'' of a block, on a grid of 20 points per decade over 1e-9..1e12 rad/s. */
    private static double timeConstant(Node block, double[] p) {
        int n = 421;
        double[] w = new double[n], zr = new double[n], zi = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = Math.pow(10, -9 + k / 20.0);
        }
        block.eval(w, p, zr, zi, null, null);
        int best = 0;
        for (int k = 1; k < n; k++) {
            best = -zi[k] > -zi[best] ? k : best;
        }
        return 1 / w[best];
    }

    /** Thrown for a circuit string that does not parse; {@link #position()} is 1-based. */
    public static final class CircuitSyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int position;

        CircuitSyntaxException(String circuit, int position, String reason) {
            super("circuit '" + circuit + "', position " + position + ": " + reason);
            this.position = position;
        }

        public int position() {
            return position;
        }
    }

    // ---- tree ------------------------------------------------------------------------------------------------

    abstract static sealed class Node permits Element, Series, Parallel {
        /** First parameter index of this subtree and one past its last (subtrees own contiguous ranges). */
        int first, end;

        abstract void eval(double[] w, double[] p, double[] zr, double[] zi, double[][] dr, double[][] di);
    }

    static final class Series extends Node {
        final List<Node> children;

        Series(List<Node> children) {
            this.children = children;
        }

        @Override
        void eval(double[] w, double[] p, double[] zr, double[] zi, double[][] dr, double[][] di) {
            children.get(0).eval(w, p, zr, zi, dr, di);
            if (children.size() == 1) {
                return;
            }
            double[] tr = new double[w.length], ti = new double[w.length];
            for (int c = 1; c < children.size(); c++) {
                children.get(c).eval(w, p, tr, ti, dr, di);
                for (int k = 0; k < w.length; k++) {
                    zr[k] += tr[k];
                    zi[k] += ti[k];
                }
            }
        }
    }

    static final class Parallel extends Node {
        final List<Node> children;

        Parallel(List<Node> children) {
            this.children = children;
        }

        @Override
        void eval(double[] w, double[] p, double[] zr, double[] zi, double[][] dr, double[][] di) {
            int n = w.length, m = children.size();
            double[][] cr = new double[m][n], ci = new double[m][n];
            double[] yr = new double[n], yi = new double[n];
            for (int c = 0; c < m; c++) {
                children.get(c).eval(w, p, cr[c], ci[c], dr, di);
                for (int k = 0; k < n; k++) {
                    double d = cr[c][k] * cr[c][k] + ci[c][k] * ci[c][k];
                    yr[k] += cr[c][k] / d;
                    yi[k] -= ci[c][k] / d;
                }
            }
            for (int k = 0; k < n; k++) {
                double d = yr[k] * yr[k] + yi[k] * yi[k];
                zr[k] = yr[k] / d;
                zi[k] = -yi[k] / d;
            }
            if (dr == null) {
                return;
            }
            for (int c = 0; c < m; c++) {
                Node child = children.get(c);
                for (int k = 0; k < n; k++) {
                    // s = (Z / Z_c)^2
                    double d = cr[c][k] * cr[c][k] + ci[c][k] * ci[c][k];
                    double qr = (zr[k] * cr[c][k] + zi[k] * ci[c][k]) / d;
                    double qi = (zi[k] * cr[c][k] - zr[k] * ci[c][k]) / d;
                    double sr = qr * qr - qi * qi, si = 2 * qr * qi;
                    for (int j = child.first; j < child.end; j++) {
                        double a = dr[j][k], b = di[j][k];
                        dr[j][k] = sr * a - si * b;
                        di[j][k] = sr * b + si * a;
                    }
                }
            }
        }
    }

    /** The element types, their parameter count and default bounds. */
    public enum Type {
        /** Resistor R. */
        R(1),
        /** Capacitor C. */
        C(1),
        /** Inductor L. */
        L(1),
        /** Constant-phase element Z = 1/(Q (jω)^α): [Q, α]. */
        CPE(2),
        /** Semi-infinite Warburg Z = A (1 - j)/√ω (impedance.py's W): [A]. */
        W(1),
        /** Finite-space (open, reflective) Warburg Z = Z0 coth√(jωτ)/√(jωτ): [Z0, τ]. */
        WO(2),
        /** Finite-length (short, transmissive) Warburg Z = Z0 tanh√(jωτ)/√(jωτ): [Z0, τ]. */
        WS(2),
        /** ZARC / RQ: R/(1 + (jωτ)^α): [R, τ, α]. */
        ZARC(3),
        /** Gerischer Z = R/√(1 + jωτ): [R, τ]. */
        G(2),
        /**
         * Transmission line of a blocking porous (composite) electrode: ionic resistance R_ion of the electrolyte
         * network and a CPE interface, Z = √(R_ion Z_Q) coth√(R_ion/Z_Q): [R_ion, Q, α].
         */
        TLM(3);

        final int parameters;

        Type(int parameters) {
            this.parameters = parameters;
        }

        /** True for an exponent α that lies in [0, 1]. */
        boolean isExponent(int index) {
            return (this == CPE && index == 1) || (this == ZARC && index == 2) || (this == TLM && index == 2);
        }

        static Type of(String name) {
            return switch (name) {
                case "R" -> R;
                case "C" -> C;
                case "L" -> L;
                case "CPE", "Q" -> CPE;
                case "W" -> W;
                case "Wo" -> WO;
                case "Ws" -> WS;
                case "Zarc", "RQ" -> ZARC;
                case "G", "Gerischer" -> G;
                case "TLM", "T" -> TLM;
                default -> null;
            };
        }
    }

    /** One element with its name (e.g. {@code CPE1}) and its first parameter index. */
    public static final class Element extends Node {
        public final Type type;
        public final String name;

        Element(Type type, String name, int first) {
            this.type = type;
            this.name = name;
            this.first = first;
            this.end = first + type.parameters;
        }

        @Override
        void eval(double[] w, double[] p, double[] zr, double[] zi, double[][] dr, double[][] di) {
            int j = first;
            boolean jac = dr != null;
            switch (type) {
                case R -> {
                    for (int k = 0; k < w.length; k++) {
                        zr[k] = p[j];
                        zi[k] = 0;
                        if (jac) {
                            dr[j][k] = 1;
                            di[j][k] = 0;
                        }
                    }
                }
                case C -> {
                    for (int k = 0; k < w.length; k++) {
                        zr[k] = 0;
                        zi[k] = -1 / (w[k] * p[j]);
                        if (jac) {
                            dr[j][k] = 0;
                            di[j][k] = -zi[k] / p[j];
                        }
                    }
                }
                case L -> {
                    for (int k = 0; k < w.length; k++) {
                        zr[k] = 0;
                        zi[k] = w[k] * p[j];
                        if (jac) {
                            dr[j][k] = 0;
                            di[j][k] = w[k];
                        }
                    }
                }
                case CPE -> {
                    double q = p[j], a = p[j + 1];
                    double cos = Math.cos(a * Math.PI / 2), sin = Math.sin(a * Math.PI / 2);
                    for (int k = 0; k < w.length; k++) {
                        double lw = Math.log(w[k]);
                        double mag = Math.exp(-a * lw) / q;
                        zr[k] = mag * cos;
                        zi[k] = -mag * sin;
                        if (jac) {
                            dr[j][k] = -zr[k] / q;
                            di[j][k] = -zi[k] / q;
                            // dZ/dα = -Z (ln ω + jπ/2)
                            double hr = lw, hi = Math.PI / 2;
                            dr[j + 1][k] = -(zr[k] * hr - zi[k] * hi);
                            di[j + 1][k] = -(zr[k] * hi + zi[k] * hr);
                        }
                    }
                }
                case W -> {
                    for (int k = 0; k < w.length; k++) {
                        double v = 1 / Math.sqrt(w[k]);
                        zr[k] = p[j] * v;
                        zi[k] = -p[j] * v;
                        if (jac) {
                            dr[j][k] = v;
                            di[j][k] = -v;
                        }
                    }
                }
                case WO, WS -> warburg(w, p, zr, zi, dr, di, type == Type.WO);
                case ZARC -> {
                    double r = p[j], tau = p[j + 1], a = p[j + 2];
                    double cos = Math.cos(a * Math.PI / 2), sin = Math.sin(a * Math.PI / 2);
                    for (int k = 0; k < w.length; k++) {
                        double lwt = Math.log(w[k] * tau);
                        double mag = Math.exp(a * lwt);
                        double xr = mag * cos, xi = mag * sin; // (jωτ)^α
                        double dR = 1 + xr, dI = xi;
                        double dd = dR * dR + dI * dI;
                        double invR = dR / dd, invI = -dI / dd; // 1/D
                        zr[k] = r * invR;
                        zi[k] = r * invI;
                        if (jac) {
                            dr[j][k] = invR;
                            di[j][k] = invI;
                            // -R/D² · x: common factor of dτ and dα
                            double i2r = invR * invR - invI * invI, i2i = 2 * invR * invI;
                            double fr = -r * (i2r * xr - i2i * xi), fi = -r * (i2r * xi + i2i * xr);
                            dr[j + 1][k] = fr * a / tau;
                            di[j + 1][k] = fi * a / tau;
                            double hr = lwt, hi = Math.PI / 2;
                            dr[j + 2][k] = fr * hr - fi * hi;
                            di[j + 2][k] = fr * hi + fi * hr;
                        }
                    }
                }
                case G -> {
                    double r = p[j], tau = p[j + 1];
                    for (int k = 0; k < w.length; k++) {
                        // s = 1 + jωτ; Z = R s^-1/2
                        double sr = 1, si = w[k] * tau;
                        double mod = Math.hypot(sr, si), arg = Math.atan2(si, sr);
                        double m = Math.pow(mod, -0.5);
                        double gr = m * Math.cos(-arg / 2), gi = m * Math.sin(-arg / 2);
                        zr[k] = r * gr;
                        zi[k] = r * gi;
                        if (jac) {
                            dr[j][k] = gr;
                            di[j][k] = gi;
                            // dZ/dτ = -Z jω / (2 s)
                            double nr = -(-zi[k] * w[k]) / 2, ni = -(zr[k] * w[k]) / 2; // -Z·jω/2
                            double sd = sr * sr + si * si;
                            dr[j + 1][k] = (nr * sr + ni * si) / sd;
                            di[j + 1][k] = (ni * sr - nr * si) / sd;
                        }
                    }
                }
                case TLM -> transmissionLine(w, p, zr, zi, dr, di);
                default -> throw new IllegalStateException(type.name());
            }
        }

        /** Wo: Z0 coth(u)/u, Ws: Z0 tanh(u)/u with u = √(jωτ). */
        private void warburg(double[] w, double[] p, double[] zr, double[] zi, double[][] dr, double[][] di,
                boolean open) {
            int j = first;
            double z0 = p[j], tau = p[j + 1];
            for (int k = 0; k < w.length; k++) {
                double s = Math.sqrt(w[k] * tau / 2); // u = s + js
                double[] t = open ? Cx.coth(s, s) : Cx.tanh(s, s);
                double[] f = Cx.div(t[0], t[1], s, s); // t/u
                zr[k] = z0 * f[0];
                zi[k] = z0 * f[1];
                if (dr != null) {
                    dr[j][k] = f[0];
                    di[j][k] = f[1];
                    // open: dZ/dτ = -Z0/(2τ) (csch²u + coth(u)/u) = -Z0/(2τ)(coth²u - 1 + f)
                    // short: dZ/dτ = Z0/(2τ) (sech²u - tanh(u)/u) = Z0/(2τ)(1 - tanh²u - f)
                    double t2r = t[0] * t[0] - t[1] * t[1], t2i = 2 * t[0] * t[1];
                    double gr, gi;
                    if (open) {
                        gr = -(t2r - 1 + f[0]);
                        gi = -(t2i + f[1]);
                    } else {
                        gr = 1 - t2r - f[0];
                        gi = -t2i - f[1];
                    }
                    dr[j + 1][k] = z0 / (2 * tau) * gr;
                    di[j + 1][k] = z0 / (2 * tau) * gi;
                }
            }
        }

        /** Z = √(a b) coth(v), v = √(a/b), a = R_ion, b = 1/(Q (jω)^α). */
        private void transmissionLine(double[] w, double[] p, double[] zr, double[] zi, double[][] dr, double[][] di) {
            int j = first;
            double a = p[j], q = p[j + 1], alpha = p[j + 2];
            double cos = Math.cos(alpha * Math.PI / 2), sin = Math.sin(alpha * Math.PI / 2);
            for (int k = 0; k < w.length; k++) {
                double lw = Math.log(w[k]);
                double mag = Math.exp(-alpha * lw) / q;
                double br = mag * cos, bi = -mag * sin;
                double[] sab = Cx.sqrt(a * br, a * bi);
                double[] v = Cx.sqrt(Cx.div(a, 0, br, bi));
                double[] c = Cx.coth(v[0], v[1]);
                double[] z = Cx.mul(sab[0], sab[1], c[0], c[1]);
                zr[k] = z[0];
                zi[k] = z[1];
                if (dr == null) {
                    continue;
                }
                // csch²v = coth²v - 1
                double[] v2 = Cx.mul(v[0], v[1], c[0] * c[0] - c[1] * c[1] - 1, 2 * c[0] * c[1]);
                double[] dA = Cx.mul(sab[0] / (2 * a), sab[1] / (2 * a), c[0] - v2[0], c[1] - v2[1]);
                double[] half = Cx.div(sab[0] / 2, sab[1] / 2, br, bi);
                double[] dB = Cx.mul(half[0], half[1], c[0] + v2[0], c[1] + v2[1]);
                dr[j][k] = dA[0];
                di[j][k] = dA[1];
                // db/dQ = -b/Q; db/dα = -b (ln ω + jπ/2)
                double[] dbq = Cx.mul(dB[0], dB[1], -br / q, -bi / q);
                double[] bh = Cx.mul(br, bi, lw, Math.PI / 2);
                double[] dba = Cx.mul(dB[0], dB[1], -bh[0], -bh[1]);
                dr[j + 1][k] = dbq[0];
                di[j + 1][k] = dbq[1];
                dr[j + 2][k] = dba[0];
                di[j + 2][k] = dba[1];
            }
        }

        /** Parameter {@code i} of this element, named as impedance.py does. */
        public String parameterName(int i) {
            return type.parameters == 1 ? name : name + "_" + i;
        }
    }

    /** Small complex helpers on (re, im) pairs for the transcendental elements. */
    static final class Cx {
        private Cx() {
        }

        static double[] mul(double ar, double ai, double br, double bi) {
            return new double[] { ar * br - ai * bi, ar * bi + ai * br };
        }

        static double[] div(double ar, double ai, double br, double bi) {
            double d = br * br + bi * bi;
            return new double[] { (ar * br + ai * bi) / d, (ai * br - ar * bi) / d };
        }

        static double[] sqrt(double[] z) {
            return sqrt(z[0], z[1]);
        }

        static double[] sqrt(double re, double im) {
            double m = Math.hypot(re, im);
            double r = Math.sqrt((m + re) / 2);
            double i = Math.copySign(Math.sqrt(Math.max(0, (m - re) / 2)), im);
            return new double[] { r, i };
        }

        /** tanh(x + jy), stable for large x. */
        static double[] tanh(double x, double y) {
            if (Math.abs(x) > 20) {
                return new double[] { Math.copySign(1, x), 0 };
            }
            double d = Math.cosh(2 * x) + Math.cos(2 * y);
            return new double[] { Math.sinh(2 * x) / d, Math.sin(2 * y) / d };
        }

        static double[] coth(double x, double y) {
            double[] t = tanh(x, y);
            return div(1, 0, t[0], t[1]);
        }
    }

    // ---- parser ----------------------------------------------------------------------------------------------

    private static final class Parser {
        final String text;
        int pos;
        final List<String> names = new ArrayList<>();
        final List<Element> elements = new ArrayList<>();
        final Set<String> elementNames = new HashSet<>();

        Parser(String text) {
            this.text = text;
        }

        CircuitSyntaxException error(String reason) {
            return new CircuitSyntaxException(text, pos + 1, reason);
        }

        void skipBlanks() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        Node series() throws CircuitSyntaxException {
            int first = names.size();
            List<Node> parts = new ArrayList<>();
            parts.add(term());
            skipBlanks();
            while (pos < text.length() && text.charAt(pos) == '-') {
                pos++;
                parts.add(term());
                skipBlanks();
            }
            Node n = parts.size() == 1 ? parts.get(0) : new Series(parts);
            n.first = first;
            n.end = names.size();
            return n;
        }

        Node term() throws CircuitSyntaxException {
            skipBlanks();
            if (pos >= text.length()) {
                throw error("an element or p(...) is missing");
            }
            int start = pos;
            while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
                pos++;
            }
            String word = text.substring(start, pos);
            skipBlanks();
            if (word.equals("p") && pos < text.length() && text.charAt(pos) == '(') {
                pos++;
                int first = names.size();
                List<Node> branches = new ArrayList<>();
                branches.add(series());
                skipBlanks();
                while (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                    branches.add(series());
                    skipBlanks();
                }
                if (pos >= text.length() || text.charAt(pos) != ')') {
                    throw error("')' expected to close p( opened at position " + (start + 1));
                }
                pos++;
                if (branches.size() < 2) {
                    throw new CircuitSyntaxException(text, start + 1, "p(...) needs at least two branches");
                }
                Parallel par = new Parallel(branches);
                par.first = first;
                par.end = names.size();
                return par;
            }
            if (word.isEmpty()) {
                throw error("an element such as R1, CPE1, Wo1 or p(...) expected, not '" + text.charAt(pos) + "'");
            }
            Type type = Type.of(word);
            if (type == null) {
                throw new CircuitSyntaxException(text, start + 1, "unknown element type '" + word
                        + "' (known: R, C, L, CPE, W, Wo, Ws, Zarc/RQ, G/Gerischer, TLM)");
            }
            int digits = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            if (digits == pos) {
                throw error("element '" + word + "' needs an index, e.g. " + word + "1");
            }
            String name = text.substring(start, pos).replace(" ", "");
            if (!elementNames.add(name)) {
                throw new CircuitSyntaxException(text, start + 1, "element " + name + " appears twice");
            }
            Element e = new Element(type, name, names.size());
            for (int i = 0; i < type.parameters; i++) {
                names.add(e.parameterName(i));
            }
            elements.add(e);
            return e;
        }
    }
}
