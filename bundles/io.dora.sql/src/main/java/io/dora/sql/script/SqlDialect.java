package io.dora.sql.script;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The SQL dialects whose lexical rules the splitter, the classifier and the redactor know. */
public enum SqlDialect {
    /** PostgreSQL: nested block comments, dollar quoting, {@code E'...'} escapes. */
    POSTGRES("postgres"),
    /** MySQL and MariaDB: backslash escapes, backticks, {@code #} comments, {@code DELIMITER}. */
    MYSQL("mysql"),
    /** SQLite: backtick and bracket identifiers, no backslash escapes. */
    SQLITE("sqlite");

    private final String id;

    SqlDialect(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Parses a dialect id strictly ({@code mariadb} is accepted as MySQL). */
    public static SqlDialect parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals("mariadb")) {
            return MYSQL;
        }
        for (SqlDialect dialect : values()) {
            if (dialect.id.equals(wanted)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("Unknown dialect '" + text + "': expected one of "
                + Arrays.stream(values()).map(SqlDialect::id).collect(Collectors.joining(", ")) + ", mariadb");
    }

    @Override
    public String toString() {
        return id;
    }
}
