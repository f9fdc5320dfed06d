package org.stackscope.core.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;
import org.stackscope.core.api.Analysis;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.Importer;

/** Reads the two extension points from the Eclipse extension registry (headless and workbench alike). */
final class ExtensionReader {

    static final String IMPORTERS = "org.stackscope.core.importers";
    static final String ANALYSES = "org.stackscope.core.analyses";

    private ExtensionReader() {
    }

    /** Contributor and id of every contributed element of both points, in registry order. */
    static List<String> fingerprint(IExtensionRegistry registry) {
        List<String> out = new ArrayList<>();
        for (String point : List.of(IMPORTERS, ANALYSES)) {
            for (IConfigurationElement el : registry.getConfigurationElementsFor(point)) {
                out.add(el.getContributor().getName() + "/" + el.getAttribute("id"));
            }
        }
        return out;
    }

    static List<ImporterDescriptor> importers(IExtensionRegistry registry, List<String> problems) {
        List<ImporterDescriptor> out = new ArrayList<>();
        for (IConfigurationElement el : registry.getConfigurationElementsFor(IMPORTERS)) {
            try {
                out.add(new ImporterDescriptor(required(el, "id"), required(el, "name"),
                        DataKind.fromId(required(el, "dataKind")), splitList(el.getAttribute("fileExtensions")),
                        importerFactory(el)));
            } catch (RuntimeException e) {
                problems.add(describe(el) + ": " + e.getMessage());
            }
        }
        return out;
    }

    static List<AnalysisDescriptor> analyses(IExtensionRegistry registry, List<String> problems) {
        List<AnalysisDescriptor> out = new ArrayList<>();
        for (IConfigurationElement el : registry.getConfigurationElementsFor(ANALYSES)) {
            try {
                List<DataKind> kinds = splitList(required(el, "inputKinds")).stream().map(DataKind::fromId).toList();
                Class<?> settings = loadClass(el, required(el, "settingsClass"));
                String description = el.getAttribute("description");
                out.add(new AnalysisDescriptor(required(el, "id"), required(el, "name"), required(el, "category"),
                        description == null ? "" : description, kinds, settings, analysisFactory(el)));
            } catch (RuntimeException e) {
                problems.add(describe(el) + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static Supplier<Importer<?>> importerFactory(IConfigurationElement el) {
        Supplier<Object> create = factory(el);
        return () -> (Importer<?>) create.get();
    }

    private static Supplier<Analysis<?>> analysisFactory(IConfigurationElement el) {
        Supplier<Object> create = factory(el);
        return () -> (Analysis<?>) create.get();
    }

    private static Supplier<Object> factory(IConfigurationElement el) {
        required(el, "class");
        return () -> {
            try {
                return el.createExecutableExtension("class");
            } catch (CoreException e) {
                throw new IllegalStateException(describe(el) + ": cannot create " + el.getAttribute("class") + ": "
                        + e.getMessage(), e);
            }
        };
    }

    private static Class<?> loadClass(IConfigurationElement el, String className) {
        Bundle bundle = Platform.getBundle(el.getContributor().getName());
        try {
            return bundle.loadClass(className);
        } catch (ClassNotFoundException | NullPointerException e) {
            throw new IllegalStateException("settings class " + className + " not found in "
                    + el.getContributor().getName());
        }
    }

    private static String required(IConfigurationElement el, String attribute) {
        String v = el.getAttribute(attribute);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("attribute '" + attribute + "' is missing");
        }
        return v.trim();
    }

    static List<String> splitList(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    private static String describe(IConfigurationElement el) {
        return el.getContributor().getName() + " " + el.getName() + " '" + el.getAttribute("id") + "'";
    }
}
