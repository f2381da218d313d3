package io.dora.ui.sql.internal.text;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The reserved words highlighted in the editor: the standard's common core plus each dialect's own. */
public final class SqlKeywords {

    private static final String COMMON = """
            ADD ALL ALTER AND ANY AS ASC BEGIN BETWEEN BY CASCADE CASE CAST CHECK COLUMN COMMIT CONSTRAINT CREATE
            CROSS CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP DATABASE DEFAULT DELETE DESC DISTINCT DROP ELSE END
            ESCAPE EXCEPT EXISTS EXPLAIN FALSE FETCH FOREIGN FROM FULL FUNCTION GRANT GROUP HAVING IF IN INDEX INNER
            INSERT INTERSECT INTO IS JOIN KEY LEFT LIKE LIMIT NATURAL NOT NULL OFFSET ON OR ORDER OUTER OVER
            PARTITION PRIMARY PROCEDURE REFERENCES RENAME REPLACE REVOKE RIGHT ROLLBACK ROW ROWS SAVEPOINT SCHEMA
            SELECT SET TABLE THEN TO TRANSACTION TRIGGER TRUE TRUNCATE UNION UNIQUE UPDATE USING VALUES VIEW WHEN
            WHERE WINDOW WITH RECURSIVE
            """;

    private static final String POSTGRES = """
            ILIKE RETURNING LATERAL MATERIALIZED VACUUM ANALYZE SEQUENCE SERIAL BIGSERIAL EXTENSION TYPE DO LANGUAGE
            CONFLICT NOTHING LISTEN NOTIFY COPY
            """;

    private static final String MYSQL = """
            AUTO_INCREMENT ENGINE SHOW DESCRIBE USE DELIMITER REGEXP STRAIGHT_JOIN DUPLICATE IGNORE LOCK UNLOCK
            TABLES UNSIGNED ZEROFILL
            """;

    private static final String SQLITE = """
            PRAGMA AUTOINCREMENT ATTACH DETACH GLOB VIRTUAL WITHOUT ROWID CONFLICT ABORT FAIL IGNORE REINDEX
            VACUUM ANALYZE TEMP TEMPORARY
            """;

    private SqlKeywords() {
    }

    /** The upper-case keywords of a dialect id ({@code postgres}, {@code mysql}, {@code sqlite}, ...). */
    public static Set<String> of(String dialect) {
        Set<String> words = new HashSet<>(Set.of(COMMON.split("\\s+")));
        String extra = switch (dialect == null ? "" : dialect.toLowerCase(Locale.ROOT)) {
            case "postgres" -> POSTGRES;
            case "mysql", "mariadb" -> MYSQL;
            case "sqlite" -> SQLITE;
            default -> "";
        };
        words.addAll(Set.of(extra.split("\\s+")));
        words.remove("");
        return words;
    }
}
