package org.stackscope.core.settings;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.stackscope.core.api.InvalidSettingsException;

/**
 * Reads and writes settings objects through their {@link Setting} fields: defaults, text values from the CLI or a
 * form, JSON-friendly maps for recipes and results.json, and range checks.
 */
public final class SettingsSupport {

    private SettingsSupport() {
    }

    /** The settings of a class in declaration order. */
    public static List<SettingDescriptor> describe(Class<?> settingsClass) {
        List<SettingDescriptor> out = new ArrayList<>();
        for (Field f : settingsClass.getDeclaredFields()) {
            Setting s = f.getAnnotation(Setting.class);
            if (s == null || Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            out.add(new SettingDescriptor(f.getName(), s, f.getType(), f));
        }
        return out;
    }

    /** A new settings object holding the defaults. */
    public static <S> S newDefaults(Class<S> settingsClass) {
        try {
            var ctor = settingsClass.getDeclaredConstructor();
            ctor.setAccessible(true);
            return ctor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(settingsClass.getName() + " needs a public no-argument constructor", e);
        }
    }

    /** The current values as key → String/Number/Boolean, in declaration order. */
    public static Map<String, Object> toMap(Object settings) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (SettingDescriptor d : describe(settings.getClass())) {
            Object v = read(d, settings);
            if (v instanceof Enum<?> e) {
                v = e.name();
            } else if (v instanceof Double x && !Double.isFinite(x)) {
                v = x.toString(); // JSON has no literal for ±∞ or NaN
            }
            out.put(d.key(), v);
        }
        return out;
    }

    /** Sets one value given as text; unknown keys and unparsable values are reported with the allowed forms. */
    public static void set(Object settings, String key, String text) throws InvalidSettingsException {
        SettingDescriptor d = find(settings.getClass(), key);
        write(d, settings, parse(d, text));
    }

    /** Applies JSON values (numbers, booleans, strings) as in a recipe. */
    public static void apply(Object settings, Map<String, ?> values) throws InvalidSettingsException {
        for (Map.Entry<String, ?> e : values.entrySet()) {
            Object v = e.getValue();
            String text = v instanceof Double dbl && dbl == Math.rint(dbl) && !dbl.isInfinite() && Math.abs(dbl) < 1e15
                    ? Long.toString(dbl.longValue())
                    : String.valueOf(v);
            set(settings, e.getKey(), text);
        }
    }

    /** Checks every numeric setting against its min/max and Strings against null. */
    public static void validate(Object settings) throws InvalidSettingsException {
        for (SettingDescriptor d : describe(settings.getClass())) {
            Object v = read(d, settings);
            if (v instanceof Number n) {
                double x = n.doubleValue();
                if (Double.isNaN(x) || x < d.annotation().min() || x > d.annotation().max()) {
                    throw new InvalidSettingsException("setting " + d.key() + " = " + v + " is outside ["
                            + d.annotation().min() + ", " + d.annotation().max() + "]");
                }
            } else if (v == null) {
                throw new InvalidSettingsException("setting " + d.key() + " has no value");
            }
        }
    }

    private static SettingDescriptor find(Class<?> type, String key) throws InvalidSettingsException {
        List<SettingDescriptor> all = describe(type);
        for (SettingDescriptor d : all) {
            if (d.key().equals(key)) {
                return d;
            }
        }
        throw new InvalidSettingsException("unknown setting '" + key + "'; known: "
                + String.join(", ", all.stream().map(SettingDescriptor::key).toList()));
    }

    private static Object parse(SettingDescriptor d, String text) throws InvalidSettingsException {
        Class<?> t = d.type();
        String s = text.trim();
        try {
            if (t == double.class || t == Double.class) {
                return Double.parseDouble(s);
            } else if (t == int.class || t == Integer.class) {
                return Integer.parseInt(s);
            } else if (t == long.class || t == Long.class) {
                return Long.parseLong(s);
            } else if (t == boolean.class || t == Boolean.class) {
                if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(s);
                }
                throw new InvalidSettingsException("setting " + d.key() + " must be true or false, not '" + text + "'");
            } else if (t == String.class) {
                return text;
            } else if (t.isEnum()) {
                for (Object c : t.getEnumConstants()) {
                    if (((Enum<?>) c).name().equalsIgnoreCase(s)) {
                        return c;
                    }
                }
                throw new InvalidSettingsException(
                        "setting " + d.key() + " must be one of " + d.choices() + ", not '" + text + "'");
            }
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException("setting " + d.key() + " must be a "
                    + t.getSimpleName().toLowerCase(Locale.ROOT) + " number, not '" + text + "'");
        }
        throw new IllegalStateException("unsupported setting type " + t + " for " + d.key());
    }

    private static Object read(SettingDescriptor d, Object settings) {
        try {
            return d.field().get(settings);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(SettingDescriptor d, Object settings, Object value) {
        try {
            d.field().set(settings, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
