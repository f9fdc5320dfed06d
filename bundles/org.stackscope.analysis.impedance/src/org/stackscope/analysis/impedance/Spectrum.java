package org.stackscope.analysis.impedance;

import java.util.ArrayList;
import java.util.List;

import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.model.ImpedanceColumns;
import org.stackscope.core.model.Table;

/**
 * One impedance spectrum on primitive arrays: frequency (Hz), Z' and Z'' (Ω, physical sign) in file order.
 * {@code label} names its source for messages and tables ("file.csv #2").
 */
public record Spectrum(String label, int index, double[] frequency, double[] re, double[] im) {

    public int size() {
        return frequency.length;
    }

    public double[] omega() {
        double[] w = new double[frequency.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = 2 * Math.PI * frequency[k];
        }
        return w;
    }

    /** The points with fMin ≤ f ≤ fMax and, when {@code onlyCapacitive}, Z'' < 0 (impedance.py's ignoreBelowX). */
    public Spectrum filtered(double fMin, double fMax, boolean onlyCapacitive) {
        int n = 0;
        boolean[] keep = new boolean[size()];
        for (int k = 0; k < size(); k++) {
            keep[k] = frequency[k] >= fMin && frequency[k] <= fMax && (!onlyCapacitive || im[k] < 0);
            n += keep[k] ? 1 : 0;
        }
        double[] f = new double[n], r = new double[n], i = new double[n];
        for (int k = 0, o = 0; k < size(); k++) {
            if (keep[k]) {
                f[o] = frequency[k];
                r[o] = re[k];
                i[o++] = im[k];
            }
        }
        return new Spectrum(label, index, f, r, i);
    }

    /** Every spectrum of every impedance input, in order; rejects NaN, non-positive and duplicated frequencies. */
    public static List<Spectrum> all(Inputs inputs) throws AnalysisException {
        List<Spectrum> out = new ArrayList<>();
        for (Inputs.Input in : inputs.all()) {
            if (!(in.data() instanceof Table t) || t.kind() != DataKind.IMPEDANCE) {
                throw new AnalysisException(in.path() + ": not an impedance table");
            }
            out.addAll(of(t, String.valueOf(in.path() == null ? "input" : in.path().getFileName())));
        }
        return out;
    }

    /** The spectra of one impedance table, split by {@code spectrum_index} when present. */
    public static List<Spectrum> of(Table t, String source) throws AnalysisException {
        for (String c : List.of(ImpedanceColumns.FREQUENCY, ImpedanceColumns.Z_REAL, ImpedanceColumns.Z_IMAG)) {
            if (!t.hasColumn(c)) {
                throw new AnalysisException(source + ": no column " + c);
            }
        }
        double[] f = t.column(ImpedanceColumns.FREQUENCY).values();
        double[] r = t.column(ImpedanceColumns.Z_REAL).values();
        double[] i = t.column(ImpedanceColumns.Z_IMAG).values();
        double[] s = t.hasColumn(ImpedanceColumns.SPECTRUM) ? t.column(ImpedanceColumns.SPECTRUM).values() : null;
        List<Spectrum> out = new ArrayList<>();
        int start = 0;
        for (int k = 1; k <= f.length; k++) {
            if (k == f.length || (s != null && s[k] != s[k - 1])) {
                int index = s == null ? 1 : (int) s[start];
                String label = s == null || (s[0] == s[f.length - 1] && start == 0 && k == f.length) ? source
                        : source + " #" + index;
                out.add(checked(new Spectrum(label, index, java.util.Arrays.copyOfRange(f, start, k),
                        java.util.Arrays.copyOfRange(r, start, k), java.util.Arrays.copyOfRange(i, start, k)), start));
                start = k;
            }
        }
        if (out.isEmpty()) {
            throw new AnalysisException(source + ": the impedance table is empty");
        }
        return out;
    }

    private static Spectrum checked(Spectrum s, int firstRow) throws AnalysisException {
        java.util.HashMap<Double, Integer> seen = new java.util.HashMap<>();
        for (int k = 0; k < s.size(); k++) {
            int row = firstRow + k + 1;
            if (!(s.frequency[k] > 0) || !Double.isFinite(s.frequency[k])) {
                throw new AnalysisException(s.label + ", row " + row + ": frequency " + s.frequency[k]
                        + " Hz is not a positive number");
            }
            if (!Double.isFinite(s.re[k]) || !Double.isFinite(s.im[k])) {
                throw new AnalysisException(s.label + ", row " + row + ": impedance is not finite");
            }
            Integer before = seen.put(s.frequency[k], row);
            if (before != null) {
                throw new AnalysisException(s.label + ", rows " + before + " and " + row + ": frequency "
                        + s.frequency[k] + " Hz appears twice in one spectrum");
            }
        }
        return s;
    }
}
