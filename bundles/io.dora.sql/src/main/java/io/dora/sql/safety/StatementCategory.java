package io.dora.sql.safety;

/** What a statement does, from the point of view of a read-only guard. */
public enum StatementCategory {
    READ(false, 0),
    /** DML: INSERT, UPDATE, DELETE, MERGE, SELECT INTO, COPY FROM, CALL. */
    WRITE(true, 4),
    DDL(true, 5),
    TRANSACTION_CONTROL(false, 1),
    SESSION_SETTING(false, 2),
    /** Changes nothing in tables but has effects: locks, notifications, maintenance, sequences, files. */
    SIDE_EFFECT(true, 3),
    /** Not parsed or not recognised: treated as a write everywhere (fail closed). */
    UNKNOWN(true, 6);

    private final boolean write;
    /** Rank towards "write": when parts of a statement disagree, the higher rank wins. */
    private final int severity;

    StatementCategory(boolean write, int severity) {
        this.write = write;
        this.severity = severity;
    }

    /** The more write-like of two categories. */
    public static StatementCategory worst(StatementCategory a, StatementCategory b) {
        return a.severity >= b.severity ? a : b;
    }

    /** True when a read-only connection must refuse the statement. */
    public boolean isWrite() {
        return write;
    }
}
