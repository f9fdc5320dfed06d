package org.stackscope.io.volume.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.stackscope.core.api.ImportException;

/**
 * Positional, read-only access to a TIFF file with its byte order and offset width. Every read is bounds-checked
 * against the file size so that a truncated file gives an {@link ImportException}, never a short read.
 */
final class TiffInput implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final long size;
    private ByteOrder order = ByteOrder.BIG_ENDIAN;
    private boolean bigTiff;

    private TiffInput(Path file, FileChannel channel, long size) {
        this.file = file;
        this.channel = channel;
        this.size = size;
    }

    static TiffInput open(Path file) throws ImportException {
        if (Files.isDirectory(file)) {
            throw new ImportException(file, "", "is a folder, not a file (a folder of TIFF slices is read by the "
                    + "'tiff-sequence' format)");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            return new TiffInput(file, channel, channel.size());
        } catch (NoSuchFileException e) {
            throw new ImportException(file, "", "no such file");
        } catch (AccessDeniedException e) {
            throw new ImportException(file, "", "not readable (check permissions)");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ImportException(file, "", "cannot open it: " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    ByteOrder order() {
        return order;
    }

    boolean bigTiff() {
        return bigTiff;
    }

    void setLayout(ByteOrder byteOrder, boolean big) {
        this.order = byteOrder;
        this.bigTiff = big;
    }

    /** Size in bytes of an offset or count field: 8 in BigTIFF, 4 in classic TIFF. */
    int offsetSize() {
        return bigTiff ? 8 : 4;
    }

    /** Reads {@code length} bytes at {@code position} into a new buffer in the file's byte order. */
    ByteBuffer read(long position, int length, String where) throws ImportException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(order);
        readFully(position, buffer, where);
        return buffer.flip();
    }

    /** Fills the remaining space of {@code target} from {@code position}; {@code where} names the place for errors. */
    void readFully(long position, ByteBuffer target, String where) throws ImportException {
        int length = target.remaining();
        if (position < 0 || position > size - length) {
            throw new ImportException(file, where, length + " bytes at byte " + position
                    + " lie beyond the end of the file (" + size + " bytes): the file is truncated or corrupt");
        }
        try {
            long at = position;
            while (target.hasRemaining()) {
                int n = channel.read(target, at);
                if (n < 0) {
                    throw new ImportException(file, where, "the file ended at byte " + at + " while reading "
                            + length + " bytes at byte " + position + " (was it shortened while being read?)");
                }
                at += n;
            }
        } catch (IOException e) {
            throw new ImportException(file, where, "read failed: " + e.getMessage(), e);
        }
    }

    /** An unsigned offset or count of {@link #offsetSize()} bytes at the buffer's position. */
    long readOffset(ByteBuffer buffer) {
        return bigTiff ? buffer.getLong() : Integer.toUnsignedLong(buffer.getInt());
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // read-only channel: nothing was written that could be lost
            }
        }
    }
}
