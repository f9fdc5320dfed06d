package org.stackscope.io.cycler.arbin.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.registry.ImporterDescriptor;
import org.stackscope.core.registry.Registry;

/** plugin.xml contributes the three importers, and detection picks them for their files by content. */
class ArbinRegistrationTest {

    @Test
    void importersAreRegisteredAndDetected() throws Exception {
        Registry registry = Registry.platform();
        Map<String, String> extensions = Map.of("arbin-res", "res", "arbin-csv", "csv", "arbin-xlsx", "xlsx");
        extensions.forEach((id, extension) -> {
            ImporterDescriptor d = registry.importer(id).orElseThrow(() -> new AssertionError(id + " not registered: "
                    + registry.problems()));
            assertEquals(DataKind.CYCLER, d.kind());
            assertTrue(d.fileExtensions().contains(extension), d.fileExtensions().toString());
        });
        Path dir = ArbinImportersTest.arbin();
        assumeTrue(dir != null && Files.isDirectory(dir), "shared test data absent");
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> !p.toString().endsWith("_Metadata.csv")).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            String expected = name.endsWith(".res") ? "arbin-res" : name.endsWith(".xlsx") ? "arbin-xlsx"
                    : "arbin-csv";
            assertEquals(expected, registry.detect(file).id(), name);
        }
    }
}
