package org.stackscope.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.settings.Setting;
import org.stackscope.core.settings.SettingDescriptor;
import org.stackscope.core.settings.SettingsSupport;

class SettingsSupportTest {

    enum Mode { FAST, EXACT }

    public static class Sample {
        @Setting(label = "Threshold", unit = "MPa", min = 0, max = 500)
        public double threshold = 25;
        @Setting(label = "Bins", min = 1)
        public int bins = 18;
        @Setting(label = "Mode")
        public Mode mode = Mode.EXACT;
        @Setting(label = "Trim")
        public boolean trim = true;
        @Setting(label = "Phases")
        public String phases = "";
        @Setting(label = "Upper")
        public double upper = Double.POSITIVE_INFINITY;
        public int notASetting = 3;
    }

    @Test
    void describesSettingsInDeclarationOrderWithChoices() {
        List<SettingDescriptor> d = SettingsSupport.describe(Sample.class);
        assertEquals(List.of("threshold", "bins", "mode", "trim", "phases", "upper"),
                d.stream().map(SettingDescriptor::key).toList());
        assertEquals("MPa", d.get(0).annotation().unit());
        assertEquals(List.of("FAST", "EXACT"), d.get(2).choices());
    }

    @Test
    void textValuesAreParsedByType() throws InvalidSettingsException {
        Sample s = SettingsSupport.newDefaults(Sample.class);
        SettingsSupport.set(s, "threshold", "12.5");
        SettingsSupport.set(s, "bins", "36");
        SettingsSupport.set(s, "mode", "fast");
        SettingsSupport.set(s, "trim", "FALSE");
        SettingsSupport.set(s, "phases", "0=VOID");
        assertEquals(12.5, s.threshold);
        assertEquals(36, s.bins);
        assertEquals(Mode.FAST, s.mode);
        assertEquals(false, s.trim);
        assertEquals("0=VOID", s.phases);
    }

    @Test
    void toMapIsJsonFriendlyIncludingInfinity() {
        Map<String, Object> m = SettingsSupport.toMap(new Sample());
        assertEquals(25.0, m.get("threshold"));
        assertEquals("EXACT", m.get("mode"));
        assertEquals("Infinity", m.get("upper"));
    }

    @Test
    void applyTakesRecipeJsonValues() throws InvalidSettingsException {
        Sample s = new Sample();
        SettingsSupport.apply(s, Map.of("bins", 12.0, "threshold", 1.5, "trim", false));
        assertEquals(12, s.bins);
        assertEquals(1.5, s.threshold);
        assertEquals(false, s.trim);
    }

    @Test
    void badValuesNameTheSettingAndTheAllowedForms() {
        Sample s = new Sample();
        InvalidSettingsException unknown = assertThrows(InvalidSettingsException.class,
                () -> SettingsSupport.set(s, "threshhold", "1"));
        assertTrue(unknown.getMessage().contains("threshhold") && unknown.getMessage().contains("threshold"),
                unknown.getMessage());
        InvalidSettingsException number = assertThrows(InvalidSettingsException.class,
                () -> SettingsSupport.set(s, "bins", "many"));
        assertTrue(number.getMessage().contains("bins"), number.getMessage());
        InvalidSettingsException choice = assertThrows(InvalidSettingsException.class,
                () -> SettingsSupport.set(s, "mode", "slow"));
        assertTrue(choice.getMessage().contains("[FAST, EXACT]"), choice.getMessage());
        assertThrows(InvalidSettingsException.class, () -> SettingsSupport.set(s, "trim", "yes"));
    }

    @Test
    void validationEnforcesRanges() throws InvalidSettingsException {
        Sample s = new Sample();
        SettingsSupport.validate(s);
        s.threshold = 600;
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> SettingsSupport.validate(s));
        assertTrue(e.getMessage().contains("threshold"), e.getMessage());
        s.threshold = Double.NaN;
        assertThrows(InvalidSettingsException.class, () -> SettingsSupport.validate(s));
        s.threshold = 1;
        s.bins = 0;
        assertThrows(InvalidSettingsException.class, () -> SettingsSupport.validate(s));
    }
}
