package org.stackscope.ui.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;
import org.stackscope.study.Dataset;
import org.stackscope.ui.Numbers;
import org.stackscope.ui.preferences.StackscopePreferences;
import org.stackscope.ui.preview.ImportedData;

/**
 * A dataset in the Properties view: its study entry (file, format, cell, stack pressure, cycle, SOC, import
 * settings) and, once a view has imported it, what the importer found (dimensions, voxel size, columns, the
 * vendor's metadata). Read-only: study.json stays the one place to edit.
 */
public final class DatasetProperties implements IPropertySource {

    private final Map<String, Map<String, Object>> categories = new LinkedHashMap<>();

    DatasetProperties(Dataset d) {
        Map<String, Object> study = new LinkedHashMap<>();
        study.put("id", d.id());
        study.put("cell", d.cellId());
        study.put("file", d.path().toString());
        study.put("format", d.format() == null ? "(detected)" : d.format());
        study.put("stack pressure", Double.isNaN(d.stackPressureMPa()) ? ""
                : StackscopePreferences.pressureUnit().format(d.stackPressureMPa()));
        study.put("cycle", d.cycle() < 0 ? "" : Integer.toString(d.cycle()));
        study.put("state of charge", Double.isNaN(d.stateOfCharge()) ? "" : Numbers.plain(d.stateOfCharge()));
        categories.put("Study", study);
        categories.put("Import settings", new LinkedHashMap<>(d.importSettings()));
        ImportedData.cached(d).ifPresent(data -> {
            Map<String, Object> described = new LinkedHashMap<>();
            flatten("", data.describe(), described);
            categories.put("Data", described);
        });
    }

    /** Nested maps become "outer.inner" keys; lists and values are shown as text. */
    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, Map<String, Object> out) {
        map.forEach((k, v) -> {
            if (v instanceof Map<?, ?> inner) {
                flatten(prefix + k + ".", (Map<String, Object>) inner, out);
            } else {
                out.put(prefix + k, v);
            }
        });
    }

    @Override
    public IPropertyDescriptor[] getPropertyDescriptors() {
        List<IPropertyDescriptor> out = new ArrayList<>();
        categories.forEach((category, values) -> values.keySet().forEach(key -> {
            PropertyDescriptor p = new PropertyDescriptor(category + "/" + key, key);
            p.setCategory(category);
            out.add(p);
        }));
        return out.toArray(IPropertyDescriptor[]::new);
    }

    @Override
    public Object getPropertyValue(Object id) {
        String[] parts = id.toString().split("/", 2);
        Object v = categories.getOrDefault(parts[0], Map.of()).get(parts[1]);
        return v == null ? "" : v.toString();
    }

    @Override
    public Object getEditableValue() {
        return null;
    }

    @Override
    public boolean isPropertySet(Object id) {
        return false;
    }

    @Override
    public void resetPropertyValue(Object id) {
        // read-only
    }

    @Override
    public void setPropertyValue(Object id, Object value) {
        // read-only
    }

    /** Registered for {@link Dataset} in plugin.xml. */
    public static final class Factory implements IAdapterFactory {
        @Override
        public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
            return adaptable instanceof Dataset d && adapterType == IPropertySource.class
                    ? adapterType.cast(new DatasetProperties(d))
                    : null;
        }

        @Override
        public Class<?>[] getAdapterList() {
            return new Class<?>[] { IPropertySource.class };
        }
    }
}
