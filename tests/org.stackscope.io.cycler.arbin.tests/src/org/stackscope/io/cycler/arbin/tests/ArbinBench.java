package org.stackscope.io.cycler.arbin.tests;

import java.nio.file.Files;
import java.nio.file.Path;

import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Table;
import org.stackscope.io.cycler.arbin.ArbinCsvImporter;
import org.stackscope.io.cycler.arbin.ArbinResImporter;
import org.stackscope.io.cycler.arbin.ArbinXlsxImporter;

/**
 * Read throughput of the Arbin importers on the largest shared test files (or files given as arguments): rows/s
 * and MB/s of file, best of 10 reads after 5 warm-up reads. Run with -Dstackscope.shared=/path/to/shared.
 */
public final class ArbinBench {

    private ArbinBench() {
    }

    public static void main(String[] args) throws Exception {
        String shared = System.getProperty("stackscope.shared", "../shared");
        Path dir = Path.of(shared, "testdata", "arbin");
        String[] files = args.length > 0 ? args
                : new String[] { dir.resolve("cellpy_20210210_FC_01_cc_04_ratetest.res").toString(),
                        dir.resolve("navani_arbin_graphite_Li_Channel_11.xlsx").toString(),
                        dir.resolve("beep_arbin_2017-05-09_test-TC-contact_CH33.csv").toString() };
        for (String name : files) {
            Path file = Path.of(name);
            Importer<Table> importer = name.endsWith(".res") ? new ArbinResImporter()
                    : name.endsWith(".xlsx") ? new ArbinXlsxImporter() : new ArbinCsvImporter();
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
