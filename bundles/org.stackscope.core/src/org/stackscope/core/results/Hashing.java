package org.stackscope.core.results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** SHA-256 fingerprints of inputs, recorded in every results.json. */
public final class Hashing {

    private Hashing() {
    }

    /**
     * SHA-256 of a file; of a folder (e.g. a TIFF sequence), the hash over its regular files' names and contents in
     * name order, so the value does not depend on the directory listing order.
     */
    public static String sha256(Path path) throws IOException {
        MessageDigest md = newDigest();
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                digestFile(md, f);
            }
        } else {
            digestFile(md, path);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void digestFile(MessageDigest md, Path file) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                md.update(buffer, 0, n);
            }
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
