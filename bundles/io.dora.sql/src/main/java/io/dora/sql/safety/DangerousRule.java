package io.dora.sql.safety;

/** A reason to stop and think before running a statement. The ids are stable: files and CI depend on them. */
public enum DangerousRule {
    DROP("drop", "DROP removes an object and its data"),
    DROP_DATABASE("drop-database", "DROP DATABASE/SCHEMA removes every object in it"),
    TRUNCATE("truncate", "TRUNCATE removes every row, without a WHERE and without row triggers"),
    ALTER("alter", "ALTER changes the structure of an existing object"),
    ALTER_SYSTEM("alter-system", "changes the server's configuration for every session"),
    MISSING_WHERE("missing-where", "UPDATE/DELETE without WHERE changes every row (a LIMIT only picks arbitrary rows)"),
    TRIVIAL_WHERE("trivial-where", "UPDATE/DELETE whose WHERE is always true changes every row"),
    GRANT("grant", "GRANT changes who may do what"),
    REVOKE("revoke", "REVOKE changes who may do what"),
    CREATE_OR_REPLACE("create-or-replace", "CREATE OR REPLACE silently replaces an existing object"),
    SERVER_CONTROL("server-control", "acts on other sessions or on the server process (terminate, cancel, reload, kill)"),
    SERVER_FILE("server-file", "reads or writes files or programs on the database server"),
    UNRECOGNISED("unrecognised", "the statement could not be parsed or recognised, so nothing is known about its effects"),
    NO_FILTER("no-filter", "MongoDB update/delete with an empty filter changes every document");

    private final String id;
    private final String reason;

    DangerousRule(String id, String reason) {
        this.id = id;
        this.reason = reason;
    }

    public String id() {
        return id;
    }

    /** A human explanation for a confirmation dialog or a CI log. */
    public String reason() {
        return reason;
    }
}
