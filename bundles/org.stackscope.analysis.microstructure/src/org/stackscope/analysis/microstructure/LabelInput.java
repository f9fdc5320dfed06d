package org.stackscope.analysis.microstructure;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.stackscope.core.api.AnalysisException;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.DataObject;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.model.LabelVolume;
import org.stackscope.core.model.Volume;

/**
 * The one label volume the surface analyses take, with its phase names: those of the {@link LabelVolume} overridden
 * by the {@code phases} setting (label=NAME pairs, as in phase-fractions).
 */
record LabelInput(Path path, Volume volume, Map<Integer, String> names) {

    /** Checks the input kinds and the phase names before any work. */
    static void check(String analysisId, InputSpec inputs, String phases) throws InvalidSettingsException {
        if (inputs.kinds().size() != 1) {
            throw new InvalidSettingsException(analysisId + " takes exactly one label volume, not "
                    + inputs.kinds().size() + " inputs");
        }
        DataKind kind = inputs.kinds().get(0);
        if (kind != DataKind.LABELS && kind != DataKind.VOLUME) {
            throw new InvalidSettingsException(analysisId + " needs a label volume, not " + kind.id());
        }
        PhaseFractions.parsePhaseNames(phases);
    }

    static LabelInput of(Inputs inputs, String phases) throws AnalysisException {
        Inputs.Input input = inputs.get(0);
        DataObject data = input.data();
        Map<Integer, String> names = new LinkedHashMap<>();
        Volume volume;
        if (data instanceof LabelVolume labels) {
            volume = labels.volume();
            names.putAll(labels.phases());
        } else if (data instanceof Volume v) {
            volume = v;
        } else {
            throw new AnalysisException(input.path() + ": not a label volume but " + data.kind().id());
        }
        try {
            names.putAll(PhaseFractions.parsePhaseNames(phases));
        } catch (InvalidSettingsException e) {
            throw new AnalysisException(e.getMessage());
        }
        return new LabelInput(input.path(), volume, names);
    }

    String name(int label) {
        return names.getOrDefault(label, Integer.toString(label));
    }

    /** The label named {@code phase}, or -1 when no present label has that name. */
    int labelOf(String phase, int[] present) {
        for (int label : present) {
            if (name(label).equals(phase)) {
                return label;
            }
        }
        return -1;
    }

    /** The label of a phase that must be present, e.g. the active material a per-particle analysis is about. */
    int requiredLabelOf(String phase, int[] present) throws AnalysisException {
        int label = labelOf(phase, present);
        if (label < 0) {
            throw new AnalysisException(path() + ": no label is named " + phase
                    + " (set phases, e.g. 0=VOID,1=SE,2=AM)");
        }
        return label;
    }

    /** Compact index of each label value 0-255 among {@code present} (-1 for absent values). */
    static int[] indexOf(int[] present) {
        int[] index = new int[256];
        java.util.Arrays.fill(index, -1);
        for (int i = 0; i < present.length; i++) {
            index[present[i]] = i;
        }
        return index;
    }
}
