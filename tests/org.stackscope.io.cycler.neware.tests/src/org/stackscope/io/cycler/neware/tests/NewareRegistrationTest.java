package org.stackscope.io.cycler.neware.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stackscope.core.api.DataKind;
import org.stackscope.core.registry.ImporterDescriptor;
import org.stackscope.core.registry.Registry;

/** plugin.xml contributes the three importers, and detection picks them for their files by content. */
class NewareRegistrationTest {

    @Test
    void importersAreRegisteredAndDetected() throws Exception {
        Registry registry = Registry.platform();
        Map<String, String> extensions = Map.of("neware-nda", "nda", "neware-ndax", "ndax", "neware-csv", "csv");
        extensions.forEach((id, extension) -> {
            ImporterDescriptor d = registry.importer(id).orElseThrow(() -> new AssertionError(id + " not registered: "
                    + registry.problems()));
            assertEquals(DataKind.CYCLER, d.kind());
            assertTrue(d.fileExtensions().contains(extension), d.fileExtensions().toString());
        });
        Path dir = NewareReferenceTest.neware();
        assumeTrue(dir != null && Files.isDirectory(dir), "shared test data absent");
        for (Path file : NewareReferenceTest.testFiles()) {
            String name = file.getFileName().toString();
            String expected = name.endsWith(".nda") ? "neware-nda" : name.endsWith(".ndax") ? "neware-ndax"
                    : "neware-csv";
            assertEquals(expected, registry.detect(file).id(), name);
        }
        assertTrue(registry.problems().stream().noneMatch(p -> p.contains("neware")),
                registry.problems().toString());
    }
}
