package org.stackscope.io.volume.tests;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Importer;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.model.Volume;
import org.stackscope.io.volume.hdf5.Hdf5Importer;
import org.stackscope.io.volume.raw.RawImporter;
import org.stackscope.io.volume.tiff.TiffImporter;
import org.stackscope.io.volume.tiff.TiffWriter;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Read throughput and peak heap of the raw, HDF5 and TIFF importers on a 1024 x 1024 x 256 uint16 volume (512 MiB;
 * not a unit test). For each storage mode (memory, on-demand, auto) it imports the file, then sums every voxel in
 * one flat pass, and prints seconds, MB/s, the peak heap (sum of pool peaks, an upper bound that includes garbage
 * not yet collected) and the heap retained after a full GC. Run with -Xmx4g (the budget), or -Xmx256m to
 * read a volume twice the heap (auto then chooses on-demand); with the bundle, org.stackscope.core, imglib2, gson
 * and jHDF (with slf4j-api, commons-lang3, compress-lzf) on the class path. Argument: an optional folder for the
 * temporary files (default: the system temp folder).
 */
public final class VolumeReadBench {

    private static final int W = 1024;
    private static final int H = 1024;
    private static final int D = 256;

    private VolumeReadBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory(args.length > 0 ? Path.of(args[0]) : Path.of(System.getProperty(
                "java.io.tmpdir")), "volume-bench");
        Path raw = dir.resolve("bench.raw");
        Path h5 = dir.resolve("bench.h5");
        Path tif = dir.resolve("bench.tif");
        try {
            long expected = writeRaw(raw);
            Files.writeString(dir.resolve("bench.hdr"), "dims = " + W + " " + H + " " + D + "\ntype = uint16\n");
            System.out.printf("volume %d x %d x %d uint16 = %d MiB, max heap %d MiB, %d processors%n", W, H, D,
                    (long) W * H * D * 2 >> 20, Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors());
            for (String storage : new String[] {"memory", "on-demand", "auto"}) {
                run("raw ", new RawImporter(), raw, storage, expected);
            }
            if (Runtime.getRuntime().maxMemory() < (3L << 30)) {
                System.out.println("hdf5, tiff: skipped, their writers need the whole 512 MiB volume (-Xmx3g+)");
                return;
            }
            writeHdf5(raw, h5);
            for (String storage : new String[] {"memory", "on-demand"}) {
                run("hdf5", new Hdf5Importer(), h5, storage, expected);
            }
            Files.delete(h5);
            Volume inMemory = new RawImporter().read(raw, new ImportSettings(Map.of("storage", "memory")),
                    Monitor.NONE);
            TiffWriter.write(inMemory, tif);
            inMemory = null;
            for (String storage : new String[] {"memory", "on-demand"}) {
                run("tiff", new TiffImporter(), tif, storage, expected);
            }
        } finally {
            for (String name : new String[] {"bench.raw", "bench.hdr", "bench.h5", "bench.tif"}) {
                Files.deleteIfExists(dir.resolve(name));
            }
            Files.delete(dir);
        }
    }

    private static void run(String label, Importer<Volume> importer, Path file, String storage, long expected)
            throws Exception {
        System.gc();
        resetPeaks();
        long start = System.nanoTime();
        Volume v;
        try {
            v = importer.read(file, new ImportSettings(Map.of("storage", storage)), Monitor.NONE);
        } catch (ImportException e) {
            System.out.printf("%s %-9s refused: %s%n", label, storage, e.reason());
            return;
        }
        double importSeconds = (System.nanoTime() - start) / 1e9;
        long peakImport = peakHeap();
        long retainedImport = retainedHeap();
        start = System.nanoTime();
        long sum = 0;
        for (RealType<?> t : Views.flatIterable(v.image())) {
            sum += (long) t.getRealDouble();
        }
        double passSeconds = (System.nanoTime() - start) / 1e9;
        if (sum != expected) {
            throw new AssertionError("sum of voxels " + sum + " != " + expected);
        }
        long peakPass = peakHeap();
        long retainedPass = retainedHeap();
        double mb = (double) W * H * D * 2 / 1e6;
        System.out.printf("%s %-9s -> %-9s import %5.2f s + full pass %5.2f s = %4.0f MB/s; heap peak/retained "
                + "after import %4d/%4d MiB, after pass %4d/%4d MiB%n", label, storage, v.metadata().get("storage"),
                importSeconds, passSeconds, mb / (importSeconds + passSeconds), peakImport >> 20,
                retainedImport >> 20, peakPass >> 20, retainedPass >> 20);
    }

    /** Smooth CT-like grey values; returns their sum. Written plane by plane (the heap never holds the file). */
    private static long writeRaw(Path file) throws Exception {
        long sum = 0;
        ByteBuffer plane = ByteBuffer.allocate(W * H * 2).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int z = 0; z < D; z++) {
                plane.clear();
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        int v = value(x, y, z);
                        plane.putShort((short) v);
                        sum += v;
                    }
                }
                plane.flip();
                while (plane.hasRemaining()) {
                    out.write(plane);
                }
            }
        }
        return sum;
    }

    private static int value(int x, int y, int z) {
        return (int) (20000 + 15000 * Math.sin(x / 40.0) * Math.cos(y / 55.0 + z / 30.0)) + (x * 7 + y * 13 + z) % 50;
    }

    /** The same voxels as a chunked (1 x 256 x 256) HDF5 dataset; jHDF's writer needs the whole array in memory. */
    private static void writeHdf5(Path raw, Path h5) throws Exception {
        short[][][] data = new short[D][H][W];
        ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
        for (short[][] plane : data) {
            for (short[] row : plane) {
                all.asShortBuffer().get(row);
                all.position(all.position() + row.length * 2);
            }
        }
        all = null;
        try (WritableHdfFile w = HdfFile.write(h5)) {
            w.putDataset("volume", data, DatasetCreationOptions.builder().unsigned().chunkDimensions(1, 256, 256)
                    .build());
        }
    }

    /** Heap in use after a full collection: what the volume (and its cell cache) really holds. */
    private static long retainedHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peaks since the reset (an upper bound: pools peak at different times). */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
