package org.stackscope.core.registry;

import java.util.List;
import java.util.function.Supplier;

import org.stackscope.core.api.Analysis;
import org.stackscope.core.api.DataKind;

/** One contributed analysis: the attributes of its {@code analysis} element and a factory for the class. */
public record AnalysisDescriptor(String id, String name, String category, String description,
        List<DataKind> inputKinds, Class<?> settingsClass, Supplier<Analysis<?>> factory) {

    public AnalysisDescriptor {
        inputKinds = List.copyOf(inputKinds);
    }
}
