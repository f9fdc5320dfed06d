package org.stackscope.io.volume.store;

import org.stackscope.io.volume.tiff.SampleType;

import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

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
