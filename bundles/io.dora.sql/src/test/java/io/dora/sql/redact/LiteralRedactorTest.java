package io.dora.sql.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.dora.sql.script.SqlDialect;

class LiteralRedactorTest {

    private static String redact(SqlDialect dialect, String sql) {
        return new LiteralRedactor(dialect).redact(sql);
    }

    @Test
    void replacesStringsAndNumbers() {
        assertEquals("SELECT * FROM users WHERE email = ? AND age > ? AND score = ?",
                redact(SqlDialect.POSTGRES, "SELECT * FROM users WHERE email = 'a@b.c' AND age > 42 AND score = 1.5e3"));
    }

    @Test
    void keepsIdentifiersWithDigitsKeywordsAndParameters() {
        assertEquals("SELECT t1.c2 FROM t1 WHERE a = $1 AND b = ? AND c = :name",
                redact(SqlDialect.POSTGRES, "SELECT t1.c2 FROM t1 WHERE a = $1 AND b = ? AND c = :name"));
        assertEquals("SELECT \"it's\" FROM t", redact(SqlDialect.POSTGRES, "SELECT \"it's\" FROM t"));
    }

    @Test
    void redactsEscapedPrefixedAndDollarQuotedStrings() {
        assertEquals("SELECT ?, ?, ?, ?", redact(SqlDialect.POSTGRES, "SELECT E'a\\'b', X'ff', $$x'y$$, $t$ 'q' $t$"));
        assertEquals("SELECT ?, ?", redact(SqlDialect.MYSQL, "SELECT 'it\\'s', \"double\""));
        assertEquals("SELECT ?", redact(SqlDialect.SQLITE, "SELECT 'it''s'"));
    }

    @Test
    void dropsCommentsBecauseTheyCanCarryAnything() {
        assertEquals("SELECT   ?  ", redact(SqlDialect.POSTGRES, "SELECT /* 'secret' */ 1 -- password 'x'"));
        assertEquals("SELECT ?  ", redact(SqlDialect.MYSQL, "SELECT 1 # 'secret'\n").replace("\n", ""));
    }

    @Test
    void redactsUnparseableText() {
        assertEquals("FROBNICATE ? WITH ? ?", redact(SqlDialect.POSTGRES, "FROBNICATE 'card 4111' WITH 7 'unterminated"));
    }
}
