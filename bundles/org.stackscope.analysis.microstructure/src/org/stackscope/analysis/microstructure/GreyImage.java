package org.stackscope.analysis.microstructure;

import java.util.Map;

import org.stackscope.core.model.Axis;
import org.stackscope.core.model.Volume;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.view.Views;

/**
 * A grey volume as unsigned 16-bit planes ({@code planes[z][x + y * nx]}), the working form of the filters and
 * segmenters. 8- and 16-bit unsigned volumes keep their values; signed and float volumes are mapped linearly onto
 * 0..65535 and {@link #toOriginal} maps back, so thresholds and means are reported in the input's own grey units.
 * A 16-bit planar input is used without a copy (and never written to).
 */
final class GreyImage {

    final int nx;
    final int ny;
    final int nz;
    final short[][] planes;
    /** original grey = offset + scale * stored value. */
    final double offset;
    final double scale;

    GreyImage(int nx, int ny, int nz, short[][] planes, double offset, double scale) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.planes = planes;
        this.offset = offset;
        this.scale = scale;
    }

    /** An empty image of the same size and grey mapping. */
    GreyImage blankLike() {
        return new GreyImage(nx, ny, nz, new short[nz][nx * ny], offset, scale);
    }

    int plane() {
        return nx * ny;
    }

    long voxels() {
        return (long) nx * ny * nz;
    }

    double toOriginal(double stored) {
        return offset + scale * stored;
    }

    double toStored(double original) {
        return (original - offset) / scale;
    }

    @SuppressWarnings("unchecked")
    static GreyImage of(Volume volume) {
        RandomAccessibleInterval<? extends RealType<?>> image = volume.image();
        long[] d = volume.dimensions();
        if (d[0] * d[1] > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("slices of " + d[0] + " x " + d[1] + " voxels are too large");
        }
        int nx = (int) d[0];
        int ny = (int) d[1];
        int nz = Math.toIntExact(d[2]);
        if (image instanceof PlanarImg<?, ?> planar && planar.firstElement() instanceof UnsignedShortType
                && image.min(0) == 0 && image.min(1) == 0 && image.min(2) == 0) {
            PlanarImg<UnsignedShortType, ShortArray> p = (PlanarImg<UnsignedShortType, ShortArray>) planar;
            short[][] planes = new short[nz][];
            for (int z = 0; z < nz; z++) {
                planes[z] = p.getPlane(z).getCurrentStorageArray();
            }
            return new GreyImage(nx, ny, nz, planes, 0, 1);
        }
        String type = volume.sampleType();
        boolean keep = type.equals("uint8") || type.equals("uint16");
        double min = 0;
        double max = 65535;
        if (!keep) {
            min = Double.POSITIVE_INFINITY;
            max = Double.NEGATIVE_INFINITY;
            for (RealType<?> t : Views.flatIterable(image)) {
                double v = t.getRealDouble();
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("the volume holds a non-finite grey value (" + v + ")");
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (max == min) {
                max = min + 1;
            }
        }
        double scale = keep ? 1 : (max - min) / 65535.0;
        double offset = keep ? 0 : min;
        short[][] planes = new short[nz][nx * ny];
        Cursor<? extends RealType<?>> c = Views.flatIterable(image).cursor();
        for (int z = 0; z < nz; z++) {
            short[] p = planes[z];
            for (int i = 0; i < p.length; i++) {
                double v = c.next().getRealDouble();
                p[i] = (short) (keep ? (int) v : (int) Math.round((v - offset) / scale));
            }
        }
        return new GreyImage(nx, ny, nz, planes, offset, scale);
    }

    /** This image as a 16-bit {@link Volume} (the planes are shared, not copied). */
    Volume toVolume(double[] voxelSizeUm, Axis pressureAxis, Map<String, String> metadata) {
        PlanarImg<UnsignedShortType, ShortArray> img = PlanarImgs.unsignedShorts(nx, ny, nz);
        for (int z = 0; z < nz; z++) {
            img.setPlane(z, new ShortArray(planes[z]));
        }
        return new Volume(img, "uint16", voxelSizeUm, pressureAxis, metadata);
    }

    /** Histogram of the stored values in {@code bins} equal bins over [lo, hi] (values outside are clamped). */
    long[] histogram(int bins, int lo, int hi, int threads) {
        double width = Math.max(1e-9, (hi - lo + 1) / (double) bins);
        java.util.List<long[]> parts = Parallel.map(threads, nz, z -> {
            long[] h = new long[bins];
            for (short s : planes[z]) {
                int b = (int) (((s & 0xFFFF) - lo) / width);
                h[Math.min(bins - 1, Math.max(0, b))]++;
            }
            return h;
        });
        long[] h = new long[bins];
        for (long[] p : parts) {
            for (int b = 0; b < bins; b++) {
                h[b] += p[b];
            }
        }
        return h;
    }

    /** Smallest and largest stored value. */
    int[] range(int threads) {
        java.util.List<int[]> parts = Parallel.map(threads, nz, z -> {
            int lo = 65535;
            int hi = 0;
            for (short s : planes[z]) {
                int v = s & 0xFFFF;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            return new int[] { lo, hi };
        });
        int lo = 65535;
        int hi = 0;
        for (int[] p : parts) {
            lo = Math.min(lo, p[0]);
            hi = Math.max(hi, p[1]);
        }
        return new int[] { lo, hi };
    }
}
