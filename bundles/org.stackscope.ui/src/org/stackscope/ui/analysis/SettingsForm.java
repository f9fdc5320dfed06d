package org.stackscope.ui.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.stackscope.core.api.InvalidSettingsException;
import org.stackscope.core.settings.SettingDescriptor;
import org.stackscope.core.settings.SettingsSupport;

/**
 * A form generated from a settings class's {@code @Setting} fields — the same annotations that drive the CLI's
 * {@code --set} and recipe JSON: a check box for booleans, a drop-down for enums, a text field otherwise, each with
 * its label, unit and description as tooltip. {@link #values()} gives text values as {@code --set} would.
 */
public final class SettingsForm extends Composite {

    private final Class<?> settingsClass;
    private final Map<String, Control> fields = new LinkedHashMap<>();
    private final Map<String, String> defaults = new LinkedHashMap<>();

    public SettingsForm(Composite parent, Class<?> settingsClass, Runnable onChange) {
        super(parent, SWT.NONE);
        this.settingsClass = settingsClass;
        setLayout(new GridLayout(3, false));
        Map<String, Object> defaultValues = SettingsSupport.toMap(SettingsSupport.newDefaults(settingsClass));
        for (SettingDescriptor d : SettingsSupport.describe(settingsClass)) {
            String text = Objects.toString(defaultValues.get(d.key()), "");
            defaults.put(d.key(), text);
            Label label = new Label(this, SWT.NONE);
            label.setText(d.annotation().label());
            Control field = field(d, text, onChange);
            field.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            String tip = d.key() + (d.annotation().description().isEmpty() ? "" : ": " + d.annotation().description());
            label.setToolTipText(tip);
            field.setToolTipText(tip);
            new Label(this, SWT.NONE).setText(d.annotation().unit());
            fields.put(d.key(), field);
        }
    }

    private Control field(SettingDescriptor d, String text, Runnable onChange) {
        if (d.type() == boolean.class || d.type() == Boolean.class) {
            Button check = new Button(this, SWT.CHECK);
            check.setSelection(Boolean.parseBoolean(text));
            check.addListener(SWT.Selection, e -> onChange.run());
            return check;
        }
        List<String> choices = d.choices();
        if (!choices.isEmpty()) {
            Combo combo = new Combo(this, SWT.READ_ONLY);
            combo.setItems(choices.toArray(String[]::new));
            combo.select(Math.max(0, choices.indexOf(text)));
            combo.addListener(SWT.Selection, e -> onChange.run());
            return combo;
        }
        Text field = new Text(this, SWT.BORDER);
        field.setText(text);
        field.addListener(SWT.Modify, e -> onChange.run());
        return field;
    }

    /** Every setting as text, as typed. */
    public Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach((key, control) -> out.put(key, switch (control) {
            case Button b -> Boolean.toString(b.getSelection());
            case Combo c -> c.getText();
            case Text t -> t.getText();
            default -> throw new IllegalStateException(key);
        }));
        return out;
    }

    /** Only the settings that differ from their defaults: what a recipe or a results.json needs to say. */
    public Map<String, String> changedValues() {
        Map<String, String> out = new LinkedHashMap<>(values());
        out.entrySet().removeIf(e -> e.getValue().equals(defaults.get(e.getKey())));
        return out;
    }

    /** Sets one field as if typed (tests, recipes loaded into the form). */
    public void set(String key, String value) {
        switch (fields.get(key)) {
            case Button b -> b.setSelection(Boolean.parseBoolean(value));
            case Combo c -> c.setText(value);
            case Text t -> t.setText(value);
            case null -> throw new IllegalArgumentException("no setting " + key);
            default -> throw new IllegalStateException(key);
        }
    }

    /** The reason the values are not acceptable (the CLI's message), or null when they are. */
    public String problem() {
        Object settings = SettingsSupport.newDefaults(settingsClass);
        try {
            for (Map.Entry<String, String> e : values().entrySet()) {
                SettingsSupport.set(settings, e.getKey(), e.getValue());
            }
            SettingsSupport.validate(settings);
            return null;
        } catch (InvalidSettingsException e) {
            return e.getMessage();
        }
    }
}
