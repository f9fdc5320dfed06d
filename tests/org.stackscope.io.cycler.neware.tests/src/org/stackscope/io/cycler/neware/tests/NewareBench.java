package org.stackscope.io.cycler.neware.tests;

import java.nio.file.Files;
import java.nio.file.Path;

import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Table;
import org.stackscope.io.cycler.neware.NewareCsvImporter;
import org.stackscope.io.cycler.neware.NewareNdaImporter;
import org.stackscope.io.cycler.neware.NewareNdaxImporter;

/**
 * Read throughput of the Neware importers on the largest shared test files (or files given as arguments): rows/s
 * and MB/s of file, best of 10 reads after 5 warm-up reads. Run with -Dstackscope.shared=/path/to/shared.
 */
public final class NewareBench {

    private NewareBench() {
    }

    public static void main(String[] args) throws Exception {
        String shared = System.getProperty("stackscope.shared", "../shared");
        Path dir = Path.of(shared, "testdata", "neware");
        String[] files = args.length > 0 ? args
                : new String[] { dir.resolve("TestFile.nda").toString(), dir.resolve("navani_test.ndax").toString(),
                        dir.resolve("cellpy_neware_uio.csv").toString() };
        for (String name : files) {
            Path file = Path.of(name);
            Importer<Table> importer = name.endsWith(".nda") ? new NewareNdaImporter()
                    : name.endsWith(".ndax") ? new NewareNdaxImporter() : new NewareCsvImporter();
            double best = Double.MAX_VALUE;
            int rows = 0;
            for (int k = 0; k < 15; k++) {
                long t0 = System.nanoTime();
                rows = importer.read(file, ImportSettings.DEFAULTS, Monitor.NONE).rowCount();
                double s = (System.nanoTime() - t0) / 1e9;
                if (k >= 5) {
                    best = Math.min(best, s);
                }
            }
            double mb = Files.size(file) / 1e6;
            System.out.printf("%-32s %8d rows %7.2f MB  %8.2f ms  %10.0f rows/s  %7.1f MB/s%n",
                    file.getFileName(), rows, mb, best * 1e3, rows / best, mb / best);
        }
    }
}
