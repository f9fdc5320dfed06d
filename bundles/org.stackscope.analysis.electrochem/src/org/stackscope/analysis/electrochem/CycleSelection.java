package org.stackscope.analysis.electrochem;

import java.util.LinkedHashSet;
import java.util.Set;

import org.stackscope.core.api.InvalidSettingsException;

/** A list of cycle numbers as users write it: {@code 1,2,10-12,last}. */
final class CycleSelection {

    private CycleSelection() {
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
