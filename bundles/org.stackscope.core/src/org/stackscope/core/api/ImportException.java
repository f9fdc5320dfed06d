package org.stackscope.core.api;

import java.nio.file.Path;

/**
 * A file that cannot be read. The message always names the file, the position in it (byte offset, line, page) and
 * the reason, so that a user can act on one line of text.
 */
public class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String position;
    private final String reason;

    public ImportException(Path file, String position, String reason) {
        this(file, position, reason, null);
    }

    public ImportException(Path file, String position, String reason, Throwable cause) {
        super(format(file, position, reason), cause);
        this.file = file;
        this.position = position;
        this.reason = reason;
    }

    private static String format(Path file, String position, String reason) {
        StringBuilder sb = new StringBuilder(String.valueOf(file));
        if (position != null && !position.isEmpty()) {
            sb.append(": ").append(position);
        }
        return sb.append(": ").append(reason).toString();
    }

    public Path file() {
        return file;
    }

    public String position() {
        return position;
    }

    public String reason() {
        return reason;
    }
}
