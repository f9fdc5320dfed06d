package org.stackscope.io.volume.raw;

import java.nio.ByteBuffer;
import java.util.Locale;

import org.stackscope.io.volume.tiff.SampleType;

/**
 * Sample types a raw file may hold, with the volume type they are stored as: 8- and 16-bit integers and float32 as
 * they are (int8 widened to int16), 32-bit integers and float64 as float32 (exact up to 2^24, rounded beyond).
 */
enum RawType {
    UINT8("uint8", 1, SampleType.UINT8, "MET_UCHAR"),
    INT8("int8", 1, SampleType.INT16, "MET_CHAR"),
    UINT16("uint16", 2, SampleType.UINT16, "MET_USHORT"),
    INT16("int16", 2, SampleType.INT16, "MET_SHORT"),
    UINT32("uint32", 4, SampleType.FLOAT32, "MET_UINT"),
    INT32("int32", 4, SampleType.FLOAT32, "MET_INT"),
    FLOAT32("float32", 4, SampleType.FLOAT32, "MET_FLOAT"),
    FLOAT64("float64", 8, SampleType.FLOAT32, "MET_DOUBLE");

    final String id;
    final int bytes;
    final SampleType stored;
    final String metaImageName;

    RawType(String id, int bytes, SampleType stored, String metaImageName) {
        this.id = id;
        this.bytes = bytes;
        this.stored = stored;
        this.metaImageName = metaImageName;
    }

    /** By Stackscope name (uint16, float32, ...), common aliases (u16, float, double) or MetaImage name. */
    static RawType parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (RawType r : values()) {
            if (r.id.equals(t) || r.metaImageName.equalsIgnoreCase(t)) {
                return r;
            }
        }
        return switch (t) {
            case "u8", "byte", "ubyte" -> UINT8;
            case "i8" -> INT8;
            case "u16", "ushort" -> UINT16;
            case "i16", "short" -> INT16;
            case "u32", "uint" -> UINT32;
            case "i32", "int" -> INT32;
            case "f32", "float" -> FLOAT32;
            case "f64", "double" -> FLOAT64;
            default -> throw new IllegalArgumentException("sample type '" + text + "' is not one of uint8, int8, "
                    + "uint16, int16, uint32, int32, float32, float64 (or MetaImage MET_UCHAR, MET_USHORT, ...)");
        };
    }

    /** Decodes {@code count} samples from {@code src} (positioned, byte order set) into {@code target}. */
    void decode(ByteBuffer src, Object target, int offset, int count) {
        switch (this) {
            case UINT8 -> src.get((byte[]) target, offset, count);
            case UINT16, INT16 -> src.asShortBuffer().get((short[]) target, offset, count);
            case FLOAT32 -> src.asFloatBuffer().get((float[]) target, offset, count);
            case INT8 -> {
                short[] s = (short[]) target;
                for (int i = 0; i < count; i++) {
                    s[offset + i] = src.get(src.position() + i);
                }
            }
            case UINT32 -> {
                float[] f = (float[]) target;
                for (int i = 0; i < count; i++) {
                    f[offset + i] = Integer.toUnsignedLong(src.getInt(src.position() + 4 * i));
                }
            }
            case INT32 -> {
                float[] f = (float[]) target;
                for (int i = 0; i < count; i++) {
                    f[offset + i] = src.getInt(src.position() + 4 * i);
                }
            }
            case FLOAT64 -> {
                float[] f = (float[]) target;
                for (int i = 0; i < count; i++) {
                    f[offset + i] = (float) src.getDouble(src.position() + 8 * i);
                }
            }
        }
        src.position(src.position() + (this == UINT8 ? 0 : count * bytes));
    }
}
