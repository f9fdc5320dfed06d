package org.stackscope.core.registry;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.stackscope.core.api.DataKind;
import org.stackscope.core.api.Importer;

/** One contributed importer: the attributes of its {@code importer} element and a factory for the class. */
public record ImporterDescriptor(String id, String name, DataKind kind, List<String> fileExtensions,
        Supplier<Importer<?>> factory) {

    public ImporterDescriptor {
        fileExtensions = fileExtensions.stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
    }

    /** True when the file name ends with one of the declared extensions. */
    public boolean acceptsExtension(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return fileExtensions.stream().anyMatch(e -> name.endsWith("." + e));
    }
}
