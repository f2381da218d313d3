package io.dora.core.cli;

/** The exit codes shared by every {@code dora cli} command. */
public final class CliExit {
    public static final int OK = 0;
    /** The command ran and its answer is "no" (a policy violation, a failed check). */
    public static final int NEGATIVE = 1;
    public static final int USAGE = 2;
    public static final int FAILURE = 3;

    private CliExit() {
    }
}
