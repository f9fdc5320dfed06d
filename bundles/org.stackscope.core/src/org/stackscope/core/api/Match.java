package org.stackscope.core.api;

/** Answer of the cheap {@link Importer#matches} test. */
public enum Match {
    /** Magic number or signature recognised. */
    YES,
    /** Extension fits but the content was not checked or is ambiguous. */
    MAYBE,
    NO
}
