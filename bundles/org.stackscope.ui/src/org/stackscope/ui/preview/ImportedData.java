package org.stackscope.ui.preview;

import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.stackscope.core.api.DataObject;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Inputs;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.registry.Registry;
import org.stackscope.study.Dataset;
import org.stackscope.ui.preferences.StackscopePreferences;

/**
 * The datasets imported most recently, so that the chart and the volume view showing the same selection import a
 * large volume once. Entries are soft references: under memory pressure the JVM drops them and the next view
 * imports again.
 */
public final class ImportedData {

    /** How many datasets are kept; the Stackscope preferences set it. */
    private static volatile int capacity = StackscopePreferences.cachedDatasets();

    private record Key(Path path, String format, Map<String, String> settings) {
    }

    private static final Map<Key, SoftReference<Inputs.Input>> RECENT = new LinkedHashMap<>(16, 0.75f, true);

    private ImportedData() {
    }

    /** The dataset's data from the cache, or imported now (then cached). */
    public static DataObject of(Dataset dataset, Monitor monitor) throws ImportException {
        return input(dataset, monitor).data();
    }

    /** The imported file with the facts results record (path, SHA-256, format), cached like {@link #of}. */
    public static Inputs.Input input(Dataset dataset, Monitor monitor) throws ImportException {
        Key key = key(dataset);
        Map<String, String> options = key.settings();
        synchronized (RECENT) {
            SoftReference<Inputs.Input> cached = RECENT.get(key);
            Inputs.Input input = cached == null ? null : cached.get();
            if (input != null) {
                return input;
            }
        }
        Inputs.Input input = Registry.platform().read(dataset.path(), dataset.format(), new ImportSettings(options),
                monitor);
        synchronized (RECENT) {
            RECENT.put(key, new SoftReference<>(input));
            trim();
        }
        return input;
    }

    /** The dataset's data if a view has imported it and it is still in memory; never imports. */
    public static java.util.Optional<DataObject> cached(Dataset dataset) {
        synchronized (RECENT) {
            SoftReference<Inputs.Input> ref = RECENT.get(key(dataset));
            return java.util.Optional.ofNullable(ref == null ? null : ref.get()).map(Inputs.Input::data);
        }
    }

    private static Key key(Dataset dataset) {
        Map<String, String> options = new LinkedHashMap<>(dataset.importSettings());
        // volumes that do not state their pressure axis get the one the preferences name
        options.putIfAbsent("pressureAxis", StackscopePreferences.pressureAxis());
        return new Key(dataset.path(), Objects.toString(dataset.format(), ""), Map.copyOf(options));
    }

    public static void setCapacity(int datasets) {
        capacity = Math.max(0, datasets);
        synchronized (RECENT) {
            trim();
        }
    }

    /** Forgets every dataset, e.g. after its file changed on disk. */
    public static void clear() {
        synchronized (RECENT) {
            RECENT.clear();
        }
    }

    private static void trim() {
        Iterator<SoftReference<Inputs.Input>> eldestFirst = RECENT.values().iterator();
        while (RECENT.size() > capacity && eldestFirst.hasNext()) {
            eldestFirst.next();
            eldestFirst.remove();
        }
    }
}
