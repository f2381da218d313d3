package io.dora.sql.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScriptSplitterTest {

    private static List<String> texts(SqlDialect dialect, String script) {
        return new ScriptSplitter(dialect).split(script).stream().map(StatementSpan::text).toList();
    }

    @Test
    void splitsOnSemicolonsAndKeepsATrailingStatementWithoutOne() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), texts(SqlDialect.POSTGRES, "SELECT 1;\nSELECT 2"));
    }

    @Test
    void skipsEmptyStatementsAndCommentOnlyStatements() {
        assertEquals(List.of("SELECT 1"), texts(SqlDialect.POSTGRES, ";;  ; -- nothing\n; SELECT 1; /* end */ ;"));
        assertEquals(List.of(), texts(SqlDialect.SQLITE, ""));
    }

    @Test
    void reportsSpansWithOffsetsLinesAndColumns() {
        String script = "-- header\nSELECT 1;\n  UPDATE t\n  SET a = 1;";
        List<StatementSpan> spans = new ScriptSplitter(SqlDialect.POSTGRES).split(script);
        assertEquals(new StatementSpan("SELECT 1", 10, 18, 2, 1), spans.get(0));
        StatementSpan second = spans.get(1);
        assertEquals("UPDATE t\n  SET a = 1", second.text());
        assertEquals(script.indexOf("UPDATE"), second.start());
        assertEquals(script.length() - 1, second.end());
        assertEquals(3, second.line());
        assertEquals(3, second.column());
    }

    @Test
    void ignoresSemicolonsInQuotesWithDoubledQuotes() {
        assertEquals(List.of("SELECT 'a;''b'", "SELECT \"x;\"\"y\" FROM t"),
                texts(SqlDialect.POSTGRES, "SELECT 'a;''b'; SELECT \"x;\"\"y\" FROM t;"));
    }

    @Test
    void honoursMysqlBackslashEscapesButNotInPostgresStandardStrings() {
        assertEquals(List.of("SELECT 'a\\';b'", "SELECT 2"), texts(SqlDialect.MYSQL, "SELECT 'a\\';b'; SELECT 2"));
        assertEquals(List.of("SELECT 'a\\'", "b'"), texts(SqlDialect.POSTGRES, "SELECT 'a\\';b'"));
        assertEquals(List.of("SELECT E'a\\';b'"), texts(SqlDialect.POSTGRES, "SELECT E'a\\';b'"));
        assertEquals(List.of("SELECT \"a\\\";b\""), texts(SqlDialect.MYSQL, "SELECT \"a\\\";b\""));
    }

    @Test
    void ignoresSemicolonsInBacktickAndBracketIdentifiers() {
        assertEquals(List.of("SELECT `a;``b` FROM t"), texts(SqlDialect.MYSQL, "SELECT `a;``b` FROM t;"));
        assertEquals(List.of("SELECT [a;b] FROM t"), texts(SqlDialect.SQLITE, "SELECT [a;b] FROM t;"));
    }

    @Test
    void ignoresSemicolonsInComments() {
        assertEquals(List.of("SELECT 1 -- a; b\n+ 1"), texts(SqlDialect.POSTGRES, "SELECT 1 -- a; b\n+ 1;"));
        assertEquals(List.of("SELECT 1 /* a; b */ + 1"), texts(SqlDialect.SQLITE, "SELECT 1 /* a; b */ + 1;"));
        assertEquals(List.of("SELECT 1 # a; b\n+ 1"), texts(SqlDialect.MYSQL, "SELECT 1 # a; b\n+ 1;"));
    }

    @Test
    void hashIsACommentOnlyInMysqlAndDoubleDashNeedsASpaceThere() {
        assertEquals(List.of("SELECT 1 # 2", "3"), texts(SqlDialect.POSTGRES, "SELECT 1 # 2; 3"));
        assertEquals(List.of("SELECT 5--1", "SELECT 2"), texts(SqlDialect.MYSQL, "SELECT 5--1; SELECT 2"));
    }

    @Test
    void nestsBlockCommentsInPostgresOnly() {
        assertEquals(List.of("SELECT /* a /* b; */ c; */ 1"), texts(SqlDialect.POSTGRES, "SELECT /* a /* b; */ c; */ 1;"));
        assertEquals(List.of("SELECT /* a /* b; */ c", "*/ 1"), texts(SqlDialect.MYSQL, "SELECT /* a /* b; */ c; */ 1;"));
    }

    @Test
    void keepsPostgresDollarQuotedBodiesWhole() {
        String function = "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql";
        assertEquals(List.of(function, "SELECT 1"), texts(SqlDialect.POSTGRES, function + ";\nSELECT 1;"));
        String tagged = "DO $body$ BEGIN PERFORM '$$'; END $body$";
        assertEquals(List.of(tagged), texts(SqlDialect.POSTGRES, tagged + ";"));
        assertEquals(List.of("SELECT $1", "SELECT 2"), texts(SqlDialect.POSTGRES, "SELECT $1; SELECT 2"));
    }

    @Test
    void keepsPostgresBeginAtomicBodiesWhole() {
        String function = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; "
                + "SELECT 2; END";
        assertEquals(List.of(function, "SELECT 3"), texts(SqlDialect.POSTGRES, function + "; SELECT 3;"));
    }

    @Test
    void keepsSqliteTriggerBodiesWhole() {
        String trigger = "CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET n = n + 1; DELETE FROM c; END";
        assertEquals(List.of(trigger, "SELECT 1"), texts(SqlDialect.SQLITE, trigger + ";\nSELECT 1;"));
    }

    @Test
    void followsMysqlDelimiterCommands() {
        String script = """
                DELIMITER //
                CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END //
                DELIMITER ;
                CALL p();
                """;
        List<StatementSpan> spans = new ScriptSplitter(SqlDialect.MYSQL).split(script);
        assertEquals(List.of("CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END", "CALL p()"),
                spans.stream().map(StatementSpan::text).toList());
        assertEquals(2, spans.get(0).line());
        assertEquals(4, spans.get(1).line());
        assertEquals(List.of("DELIMITER //"), texts(SqlDialect.POSTGRES, "DELIMITER //"));
    }

    @Test
    void keepsMysqlExecutableCommentsAsStatements() {
        assertEquals(List.of("/*!40101 SET NAMES utf8 */", "SELECT 1"),
                texts(SqlDialect.MYSQL, "/*!40101 SET NAMES utf8 */;\nSELECT 1;"));
    }

    @Test
    void anUnterminatedQuoteRunsToTheEnd() {
        assertEquals(List.of("SELECT 'a; SELECT 2"), texts(SqlDialect.POSTGRES, "SELECT 'a; SELECT 2"));
    }

    @Test
    void parsesDialectIdsStrictly() {
        assertEquals(SqlDialect.MYSQL, SqlDialect.parse("MariaDB"));
        assertEquals("Unknown dialect 'oracle': expected one of postgres, mysql, sqlite, mariadb",
                assertThrows(IllegalArgumentException.class,
                        () -> SqlDialect.parse("oracle")).getMessage());
    }
}
