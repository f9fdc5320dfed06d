package org.stackscope.io.cycler.neware.tests;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Table;
import org.stackscope.io.cycler.neware.NewareCsvImporter;
import org.stackscope.io.cycler.neware.NewareNdaImporter;
import org.stackscope.io.cycler.neware.NewareNdaxImporter;

/**
 * Every Neware test file, mutated 20 times with a fixed seed (truncations and byte flips): matches() and read()
 * either succeed or throw ImportException, never another exception, and each file's mutants finish within 60 s.
 */
class NewareFuzzTest {

    static final int MUTATIONS = 20;

    @TempDir
    Path dir;

    @Test
    void mutatedFilesFailOnlyWithImportException() throws Exception {
        Path neware = NewareReferenceTest.neware();
        assumeTrue(neware != null && Files.isDirectory(neware), "shared test data absent");
        int reads = 0;
        int rejected = 0;
        for (Path file : NewareReferenceTest.testFiles()) {
            String name = file.getFileName().toString();
            Importer<Table> importer = name.endsWith(".nda") ? new NewareNdaImporter()
                    : name.endsWith(".ndax") ? new NewareNdaxImporter() : new NewareCsvImporter();
            byte[] original = Files.readAllBytes(file);
            Random random = new Random(name.hashCode());
            int[] counts = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                int[] c = new int[2];
                for (int m = 0; m < MUTATIONS; m++) {
                    Path mutant = Files.write(dir.resolve("m" + m + "_" + name), mutate(original, random, m));
                    try {
                        importer.matches(mutant);
                        importer.read(mutant, ImportSettings.DEFAULTS, Monitor.NONE);
                    } catch (ImportException e) {
                        assertTrue(e.getMessage().startsWith(mutant.toString()) && !e.getMessage().contains("\n"),
                                e.getMessage());
                        c[1]++;
                    }
                    c[0]++;
                    Files.delete(mutant);
                }
                return c;
            }, name);
            reads += counts[0];
            rejected += counts[1];
        }
        System.out.printf("Neware fuzz: %d mutants, %d rejected with ImportException, %d read%n", reads, rejected,
                reads - rejected);
    }

    /** Even mutations truncate at a random length; odd ones flip 1-16 bytes (half the time in the first 64 KiB). */
    static byte[] mutate(byte[] original, Random random, int m) {
        if (m % 2 == 0) {
            return java.util.Arrays.copyOf(original, random.nextInt(Math.max(1, original.length)));
        }
        byte[] b = original.clone();
        int flips = 1 + random.nextInt(16);
        int range = random.nextBoolean() ? Math.min(b.length, 1 << 16) : b.length;
        for (int k = 0; k < flips && range > 0; k++) {
            b[random.nextInt(range)] ^= (byte) (1 + random.nextInt(255));
        }
        return b;
    }
}
