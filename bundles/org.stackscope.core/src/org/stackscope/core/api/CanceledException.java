package org.stackscope.core.api;

/** Thrown out of long work when its {@link Monitor} was canceled; callers discard any partial result. */
public final class CanceledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CanceledException() {
        super("canceled by the user");
    }
}
