package org.stackscope.io.volume.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.ImportSettings;
import org.stackscope.core.api.Monitor;
import org.stackscope.io.volume.tiff.SampleType;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.cell.CellGrid;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;

/**
 * Decides where the voxels of an imported volume live and fills them from a {@link PlaneSource}.
 * <ul>
 * <li>{@code memory}: a {@link PlanarImg} read completely during import (fast random access).</li>
 * <li>{@code on-demand}: an ImgLib2 {@link LazyCellImg} whose cells are slabs of whole planes (about
 * {@value #CELL_BYTES_TARGET} bytes each) read from the file when first touched; at most {@link #cacheBytes()}
 * (an eighth of the maximum heap, at most 1 GiB) of cells stay cached, least recently used first out. The file must
 * stay in place and unchanged while the volume is used.</li>
 * <li>{@code auto} (default): on-demand when the volume needs more than half of the maximum Java heap
 * ({@value #AUTO_HEAP_FRACTION} x -Xmx) or more than the heap has free now; else memory.</li>
 * </ul>
 * Setting {@code storage} = auto | memory | on-demand.
 */
public final class VolumeStorage {

    public static final String STORAGE = "storage";
    static final double AUTO_HEAP_FRACTION = 0.5;
    static final long CELL_BYTES_TARGET = 16L << 20;
    private static final long MAX_CACHE_BYTES = 1L << 30;

    /** The pixels and facts about how they are held, for {@code Volume.metadata()}. */
    public record Stored(RandomAccessibleInterval<? extends RealType<?>> image, Map<String, String> metadata) {
    }

    private VolumeStorage() {
    }

    /**
     * @param where the planes named in messages, e.g. "dataset /entry/data/data" or "bytes 0-1048575"
     */
    public static Stored load(Path file, String where, SampleType type, int width, int height, int depth,
            PlaneSource source, ImportSettings settings, Monitor monitor) throws ImportException {
        long planeSamples = (long) width * height;
        if (planeSamples > Integer.MAX_VALUE - 8) {
            throw new ImportException(file, where, "one plane of " + width + " x " + height + " samples is larger "
                    + "than a Java array can hold (2^31 samples)");
        }
        long bytes = planeSamples * depth * type.bytesPerSample();
        String mode = settings.get(STORAGE, "auto").trim().toLowerCase(Locale.ROOT);
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        boolean onDemand = switch (mode) {
            case "auto" -> bytes > AUTO_HEAP_FRACTION * rt.maxMemory() || bytes > free;
            case "memory" -> false;
            case "on-demand" -> true;
            default -> throw new ImportException(file, "import settings", "setting " + STORAGE + "=" + mode
                    + " is not one of auto, memory, on-demand");
        };
        Map<String, String> metadata = new LinkedHashMap<>();
        if (onDemand) {
            return new Stored(onDemand(file, type, width, height, depth, source, metadata), metadata);
        }
        String what = "the volume of " + width + " x " + height + " x " + depth + " " + type.id() + " samples needs "
                + mb(bytes) + " MB";
        if (bytes > free) {
            throw new ImportException(file, where, what + " but only " + mb(free) + " MB of the " + mb(rt
                    .maxMemory()) + " MB Java heap are free: use " + STORAGE + "=on-demand or auto, or a larger -Xmx");
        }
        PlanarImg<? extends RealType<?>, ?> image;
        try {
            image = type.allocate(width, height, depth);
        } catch (OutOfMemoryError e) {
            throw new ImportException(file, where, what + ", more than the Java heap can hold now: use "
                    + STORAGE + "=on-demand or a larger -Xmx");
        }
        monitor.begin("Reading " + file.getFileName(), depth);
        try (PlaneSource.Session session = source.open()) {
            for (int z = 0; z < depth; z++) {
                monitor.checkCanceled();
                session.read(z, 1, SampleType.planeArray(image, z));
                monitor.worked(1);
            }
        } catch (IOException e) {
            throw new ImportException(file, where, "could not be read (" + e.getMessage() + ")", e);
        } finally {
            monitor.done();
        }
        metadata.put(STORAGE, "memory");
        return new Stored(image, metadata);
    }

    /** Bytes of cells an on-demand volume keeps cached. */
    static long cacheBytes() {
        return Math.min(MAX_CACHE_BYTES, Runtime.getRuntime().maxMemory() / 8);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static RandomAccessibleInterval<? extends RealType<?>> onDemand(Path file, SampleType type, int width,
            int height, int depth, PlaneSource source, Map<String, String> metadata) {
        long planeBytes = (long) width * height * type.bytesPerSample();
        int slab = (int) Math.max(1, Math.min(depth, CELL_BYTES_TARGET / planeBytes));
        slab = (int) Math.max(1, Math.min(slab, (Integer.MAX_VALUE - 8L) / ((long) width * height)));
        CellGrid grid = new CellGrid(new long[] {width, height, depth}, new int[] {width, height, slab});
        int cachedCells = (int) Math.max(2, cacheBytes() / (planeBytes * slab));
        OnDemandCells cells = new OnDemandCells(file, type, grid, source, cachedCells);
        NativeType<?> pixel = Planes.pixelType(type);
        metadata.put(STORAGE, "on-demand");
        metadata.put("storage.cellPlanes", Integer.toString(slab));
        metadata.put("storage.cacheMB", Long.toString(mb(planeBytes * slab * cachedCells)));
        return (RandomAccessibleInterval<? extends RealType<?>>) new LazyCellImg(grid, (NativeType) pixel,
                (LazyCellImg.Get) cells);
    }

    private static long mb(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
