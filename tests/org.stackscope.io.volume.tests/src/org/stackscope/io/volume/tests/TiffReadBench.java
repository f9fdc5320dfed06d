package org.stackscope.io.volume.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Axis;
import org.stackscope.core.model.Volume;
import org.stackscope.io.volume.tiff.SampleType;
import org.stackscope.io.volume.tiff.TiffImporter;
import org.stackscope.io.volume.tiff.TiffWriter;

/**
 * Read throughput of the TIFF importer (not a unit test): writes a 512 x 512 x 256 uint16 volume (128 MB) to a
 * temporary file, uncompressed and Deflate, reads each several times and prints MB/s of decoded pixels. Run with the
 * bundle, org.stackscope.core and imglib2 on the class path.
 */
public final class TiffReadBench {

    private static final int WIDTH = 512;
    private static final int HEIGHT = 512;
    private static final int DEPTH = 256;
    private static final int RUNS = 5;

    private TiffReadBench() {
    }

    public static void main(String[] args) throws Exception {
        Volume volume = smoothVolume();
        Path dir = Files.createTempDirectory("tiff-bench");
        try {
            for (TiffWriter.Compression compression : TiffWriter.Compression.values()) {
                Path file = dir.resolve("bench-" + compression + ".tif");
                TiffWriter.write(volume, file, TiffWriter.Options.DEFAULT.withCompression(compression), Monitor.NONE);
                double megabytes = (double) WIDTH * HEIGHT * DEPTH * 2 / 1e6;
                double best = Double.MAX_VALUE;
                for (int run = 0; run < RUNS; run++) {
                    long start = System.nanoTime();
                    new TiffImporter().read(file, ImportSettings.DEFAULTS, Monitor.NONE);
                    best = Math.min(best, (System.nanoTime() - start) / 1e9);
                }
                System.out.printf("%-8s %7.1f MB in file, best of %d reads %.3f s = %.0f MB/s%n", compression,
                        Files.size(file) / 1e6, RUNS, best, megabytes / best);
                Files.delete(file);
            }
        } finally {
            Files.delete(dir);
        }
    }

    /** A CT-like volume: smooth grey values plus a little noise, so that Deflate has something realistic to do. */
    private static Volume smoothVolume() {
        var image = SampleType.UINT16.allocate(WIDTH, HEIGHT, DEPTH);
        for (int z = 0; z < DEPTH; z++) {
            short[] plane = (short[]) SampleType.planeArray(image, z);
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    double grey = 20000 + 15000 * Math.sin(x / 40.0) * Math.cos(y / 55.0 + z / 30.0);
                    plane[y * WIDTH + x] = (short) (grey + (TestVolumes.noise(x, y, z) & 0xFF));
                }
            }
        }
        return new Volume(image, "uint16", new double[] {0.39, 0.39, 0.39}, Axis.Z,
                Map.of());
    }
}
