package org.stackscope.core.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.stackscope.core.api.ImportException;

/**
 * A zip container read into memory entry by entry, never extracted to disk, with guards against hostile archives:
 * entry names that climb out of a folder or are absolute (zip-slip) reject the file, and an entry is read only up to
 * {@link #MAX_ENTRY_BYTES} and {@link #MAX_RATIO} times its compressed size (zip bombs), counting the bytes actually
 * inflated rather than trusting the declared sizes.
 */
public final class SafeZip implements AutoCloseable {

    public static final long MAX_ENTRY_BYTES = 1L << 30;
    public static final long MAX_RATIO = 200;
    /** Small entries may compress better than the ratio (pages of zeros); they cannot be a bomb. */
    private static final long RATIO_FREE_BYTES = 1 << 20;

    private final Path file;
    private final ZipFile zip;
    private final List<String> names;

    public SafeZip(Path file) throws ImportException {
        this.file = file;
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException e) {
            throw new ImportException(file, "zip directory", "not a readable zip archive: " + oneLine(e.getMessage()),
                    e);
        }
        List<String> list = new ArrayList<>();
        try {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (!safe(name)) {
                    throw new ImportException(file, "entry '" + name + "'",
                            "unsafe entry name (absolute or leaving the archive folder)");
                }
                list.add(name);
            }
        } catch (ImportException | RuntimeException e) {
            close();
            if (e instanceof ImportException ie) {
                throw ie;
            }
            throw new ImportException(file, "zip directory", "corrupted zip directory: " + oneLine(e.getMessage()), e);
        }
        names = Collections.unmodifiableList(list);
    }

    /** A library's message on one line, as import errors must be (parsers report "ParseError ...\nMessage: ..."). */
    public static String oneLine(Object message) {
        return String.valueOf(message).replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    public static boolean safe(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.indexOf('\0') >= 0) {
            return false;
        }
        for (String part : n.split("/")) {
            if (part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    public List<String> names() {
        return names;
    }

    public boolean has(String name) {
        return names.contains(name);
    }

    /** The inflated bytes of one entry, within the size and ratio limits. */
    public byte[] read(String name) throws ImportException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new ImportException(file, "entry '" + name + "'", "missing from the archive");
        }
        long compressed = Math.max(entry.getCompressedSize(), 1);
        long limit = Math.min(MAX_ENTRY_BYTES, Math.max(RATIO_FREE_BYTES, compressed * MAX_RATIO));
        if (entry.getSize() > limit) {
            throw new ImportException(file, "entry '" + name + "'", "declares " + entry.getSize()
                    + " bytes, above the limit of " + limit + " (zip bomb guard)");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, Math.min(entry.getSize(),
                    limit)));
            byte[] chunk = new byte[1 << 16];
            long total = 0;
            int r;
            while ((r = in.read(chunk)) > 0) {
                total += r;
                if (total > limit) {
                    throw new ImportException(file, "entry '" + name + "', byte " + limit,
                            "inflates beyond " + limit + " bytes (zip bomb guard)");
                }
                out.write(chunk, 0, r);
            }
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new ImportException(file, "entry '" + name + "'", "corrupted: " + oneLine(e.getMessage()), e);
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            // read-only: nothing to lose
        }
    }
}
