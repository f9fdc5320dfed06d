package org.stackscope.analysis.microstructure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.stackscope.core.api.CanceledException;
import org.stackscope.core.api.Monitor;
import org.stackscope.core.concurrent.Futures;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

/**
 * A label image as one unsigned-byte array per Z plane (index {@code x + nx * y}), the layout the surface scans
 * need. Planar unsigned-byte images are used without a copy; anything else is copied once, plane by plane in
 * parallel, and checked to hold integer labels 0-255.
 */
final class LabelPlanes {

    final int nx;
    final int ny;
    final int nz;
    final byte[][] planes;
    /** Voxel count of every label value 0-255. */
    final long[] histogram;

    private LabelPlanes(int nx, int ny, int nz, byte[][] planes, long[] histogram) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.planes = planes;
        this.histogram = histogram;
    }

    /** Label values present, ascending. */
    int[] labels() {
        int n = 0;
        for (long c : histogram) {
            n += c > 0 ? 1 : 0;
        }
        int[] out = new int[n];
        for (int v = 0, i = 0; v < 256; v++) {
            if (histogram[v] > 0) {
                out[i++] = v;
            }
        }
        return out;
    }

    int label(int x, int y, int z) {
        return planes[z][x + nx * y] & 0xff;
    }

    /**
     * @throws IllegalArgumentException naming the first voxel whose value is not an integer label 0-255, or when a
     *             plane holds more than 2^31 voxels
     */
    static LabelPlanes of(RandomAccessibleInterval<? extends RealType<?>> image, ExecutorService pool,
            Monitor monitor) {
        int nx = Math.toIntExact(image.dimension(0));
        int ny = Math.toIntExact(image.dimension(1));
        int nz = Math.toIntExact(image.dimension(2));
        Math.multiplyExact(nx, ny);
        PlanarImg<?, ?> planar = image instanceof PlanarImg<?, ?> p && p.firstElement() instanceof UnsignedByteType
                && p.numSlices() == nz && p.getPlane(0) instanceof ByteArray ? p : null;
        byte[][] planes = new byte[nz][];
        List<Future<long[]>> futures = new ArrayList<>(nz);
        for (int z = 0; z < nz; z++) {
            int plane = z;
            futures.add(pool.submit(() -> {
                if (monitor.isCanceled()) {
                    throw new CanceledException();
                }
                byte[] labels = planar != null ? ((ByteArray) planar.getPlane(plane)).getCurrentStorageArray()
                        : copyPlane(image, plane, nx);
                planes[plane] = labels;
                long[] h = new long[256];
                for (byte b : labels) {
                    h[b & 0xff]++;
                }
                return h;
            }));
        }
        long[] histogram = new long[256];
        for (long[] h : Futures.awaitAll(futures, () -> { })) {
            for (int v = 0; v < 256; v++) {
                histogram[v] += h[v];
            }
        }
        return new LabelPlanes(nx, ny, nz, planes, histogram);
    }

    private static byte[] copyPlane(RandomAccessibleInterval<? extends RealType<?>> image, int z, int nx) {
        var slice = Views.hyperSlice(image, 2, image.min(2) + z);
        byte[] out = new byte[Math.toIntExact(slice.dimension(0) * slice.dimension(1))];
        Cursor<? extends RealType<?>> c = Views.flatIterable(slice).cursor();
        boolean integer = slice.getType() instanceof IntegerType;
        for (int i = 0; c.hasNext(); i++) {
            RealType<?> t = c.next();
            double v = integer ? ((IntegerType<?>) t).getInteger() : t.getRealDouble();
            if (v < 0 || v > 255 || v != Math.rint(v)) {
                throw new IllegalArgumentException("voxel (" + i % nx + ", " + i / nx + ", " + z + ") holds " + v
                        + ", not an integer label 0-255; segment the volume first");
            }
            out[i] = (byte) v;
        }
        return out;
    }
}
