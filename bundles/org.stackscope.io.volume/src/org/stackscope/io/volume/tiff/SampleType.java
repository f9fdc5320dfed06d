package org.stackscope.io.volume.tiff;

import java.nio.ByteBuffer;
import java.util.Locale;

import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.RealType;

/**
 * The grey-value sample types a TIFF volume may hold, each backed by one primitive array per Z plane of an ImgLib2
 * {@link PlanarImg}. Conversions between file bytes and plane arrays are bulk copies through {@link ByteBuffer} views,
 * which swap bytes when the file's byte order differs from the machine's.
 */
public enum SampleType {
    UINT8("uint8", 8, TiffTags.SAMPLE_FORMAT_UNSIGNED) {
        @Override
        public PlanarImg<? extends RealType<?>, ?> allocate(int width, int height, int depth) {
            return PlanarImgs.unsignedBytes(width, height, depth);
        }

        @Override
        Object newPlane(int samples) {
            return new byte[samples];
        }

        @Override
        void get(ByteBuffer src, Object plane, int offset, int count) {
            src.get((byte[]) plane, offset, count);
        }

        @Override
        void put(ByteBuffer dst, Object plane, int offset, int count) {
            dst.put((byte[]) plane, offset, count);
        }

        @Override
        void undoHorizontalDifferencing(Object plane, int offset, int count) {
            byte[] a = (byte[]) plane;
            for (int i = offset + 1; i < offset + count; i++) {
                a[i] += a[i - 1];
            }
        }

        @Override
        void setReal(Object plane, int index, double value) {
            ((byte[]) plane)[index] = (byte) (int) value;
        }
    },
    UINT16("uint16", 16, TiffTags.SAMPLE_FORMAT_UNSIGNED) {
        @Override
        public PlanarImg<? extends RealType<?>, ?> allocate(int width, int height, int depth) {
            return PlanarImgs.unsignedShorts(width, height, depth);
        }
    },
    INT16("int16", 16, TiffTags.SAMPLE_FORMAT_SIGNED) {
        @Override
        public PlanarImg<? extends RealType<?>, ?> allocate(int width, int height, int depth) {
            return PlanarImgs.shorts(width, height, depth);
        }
    },
    FLOAT32("float32", 32, TiffTags.SAMPLE_FORMAT_FLOAT) {
        @Override
        public PlanarImg<? extends RealType<?>, ?> allocate(int width, int height, int depth) {
            return PlanarImgs.floats(width, height, depth);
        }

        @Override
        Object newPlane(int samples) {
            return new float[samples];
        }

        @Override
        void get(ByteBuffer src, Object plane, int offset, int count) {
            src.asFloatBuffer().get((float[]) plane, offset, count);
            src.position(src.position() + count * Float.BYTES);
        }

        @Override
        void put(ByteBuffer dst, Object plane, int offset, int count) {
            dst.asFloatBuffer().put((float[]) plane, offset, count);
            dst.position(dst.position() + count * Float.BYTES);
        }

        @Override
        void undoHorizontalDifferencing(Object plane, int offset, int count) {
            throw new UnsupportedOperationException("horizontal differencing is defined for integer samples only");
        }

        @Override
        void setReal(Object plane, int index, double value) {
            ((float[]) plane)[index] = (float) value;
        }
    };

    private final String id;
    private final int bitsPerSample;
    private final int sampleFormat;

    SampleType(String id, int bitsPerSample, int sampleFormat) {
        this.id = id;
        this.bitsPerSample = bitsPerSample;
        this.sampleFormat = sampleFormat;
    }

    /** The name used in {@code Volume.sampleType()}: {@code uint8}, {@code uint16}, {@code int16}, {@code float32}. */
    public String id() {
        return id;
    }

    public int bitsPerSample() {
        return bitsPerSample;
    }

    public int bytesPerSample() {
        return bitsPerSample / 8;
    }

    /** The TIFF SampleFormat code: 1 unsigned integer, 2 signed integer, 3 IEEE float. */
    public int sampleFormat() {
        return sampleFormat;
    }

    /** A zero-filled X×Y×Z image with one primitive array per Z plane. */
    public abstract PlanarImg<? extends RealType<?>, ?> allocate(int width, int height, int depth);

    /** The primitive array (byte[], short[] or float[]) holding plane {@code z} of a planar image. */
    public static Object planeArray(PlanarImg<?, ?> image, int z) {
        return image.getPlane(z).getCurrentStorageArray();
    }

    /** True when {@code array} is the primitive array type of this sample type. */
    public boolean holds(Object array) {
        return newPlane(0).getClass().isInstance(array);
    }

    // The 16-bit types share their array type and conversions; 8-bit and float override them.

    Object newPlane(int samples) {
        return new short[samples];
    }

    /** Copies {@code count} samples from {@code src} (positioned, in file byte order) and advances it. */
    void get(ByteBuffer src, Object plane, int offset, int count) {
        src.asShortBuffer().get((short[]) plane, offset, count);
        src.position(src.position() + count * Short.BYTES);
    }

    /** Copies {@code count} samples into {@code dst} (positioned, in file byte order) and advances it. */
    void put(ByteBuffer dst, Object plane, int offset, int count) {
        dst.asShortBuffer().put((short[]) plane, offset, count);
        dst.position(dst.position() + count * Short.BYTES);
    }

    /** Undoes TIFF Predictor 2 on one row segment: each sample was stored as the difference to its left neighbour. */
    void undoHorizontalDifferencing(Object plane, int offset, int count) {
        short[] a = (short[]) plane;
        for (int i = offset + 1; i < offset + count; i++) {
            a[i] += a[i - 1];
        }
    }

    void setReal(Object plane, int index, double value) {
        ((short[]) plane)[index] = (short) (int) value;
    }

    /** The sample type for TIFF BitsPerSample and SampleFormat, or null when Stackscope does not read it. */
    static SampleType of(long bitsPerSample, long sampleFormat) {
        for (SampleType t : values()) {
            if (t.bitsPerSample == bitsPerSample && t.sampleFormat == sampleFormat) {
                return t;
            }
        }
        return null;
    }

    /** The sample type named by {@code Volume.sampleType()}. */
    public static SampleType byId(String id) {
        for (SampleType t : values()) {
            if (t.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("sample type '" + id + "' is not one of uint8, uint16, int16, float32");
    }
}
