package org.stackscope.io.cycler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.stackscope.core.api.ImportException;
import org.stackscope.core.api.Monitor;

/** File helpers shared by the importers: cheap head reads for matching and whole-file reads for parsing. */
final class Sniff {

    private Sniff() {
    }

    /** The first {@code n} bytes as Latin-1 text ("" when unreadable). */
    static String head(Path file, int n) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(n), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    static String extension(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    /** The whole file mapped read-only (no copy), little-endian; files over 2 GB are refused. */
    static java.nio.ByteBuffer map(Path file, Monitor monitor) throws ImportException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 16) {
                throw new ImportException(file, "", "is larger than 2 GB (" + size + " bytes)");
            }
            monitor.begin("Reading " + file.getFileName(), size);
            return channel.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, size)
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new ImportException(file, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** The whole file, read-only; files over 2 GB are refused rather than truncated. */
    static byte[] readAll(Path file, Monitor monitor) throws ImportException {
        try {
            long size = Files.size(file);
            if (size > Integer.MAX_VALUE - 16) {
                throw new ImportException(file, "", "is larger than 2 GB (" + size + " bytes)");
            }
            monitor.begin("Reading " + file.getFileName(), size);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImportException(file, "", "cannot be read: " + e.getMessage(), e);
        }
    }
}
