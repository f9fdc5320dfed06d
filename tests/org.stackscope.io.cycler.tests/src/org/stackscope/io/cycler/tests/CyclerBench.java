package org.stackscope.io.cycler.tests;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Column;
import org.stackscope.core.model.Table;
import org.stackscope.io.cycler.BioLogicMprImporter;
import org.stackscope.io.cycler.BioLogicMptImporter;

/**
 * Parse speed of one synthetic galvanostatic run of N rows (default 1,000,000) written as an EC-Lab .mpt (EC-Lab's
 * number format, tab-separated) and as an .mpr (data module version 3): best of 5 reads each, wall and CPU time in
 * ms and MB/s, and a check that both give the same table. Usage: CyclerBench [rows] [folder].
 */
public final class CyclerBench {

    private CyclerBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("cyclerbench");
        double[][] v = run(rows);
        Path mpt = dir.resolve("bench.mpt");
        Path mpr = dir.resolve("bench.mpr");
        writeMpt(mpt, v);
        Files.write(mpr, MprWriter.write(false, 3, 0x04, new MprWriter.Col(1, 0, v[0]), new MprWriter.Col(2, 0, v[1]),
                new MprWriter.Col(131, 2, v[2]), new MprWriter.Col(4, 8, v[3]), new MprWriter.Col(19, 4, v[4]),
                new MprWriter.Col(6, 4, v[5]), new MprWriter.Col(8, 4, v[6]), new MprWriter.Col(7, 8, v[7]),
                new MprWriter.Col(13, 8, v[8]), new MprWriter.Col(24, 8, v[9]), new MprWriter.Col(70, 4, v[10])));
        Table a = time("mpt", new BioLogicMptImporter(), mpt, rows);
        Table b = time("mpr", new BioLogicMprImporter(), mpr, rows);
        int equal = 0;
        for (Column c : b.columns()) {
            double[] x = c.values();
            double[] y = a.column(c.name()).values();
            for (int i = 0; i < x.length; i++) {
                if (!(Math.abs(x[i] - y[i]) <= 1e-8 + 1e-5 * Math.abs(y[i]))) {
                    throw new AssertionError(c.name() + " row " + i + ": " + x[i] + " vs " + y[i]);
                }
            }
            equal++;
        }
        System.out.printf(Locale.ROOT, "mpr and mpt equal in %d columns x %d rows (rtol 1e-5)%n", equal, rows);
    }

    private static Table time(String label, Importer<Table> importer, Path file, int rows) throws Exception {
        // CPU time of this thread as well as wall time: on a shared, oversubscribed machine the wall clock mostly
        // measures waiting for a core
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double mb = Files.size(file) / 1e6;
        long bestWall = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        Table t = null;
        for (int k = 0; k < 5; k++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            t = importer.read(file, ImportSettings.DEFAULTS, Monitor.NONE);
            bestWall = Math.min(bestWall, System.nanoTime() - start);
            bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - cpu);
        }
        if (t.rowCount() != rows) {
            throw new AssertionError(label + ": " + t.rowCount() + " rows");
        }
        System.out.printf(Locale.ROOT, "%s: %d rows, %.1f MB, best of 5: wall %.0f ms = %.0f MB/s, cpu %.0f ms = %.0f "
                + "MB/s (load average %.1f on %d cores)%n", label, rows, mb, bestWall / 1e6, mb / (bestWall / 1e9),
                bestCpu / 1e6, mb / (bestCpu / 1e9), ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        return t;
    }

    /** mode, ox/red, Ns, time, control/V, Ewe, I, dq, (Q-Qo), cycle number, P: 2 h charge / 2 h discharge cycles. */
    private static double[][] run(int rows) {
        double[][] v = new double[11][rows];
        double q = 0;
        for (int i = 0; i < rows; i++) {
            double t = i * 0.5;
            int halfCycle = (int) (t / 7200);
            boolean charge = halfCycle % 2 == 0;
            float current = charge ? 1.5f : -1.5f;
            float ewe = (float) (3.7 + (charge ? 0.4 : -0.4) * ((t % 7200) / 7200));
            double dq = current * 0.5 / 3600;
            q += dq;
            v[0][i] = 1;
            v[1][i] = charge ? 1 : 0;
            v[2][i] = charge ? 1 : 2;
            v[3][i] = t;
            v[4][i] = current;
            v[5][i] = ewe;
            v[6][i] = current;
            v[7][i] = dq;
            v[8][i] = q;
            v[9][i] = halfCycle / 2;
            v[10][i] = (float) (ewe * current * 1e-3);
        }
        return v;
    }

    private static void writeMpt(Path file, double[][] v) throws IOException {
        String[] headers = { "mode", "ox/red", "Ns", "time/s", "control/V", "Ewe/V", "I/mA", "dq/mA.h",
                "(Q-Qo)/mA.h", "cycle number", "P/W" };
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            out.write("EC-Lab ASCII FILE\r\nNb header lines : 5                          \r\n\r\n"
                    + "Galvanostatic Cycling with Potential Limitation\r\n");
            out.write(String.join("\t", headers) + "\t\r\n");
            StringBuilder line = new StringBuilder(256);
            for (int i = 0; i < v[0].length; i++) {
                line.setLength(0);
                for (int c = 0; c < headers.length; c++) {
                    double x = v[c][i];
                    if (c < 3) {
                        line.append((long) x);
                    } else if (c == 3 || c == 7 || c == 8 || c == 9) {
                        line.append(String.format(Locale.ROOT, "%.15E", x));
                    } else {
                        line.append(String.format(Locale.ROOT, "%.7E", x));
                    }
                    line.append('\t');
                }
                line.append("\r\n");
                out.append(line);
            }
        }
    }
}
