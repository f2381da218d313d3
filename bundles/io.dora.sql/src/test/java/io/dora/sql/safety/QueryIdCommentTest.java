package io.dora.sql.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.dora.sql.redact.LiteralRedactor;
import io.dora.sql.script.ScriptSplitter;
import io.dora.sql.script.SqlDialect;
import io.dora.sql.script.StatementSpan;

/**
 * Statements that carry Dora's query-id comment ({@code /* dora:query_id=q7 session_id=... *}{@code /}, see
 * io.dora.core.observe.Correlation) are split, classified and redacted exactly as without it.
 */
class QueryIdCommentTest {

    private static final String COMMENT = "/* dora:query_id=q7 session_id=cafe1234 */ ";

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void theCommentChangesNoVerdict(SqlDialect dialect) {
        SqlClassifier classifier = new SqlClassifier(dialect);
        for (String statement : List.of("SELECT * FROM users", "DELETE FROM users", "UPDATE users SET a = 1 WHERE id = 2",
                "DROP TABLE users", "INSERT INTO users VALUES (1)", "frobnicate the table")) {
            assertEquals(classifier.classify(statement), classifier.classify(COMMENT + statement), statement);
        }
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void aScriptOfCommentedStatementsSplitsAsWithout(SqlDialect dialect) {
        ScriptSplitter splitter = new ScriptSplitter(dialect);
        List<String> plain = splitter.split("SELECT 1;\nDELETE FROM t;").stream().map(StatementSpan::text).toList();
        List<String> commented = splitter.split(COMMENT + "SELECT 1;\n" + COMMENT + "DELETE FROM t;").stream()
                .map(StatementSpan::text).toList();
        assertEquals(plain.size(), commented.size());
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(plain.get(i), commented.get(i).replace(COMMENT, ""));
        }
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void redactionDropsTheComment(SqlDialect dialect) {
        assertEquals("SELECT ? FROM t", new LiteralRedactor(dialect).redact(COMMENT + "SELECT 1 FROM t").strip());
    }
}
