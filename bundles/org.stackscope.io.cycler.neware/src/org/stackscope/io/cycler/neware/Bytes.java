package org.stackscope.io.cycler.neware;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Little-endian reads on a read-only buffer (a mapped file or an inflated zip entry), with searching. */
final class Bytes {

    final ByteBuffer buffer;

    Bytes(ByteBuffer buffer) {
        this.buffer = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    Bytes(byte[] data) {
        this(ByteBuffer.wrap(data));
    }

    /** Maps the file read-only; files above 2 GiB are refused by the caller's size check. */
    static Bytes map(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new Bytes(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
        }
    }

    int size() {
        return buffer.limit();
    }

    int u8(int at) {
        return buffer.get(at) & 0xff;
    }

    int u16(int at) {
        return buffer.getShort(at) & 0xffff;
    }

    short i16(int at) {
        return buffer.getShort(at);
    }

    int i32(int at) {
        return buffer.getInt(at);
    }

    long u32(int at) {
        return buffer.getInt(at) & 0xffffffffL;
    }

    long i64(int at) {
        return buffer.getLong(at);
    }

    float f32(int at) {
        return buffer.getFloat(at);
    }

    /** First position of {@code pattern} in [from, to), or -1. */
    int find(byte[] pattern, int from, int to) {
        int end = Math.min(to, size()) - pattern.length;
        outer:
        for (int i = Math.max(0, from); i <= end; i++) {
            for (int k = 0; k < pattern.length; k++) {
                if (buffer.get(i + k) != pattern[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    boolean startsWith(byte[] pattern, int at) {
        if (at < 0 || at + pattern.length > size()) {
            return false;
        }
        for (int k = 0; k < pattern.length; k++) {
            if (buffer.get(at + k) != pattern[k]) {
                return false;
            }
        }
        return true;
    }

    byte[] slice(int at, int length) {
        byte[] out = new byte[Math.max(0, Math.min(length, size() - at))];
        buffer.get(at, out);
        return out;
    }

    /** ASCII text of [at, at+length) up to the first NUL, trimmed. */
    String text(int at, int length) {
        byte[] raw = slice(at, length);
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
            end++;
        }
        return new String(raw, 0, end, StandardCharsets.ISO_8859_1).trim();
    }

    /**
     * Unix seconds of a wall-clock date stored as year (u16), month, day, hour, minute, second (u8 each), read in
     * {@code zone}; NaN when the fields do not form a date.
     */
    double wallClock(int at, ZoneId zone) {
        try {
            return LocalDateTime.of(u16(at), u8(at + 2), u8(at + 3), u8(at + 4), u8(at + 5), u8(at + 6))
                    .atZone(zone).toEpochSecond();
        } catch (DateTimeException e) {
            return Double.NaN;
        }
    }
}
