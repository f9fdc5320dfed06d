package org.stackscope.analysis.transport;

import org.stackscope.core.model.AxisChoice;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.DataObject;
import org.stackscope.core.api.InputSpec;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Volume;

/** The input checks and phase selection (labels or a grey-value range) shared by the transport analyses. */
final class PhaseSelection {

    private static final Pattern GREY_RANGE = Pattern
            .compile("\\s*(\\d+(?:\\.\\d*)?)\\s*(?:-|\\.\\.)\\s*(\\d+(?:\\.\\d*)?)\\s*");

    private PhaseSelection() {
    }

    /** Exactly one volume or label volume. */
    static void checkInputs(String analysis, InputSpec inputs) throws InvalidSettingsException {
        if (inputs.kinds().size() != 1) {
            throw new InvalidSettingsException(analysis + " takes exactly one volume, not " + inputs.kinds().size());
        }
        DataKind kind = inputs.kinds().get(0);
        if (kind != DataKind.LABELS && kind != DataKind.VOLUME) {
            throw new InvalidSettingsException(analysis + " needs a volume or label volume, not " + kind.id());
        }
    }

    /**
     * Parses {@code "lo-hi"} or {@code "lo..hi"} (inclusive grey values); null when {@code text} is blank.
     *
     * @throws InvalidSettingsException when the text is not a range
     */
    static double[] parseGreyRange(String text) throws InvalidSettingsException {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = GREY_RANGE.matcher(text);
        if (!m.matches()) {
            throw new InvalidSettingsException("greyRange: '" + text + "' is not of the form min-max, e.g. 0-89");
        }
        double min = Double.parseDouble(m.group(1));
        double max = Double.parseDouble(m.group(2));
        if (min > max) {
            throw new InvalidSettingsException("greyRange: " + min + " is above " + max);
        }
        return new double[] { min, max };
    }

    /** The mask of the selected phases along the flow axis: a grey range when given, else the listed phases. */
    static PhaseMask mask(DataObject data, String phases, String greyRange, AxisChoice axis, Monitor monitor)
            throws InvalidSettingsException {
        Volume volume = PhaseMask.volumeOf(data);
        double[] range = parseGreyRange(greyRange);
        if (range != null) {
            return PhaseMask.ofGreyRange(volume, range[0], range[1], axis.resolve(volume), monitor);
        }
        int[] labels;
        try {
            labels = PhaseMask.parsePhases(phases, PhaseMask.phaseNames(data));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("phases: " + e.getMessage());
        }
        return PhaseMask.of(volume, labels, axis.resolve(volume), monitor);
    }
}
