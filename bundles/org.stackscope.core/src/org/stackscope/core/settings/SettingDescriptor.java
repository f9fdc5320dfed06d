package org.stackscope.core.settings;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;

/** One setting of a settings class: its key (the field name), annotation and type. */
public record SettingDescriptor(String key, Setting annotation, Class<?> type, Field field) {

    /** The allowed values of an enum setting, else an empty list. */
    public List<String> choices() {
        if (!type.isEnum()) {
            return List.of();
        }
        return Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
    }
}
