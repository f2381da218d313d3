package io.dora.sql.redact;

import io.dora.sql.internal.lexer.SqlLexer;
import io.dora.sql.internal.lexer.Token;
import io.dora.sql.script.SqlDialect;

/**
 * Makes statement text safe to log: every string literal (including {@code E'..'}, {@code X'..'} and
 * dollar-quoted strings) and every number becomes {@code ?}, and comments, which can carry anything, are
 * dropped. Works on the lexer, so it also redacts statements no parser understands; identifiers, keywords
 * and parameters are kept.
 */
public final class LiteralRedactor {

    private final SqlDialect dialect;

    public LiteralRedactor(SqlDialect dialect) {
        this.dialect = dialect;
    }

    public String redact(String sql) {
        StringBuilder redacted = new StringBuilder(sql.length());
        for (Token token : SqlLexer.tokenize(sql, dialect)) {
            switch (token.type()) {
                case STRING, NUMBER -> redacted.append('?');
                case COMMENT, EXECUTABLE_COMMENT -> redacted.append(' ');
                default -> redacted.append(token.text());
            }
        }
        return redacted.toString();
    }
}
