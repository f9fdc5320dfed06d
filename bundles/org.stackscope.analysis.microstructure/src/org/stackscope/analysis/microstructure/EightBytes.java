package org.stackscope.analysis.microstructure;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight label bytes compared at once as one long (SWAR): the segmentation and the surface scan both skip runs of
 * voxels whose neighbours hold the same labels this way.
 */
final class EightBytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private EightBytes() {
    }

    /** Bytes i .. i+7 of {@code a}; byte i in the lowest 8 bits. */
    static long get(byte[] a, int i) {
        return (long) LONGS.get(a, i);
    }

    /** 0x80 in every byte of {@code d} that is not zero, 0 elsewhere (no carry crosses a byte). */
    static long nonZero(long d) {
        long low7 = (d & 0x7f7f7f7f7f7f7f7fL) + 0x7f7f7f7f7f7f7f7fL; // high bit set where the low 7 bits are not 0
        return (low7 | d) & 0x8080808080808080L;
    }

    /** Bit j set where byte j of {@code d} is not zero. */
    static int nonZeroMask(long d) {
        // the multiplier moves byte j's bit 0 to bit 56 + j
        return (int) (((nonZero(d) >>> 7) * 0x0102040810204080L) >>> 56);
    }
}
