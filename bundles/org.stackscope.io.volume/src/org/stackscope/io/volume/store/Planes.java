package org.stackscope.io.volume.store;

import org.stackscope.io.volume.tiff.SampleType;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.cell.AbstractCellImg;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Primitive sample arrays of a volume's {@link SampleType} (byte[] for uint8, short[] for uint16 and int16, float[]
 * for float32), and copies into them from the Java arrays file libraries return, converting the value range.
 */
public final class Planes {

    private Planes() {
    }

    /** A zeroed sample array of {@code samples} elements. */
    public static Object newArray(SampleType type, long samples) {
        if (samples > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(samples + " samples do not fit in one Java array");
        }
        int n = (int) samples;
        return switch (type) {
            case UINT8 -> new byte[n];
            case UINT16, INT16 -> new short[n];
            case FLOAT32 -> new float[n];
        };
    }

    /**
     * Copies plane {@code z} (counted from the image's min) of a 3-D image into {@code target} (byte[], short[] or
     * float[] of its X·Y samples): an array copy for planar images and for cell images whose cells span whole
     * planes (what the importers make), a cursor pass converting values otherwise.
     */
    public static void copyPlane(RandomAccessibleInterval<? extends RealType<?>> image, int z, Object target) {
        int planeSamples = (int) (image.dimension(0) * image.dimension(1));
        if (image instanceof PlanarImg<?, ?> planar && planar.numSlices() == image.dimension(2)) {
            Object plane = planar.getPlane(z).getCurrentStorageArray();
            if (plane.getClass() == target.getClass()) {
                System.arraycopy(plane, 0, target, 0, planeSamples);
                return;
            }
        }
        if (image instanceof AbstractCellImg<?, ?, ?, ?> cells && cells.getCellGrid().cellDimension(0) == image
                .dimension(0) && cells.getCellGrid().cellDimension(1) == image.dimension(1)) {
            RandomAccess<? extends Cell<?>> ra = cells.getCells().randomAccess();
            ra.setPosition(new long[] {0, 0, z / cells.getCellGrid().cellDimension(2)});
            Cell<?> cell = ra.get();
            Object data = ((ArrayDataAccess<?>) cell.getData()).getCurrentStorageArray();
            if (data.getClass() == target.getClass()) {
                System.arraycopy(data, (int) (z - cell.min(2)) * planeSamples, target, 0, planeSamples);
                return;
            }
        }
        Cursor<? extends RealType<?>> cursor = Views.flatIterable(Views.hyperSlice(image, 2, image.min(2) + z))
                .cursor();
        for (int i = 0; cursor.hasNext(); i++) {
            double v = cursor.next().getRealDouble();
            switch (target) {
                case byte[] b -> b[i] = (byte) (int) v;
                case short[] s -> s[i] = (short) (int) v;
                default -> ((float[]) target)[i] = (float) v;
            }
        }
    }

    static ArrayDataAccess<?> access(Object samples) {
        if (samples instanceof byte[] b) {
            return new ByteArray(b);
        }
        if (samples instanceof short[] s) {
            return new ShortArray(s);
        }
        return new FloatArray((float[]) samples);
    }

    static NativeType<?> pixelType(SampleType type) {
        return switch (type) {
            case UINT8 -> new UnsignedByteType();
            case UINT16 -> new UnsignedShortType();
            case INT16 -> new ShortType();
            case FLOAT32 -> new FloatType();
        };
    }

    /**
     * Copies a whole 1-D primitive array {@code source} (byte[], short[], int[], long[], float[] or double[]) into
     * {@code target} from {@code offset}. Integer sources go to integer targets unchanged in value (the caller chose
     * a target type that holds them: unsigned bytes arrive as short or int and are stored modulo 2^8); anything goes
     * to float32 as the nearest float.
     */
    public static void copy(Object source, Object target, int offset) {
        if (target instanceof float[] f) {
            copyToFloat(source, f, offset);
        } else if (target instanceof short[] s) {
            copyToShort(source, s, offset);
        } else {
            copyToByte(source, (byte[]) target, offset);
        }
    }

    private static void copyToFloat(Object source, float[] f, int offset) {
        switch (source) {
            case float[] a -> System.arraycopy(a, 0, f, offset, a.length);
            case double[] a -> {
                for (int i = 0; i < a.length; i++) {
                    f[offset + i] = (float) a[i];
                }
            }
            case long[] a -> {
                for (int i = 0; i < a.length; i++) {
                    f[offset + i] = a[i];
                }
            }
            case int[] a -> {
                for (int i = 0; i < a.length; i++) {
                    f[offset + i] = a[i];
                }
            }
            case short[] a -> {
                for (int i = 0; i < a.length; i++) {
                    f[offset + i] = a[i];
                }
            }
            case byte[] a -> {
                for (int i = 0; i < a.length; i++) {
                    f[offset + i] = a[i];
                }
            }
            default -> throw new IllegalArgumentException("not a numeric array: " + source.getClass());
        }
    }

    private static void copyToShort(Object source, short[] s, int offset) {
        switch (source) {
            case short[] a -> System.arraycopy(a, 0, s, offset, a.length);
            case int[] a -> {
                for (int i = 0; i < a.length; i++) {
                    s[offset + i] = (short) a[i];
                }
            }
            case byte[] a -> {
                for (int i = 0; i < a.length; i++) {
                    s[offset + i] = a[i];
                }
            }
            default -> throw new IllegalArgumentException("no 16-bit copy from " + source.getClass());
        }
    }

    private static void copyToByte(Object source, byte[] b, int offset) {
        switch (source) {
            case byte[] a -> System.arraycopy(a, 0, b, offset, a.length);
            case short[] a -> {
                for (int i = 0; i < a.length; i++) {
                    b[offset + i] = (byte) a[i];
                }
            }
            case int[] a -> {
                for (int i = 0; i < a.length; i++) {
                    b[offset + i] = (byte) a[i];
                }
            }
            default -> throw new IllegalArgumentException("no 8-bit copy from " + source.getClass());
        }
    }
}
