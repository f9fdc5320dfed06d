package org.stackscope.io.cycler.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Table;

/** Files of shared/testdata (folder from the system property stackscope.shared); tests skip when it is absent. */
final class TestData {

    private TestData() {
    }

    static Path root() {
        String shared = System.getProperty("stackscope.shared");
        Path root = shared == null ? null : Path.of(shared, "testdata");
        assumeTrue(root != null && Files.isDirectory(root), "shared test data not present");
        return root;
    }

    static Path file(String relative) {
        Path f = root().resolve(relative);
        assumeTrue(Files.isRegularFile(f), relative + " not present");
        return f;
    }

    static Table read(Importer<Table> importer, String relative) throws Exception {
        return importer.read(file(relative), ImportSettings.DEFAULTS, Monitor.NONE);
    }

    /** The MANIFEST.tsv row of a file: all its columns joined, for the expected values it states. */
    static String manifest(String relative) throws IOException {
        List<String> lines = Files.readAllLines(root().resolve("MANIFEST.tsv"));
        return lines.stream().filter(l -> l.startsWith(relative + "\t")).findFirst()
                .orElseThrow(() -> new AssertionError(relative + " not in MANIFEST.tsv"));
    }

    /** The first integer group of {@code regex} in the file's MANIFEST row. */
    static int expected(String relative, String regex) throws IOException {
        Matcher m = Pattern.compile(regex).matcher(manifest(relative));
        if (!m.find()) {
            fail("MANIFEST row of " + relative + " does not state " + regex);
        }
        return Integer.parseInt(m.group(1));
    }

    /** Element-wise |a-b| <= atol + rtol*|b| (NaN equals NaN). */
    static void assertClose(double[] expected, double[] actual, double rtol, double atol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i];
            if (!(Double.isNaN(e) && Double.isNaN(a)) && !(Math.abs(a - e) <= atol + rtol * Math.abs(e))) {
                fail(what + " row " + i + ": expected " + e + ", got " + a);
            }
        }
    }
}
