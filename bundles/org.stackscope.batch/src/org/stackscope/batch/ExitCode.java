package org.stackscope.batch;

/** Exit codes of {@code stackscope batch} (DESIGN.md, "Command line and results"). */
public final class ExitCode {
    public static final int OK = 0;
    public static final int USAGE = 2;
    public static final int INPUT = 3;
    public static final int ANALYSIS = 4;

    private ExitCode() {
    }
}
