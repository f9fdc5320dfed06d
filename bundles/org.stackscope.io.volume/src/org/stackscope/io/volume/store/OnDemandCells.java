package org.stackscope.io.volume.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.stackscope.core.api.ImportException;
import org.stackscope.io.volume.tiff.SampleType;

import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.cell.CellGrid;
import net.imglib2.img.cell.LazyCellImg;

/**
 * Cells of whole Z slabs, read from a {@link PlaneSource} when first touched and kept in a least-recently-used cache
 * of bounded size. The cells are read-only copies: values written into a cell are lost when it is evicted.
 * Thread-safe: two threads asking for the same absent cell may both read it; one copy stays.
 */
final class OnDemandCells implements LazyCellImg.Get<Cell<ArrayDataAccess<?>>> {

    private final Path file;
    private final SampleType type;
    private final CellGrid grid;
    private final PlaneSource source;
    private final int maxCachedCells;
    private final Map<Long, Cell<ArrayDataAccess<?>>> cache = new LinkedHashMap<>(16, 0.75f, true);

    OnDemandCells(Path file, SampleType type, CellGrid grid, PlaneSource source, int maxCachedCells) {
        this.file = file;
        this.type = type;
        this.grid = grid;
        this.source = source;
        this.maxCachedCells = Math.max(1, maxCachedCells);
    }

    @Override
    public Cell<ArrayDataAccess<?>> get(long index) {
        synchronized (cache) {
            Cell<ArrayDataAccess<?>> cached = cache.get(index);
            if (cached != null) {
                return cached;
            }
        }
        Cell<ArrayDataAccess<?>> cell = load(index);
        synchronized (cache) {
            cache.put(index, cell);
            Iterator<Long> eldest = cache.keySet().iterator();
            while (cache.size() > maxCachedCells) {
                eldest.next();
                eldest.remove();
            }
        }
        return cell;
    }

    private Cell<ArrayDataAccess<?>> load(long index) {
        long[] min = new long[3];
        int[] size = new int[3];
        grid.getCellDimensions(index, min, size);
        Object samples = Planes.newArray(type, (long) size[0] * size[1] * size[2]);
        try (PlaneSource.Session session = source.open()) {
            session.read((int) min[2], size[2], samples);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": planes " + (min[2] + 1) + "-" + (min[2] + size[2])
                    + ": could not be read on demand (" + e.getMessage() + ")", e);
        } catch (ImportException e) {
            throw new IllegalStateException(e.getMessage() + " (read on demand: the file changed or is corrupt "
                    + "beyond what the import could check)", e);
        }
        return new Cell<>(size, min, Planes.access(samples));
    }
}
