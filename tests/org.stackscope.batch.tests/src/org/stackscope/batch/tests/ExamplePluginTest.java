package org.stackscope.batch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.stackscope.batch.Cli;
import org.stackscope.core.registry.Registry;
import org.stackscope.core.results.Json;

/**
 * The example third-party plugin (examples/org.stackscope.example.analysis), installed into the running platform
 * the way p2 installs a plugin: its analysis appears in {@code analyses}, runs, and disappears on uninstall.
 */
class ExamplePluginTest {

    private static final String ID = "example.grey-statistics";

    private static Path exampleJar() throws Exception {
        Path target = TestFiles.repositoryRoot().resolve("examples/org.stackscope.example.analysis/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("org\\.stackscope\\.example\\.analysis-.*\\.jar")
                    && !p.getFileName().toString().contains("sources")).findFirst()
                    .orElseThrow(() -> new AssertionError("the reactor builds the example plugin before the tests"));
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    @Test
    void installedPluginIsListedRunsAndLeavesOnUninstall() throws Exception {
        assertFalse(Registry.platform().analysis(ID).isPresent(), "not part of the product");
        BundleContext context = FrameworkUtil.getBundle(Cli.class).getBundleContext();
        Bundle plugin = context.installBundle(exampleJar().toUri().toString());
        try {
            plugin.start();
            await(() -> Registry.platform().analysis(ID).isPresent(), "registry sees the new analysis; state "
                    + plugin.getState() + " contributions " + java.util.Arrays.stream(org.eclipse.core.runtime.RegistryFactory.getRegistry()
                    .getConfigurationElementsFor("org.stackscope.core.analyses")).map(e -> e.getAttribute("id")).toList()
                    + " problems " + Registry.platform().problems());
            CliRun analyses = CliRun.of("analyses");
            assertTrue(analyses.out().lines().anyMatch(l -> l.startsWith(ID + "\texample\tvolume\t")), analyses.out());

            Path tif = TestFiles.exampleStudy().resolve("composite.tif");
            CliRun r = CliRun.of("analyze", ID, tif.toString());
            assertEquals(0, r.exitCode(), r.toString());
            Map<String, Object> expected = Json.readObject(Files.readString(TestFiles.exampleStudy()
                    .resolve("expected.json")));
            Map<?, ?> counts = (Map<?, ?>) expected.get("counts");
            double sum = ((Number) counts.get("SE")).doubleValue() + 2 * ((Number) counts.get("AM")).doubleValue()
                    + 3 * ((Number) counts.get("CARBON")).doubleValue();
            double voxels = ((Number) expected.get("voxels")).doubleValue();
            assertEquals(sum / voxels, r.metric("grey.mean"), 1e-12);
            assertEquals(0, r.metric("grey.min"));
            assertEquals(3, r.metric("grey.max"));
            assertEquals(voxels, r.metric("grey.count"));

            CliRun bad = CliRun.of("analyze", ID, tif.toString(), "--set", "lower=5", "--set", "upper=1");
            assertEquals(2, bad.exitCode(), bad.toString());
        } finally {
            plugin.uninstall();
        }
        await(() -> Registry.platform().analysis(ID).isEmpty(), "registry forgets the uninstalled analysis");
    }
}
