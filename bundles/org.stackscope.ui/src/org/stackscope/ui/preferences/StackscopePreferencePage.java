package org.stackscope.ui.preferences;

import org.eclipse.jface.preference.ColorFieldEditor;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.stackscope.ui.preview.ImportedData;

/** Window > Preferences > Stackscope: phase colours, default pressure axis, display units, threads, memory. */
public final class StackscopePreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public StackscopePreferencePage() {
        super(GRID);
        setDescription("Defaults for the views and for analyses run from the workbench.");
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(StackscopePreferences.store());
    }

    @Override
    protected void createFieldEditors() {
        for (String phase : StackscopePreferences.PHASES) {
            addField(new ColorFieldEditor(StackscopePreferences.PHASE_COLOUR_PREFIX + phase, phase + " overlay colour",
                    getFieldEditorParent()));
        }
        addField(new ComboFieldEditor(StackscopePreferences.PRESSURE_AXIS,
                "Pressure axis of volumes that state none", new String[][] { { "Z (slices)", "Z" }, { "Y", "Y" },
                        { "X", "X" } }, getFieldEditorParent()));
        addField(new ComboFieldEditor(StackscopePreferences.PRESSURE_UNIT, "Show stack pressure in", units(
                DisplayUnits.Pressure.values()), getFieldEditorParent()));
        addField(new ComboFieldEditor(StackscopePreferences.LENGTH_UNIT, "Show lengths in volumes in", units(
                DisplayUnits.Length.values()), getFieldEditorParent()));
        IntegerFieldEditor threads = new IntegerFieldEditor(StackscopePreferences.THREADS,
                "Analysis threads (0 = all cores)", getFieldEditorParent());
        threads.setValidRange(0, 1024);
        addField(threads);
        IntegerFieldEditor cache = new IntegerFieldEditor(StackscopePreferences.CACHED_DATASETS,
                "Imported datasets kept in memory", getFieldEditorParent());
        cache.setValidRange(0, 64);
        addField(cache);
    }

    private static String[][] units(Enum<?>[] values) {
        String[][] out = new String[values.length][];
        for (int i = 0; i < values.length; i++) {
            String symbol = values[i] instanceof DisplayUnits.Pressure p ? p.symbol
                    : ((DisplayUnits.Length) values[i]).symbol;
            out[i] = new String[] { symbol, values[i].name() };
        }
        return out;
    }

    @Override
    public boolean performOk() {
        boolean ok = super.performOk();
        ImportedData.setCapacity(StackscopePreferences.cachedDatasets());
        return ok;
    }
}
