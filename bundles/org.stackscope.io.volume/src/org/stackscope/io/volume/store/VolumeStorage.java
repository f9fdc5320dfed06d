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
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.cell.CellGrid;
import net.imglib2.img.cell.CellImg;
import net.imglib2.img.cell.CellImgFactory;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;

/**
 * Decides where the voxels of an imported volume live and fills them from a {@link PlaneSource}.
 * <ul>
 * <li>{@code memory}: an ImgLib2 {@link CellImg} whose cells are slabs of whole planes (see {@link #slabGrid}),
 * read completely during import.</li>
 * <li>{@code on-demand}: an ImgLib2 {@link LazyCellImg} with the same slab cells, read from the file when first
 * touched; at most {@link #cacheBytes()} (an eighth of the maximum heap, at most 1 GiB) of cells stay cached, least
 * recently used first out. The file must stay in place and unchanged while the volume is used, and content that
 * cannot be decoded (a corrupt compressed TIFF strip) surfaces only when its cell is read.</li>
 * <li>{@code auto} (default): on-demand when the volume needs more than half of the maximum Java heap
 * ({@value #AUTO_HEAP_FRACTION} x -Xmx) or more than the heap has free now; else memory.</li>
 * </ul>
 * Setting {@code storage} = auto | memory | on-demand.
 */
public final class VolumeStorage {

    public static final String STORAGE = "storage";
    static final double AUTO_HEAP_FRACTION = 0.5;
    static final long CELL_BYTES_TARGET = 32L << 20;
    private static final long MAX_CACHE_BYTES = 1L << 30;

    /** The pixels and facts about how they are held, for {@code Volume.metadata()}. */
    public record Stored(RandomAccessibleInterval<? extends RealType<?>> image, Map<String, String> metadata) {
    }

    private VolumeStorage() {
    }

    /**
     * @param where the planes named in messages, e.g. "dataset /entry/data/data" or "bytes 0-1048575"
     */
    @SuppressWarnings("unchecked")
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
        metadata.put(STORAGE, onDemand ? "on-demand" : "memory");
        CellGrid grid = slabGrid(type, width, height, depth);
        metadata.put("storage.cellPlanes", Integer.toString(grid.cellDimension(2)));
        if (onDemand) {
            return new Stored(onDemand(file, type, grid, source, metadata), metadata);
        }
        String what = "the volume of " + width + " x " + height + " x " + depth + " " + type.id() + " samples needs "
                + mb(bytes) + " MB";
        if (bytes > free) {
            throw new ImportException(file, where, what + " but only " + mb(free) + " MB of the " + mb(rt
                    .maxMemory()) + " MB Java heap are free: use " + STORAGE + "=on-demand or auto, or a larger -Xmx");
        }
        CellImg<?, ?> image;
        try {
            image = inMemory(type, grid);
        } catch (OutOfMemoryError e) {
            throw new ImportException(file, where, what + ", more than the Java heap can hold now: use "
                    + STORAGE + "=on-demand or a larger -Xmx");
        }
        monitor.begin("Reading " + file.getFileName(), depth);
        try (PlaneSource.Session session = source.open()) {
            // plane by plane (through one scratch plane) so that progress and cancellation are per plane
            Object plane = Planes.newArray(type, planeSamples);
            for (Cell<?> cell : image.getCells()) {
                Object samples = ((ArrayDataAccess<?>) cell.getData()).getCurrentStorageArray();
                for (int z = 0; z < cell.dimension(2); z++) {
                    monitor.checkCanceled();
                    session.read((int) cell.min(2) + z, 1, plane);
                    System.arraycopy(plane, 0, samples, (int) (z * planeSamples), (int) planeSamples);
                    monitor.worked(1);
                }
            }
        } catch (IOException e) {
            throw new ImportException(file, where, "could not be read (" + e.getMessage() + ")", e);
        } finally {
            monitor.done();
        }
        return new Stored((RandomAccessibleInterval<? extends RealType<?>>) image, metadata);
    }

    /**
     * Cells of whole XY planes, about {@value #CELL_BYTES_TARGET} bytes each. Not one array per plane: a power-of-two
     * plane (1024 x 1024 uint16 = 2 MiB) plus its array header would take two 2 MiB G1 heap regions, doubling the
     * footprint of a planar image at -Xmx4g; a multi-plane cell wastes at most one region.
     */
    static CellGrid slabGrid(SampleType type, int width, int height, int depth) {
        long planeSamples = (long) width * height;
        long slab = Math.min(depth, CELL_BYTES_TARGET / (planeSamples * type.bytesPerSample()));
        slab = Math.max(1, Math.min(slab, (Integer.MAX_VALUE - 8L) / planeSamples));
        return new CellGrid(new long[] {width, height, depth}, new int[] {width, height, (int) slab});
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static CellImg<?, ?> inMemory(SampleType type, CellGrid grid) {
        return new CellImgFactory((NativeType) Planes.pixelType(type), grid.getCellDimensions()).create(grid
                .getImgDimensions());
    }

    /** Bytes of cells an on-demand volume keeps cached. */
    static long cacheBytes() {
        return Math.min(MAX_CACHE_BYTES, Runtime.getRuntime().maxMemory() / 8);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static RandomAccessibleInterval<? extends RealType<?>> onDemand(Path file, SampleType type, CellGrid grid,
            PlaneSource source, Map<String, String> metadata) {
        long cellBytes = (long) grid.cellDimension(0) * grid.cellDimension(1) * grid.cellDimension(2) * type
                .bytesPerSample();
        int cachedCells = (int) Math.max(2, cacheBytes() / cellBytes);
        metadata.put("storage.cacheMB", Long.toString(mb(cellBytes * cachedCells)));
        OnDemandCells cells = new OnDemandCells(file, type, grid, source, cachedCells);
        return (RandomAccessibleInterval<? extends RealType<?>>) new LazyCellImg(grid, (NativeType) Planes.pixelType(
                type), (LazyCellImg.Get) cells);
    }

    private static long mb(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
