package org.stackscope.study;

import java.nio.file.Path;
import java.util.Map;

/**
 * One file (or folder) of a study, tagged with the cell it belongs to and the conditions it was measured at.
 * {@code format} is an importer id or null for detection; numbers are NaN where unknown; {@code cycle} is -1 when
 * unknown.
 */
public record Dataset(String id, String cellId, Path path, String format, double stackPressureMPa, int cycle,
        double stateOfCharge, Map<String, String> importSettings) {

    public Dataset {
        importSettings = Map.copyOf(importSettings);
    }
}
