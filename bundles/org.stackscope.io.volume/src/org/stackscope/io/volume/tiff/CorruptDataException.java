package org.stackscope.io.volume.tiff;

/** Compressed bytes that do not decode; the reader turns it into an ImportException naming page and chunk. */
final class CorruptDataException extends Exception {
    private static final long serialVersionUID = 1L;

    CorruptDataException(String reason) {
        super(reason);
    }
}
