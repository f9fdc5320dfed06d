package org.stackscope.analysis.electrochem;

import java.util.LinkedHashSet;
import java.util.Set;

import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.InvalidSettingsException;

/** A list of cycle numbers as users write it ({@code 1,2,10-12,last}), and the capacity unit of a selection. */
final class CycleSelection {

    private CycleSelection() {
    }

    /** The selected cycles present in the records; an error naming the file when none is. */
    static int[] require(String text, HalfCycles h, CyclerRecords r) throws AnalysisException {
        int[] cycles;
        try {
            cycles = resolve(text, h.lastCycleIndex());
        } catch (InvalidSettingsException e) {
            throw new AnalysisException(e.getMessage());
        }
        if (cycles.length == 0) {
            throw new AnalysisException(r.source + ": none of the cycles " + text + " is in the file (cycles 1-"
                    + h.lastCycleIndex() + ")");
        }
        return cycles;
    }

    /** Factor from Ah to mAh/g for an active mass in mg, or to mAh when the mass is 0 (unknown). */
    static double mahPerAh(double activeMassMg) {
        return activeMassMg > 0 ? 1e6 / activeMassMg : 1000;
    }

    static String capacityUnit(double activeMassMg) {
        return activeMassMg > 0 ? "mAh/g" : "mAh";
    }

    /** Checks the syntax (before any work). */
    static void check(String text) throws InvalidSettingsException {
        resolve(text, 1);
    }

    /** The selected cycles that exist among 1..{@code lastCycle}, in the order written, without repeats. */
    static int[] resolve(String text, int lastCycle) throws InvalidSettingsException {
        Set<Integer> out = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            try {
                if (p.equalsIgnoreCase("last")) {
                    out.add(lastCycle);
                } else if (p.matches("\\d+\\s*-\\s*\\d+")) {
                    String[] ab = p.split("-");
                    for (int c = Integer.parseInt(ab[0].trim()); c <= Integer.parseInt(ab[1].trim()); c++) {
                        out.add(c);
                    }
                } else {
                    out.add(Integer.parseInt(p));
                }
            } catch (NumberFormatException e) {
                throw new InvalidSettingsException("cycles: '" + p + "' is not a cycle number, a range a-b or 'last'");
            }
        }
        if (out.isEmpty()) {
            throw new InvalidSettingsException("cycles: no cycle selected (e.g. 1,10,last)");
        }
        return out.stream().mapToInt(Integer::intValue).filter(c -> c >= 1 && c <= lastCycle).toArray();
    }
}
