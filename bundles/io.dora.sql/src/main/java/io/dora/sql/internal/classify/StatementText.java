package io.dora.sql.internal.classify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;

import io.dora.sql.internal.lexer.SqlLexer;
import io.dora.sql.internal.lexer.Token;
import io.dora.sql.internal.lexer.TokenType;
import io.dora.sql.script.SqlDialect;

/**
 * One statement prepared for classification: comments blanked out (so that no parser is confused by
 * {@code #} comments), MySQL executable comments unwrapped (the server runs what they contain), and the
 * significant tokens of the result. {@link #parserSql()} is the same statement in the one lexical form every
 * JSQLParser grammar accepts.
 */
record StatementText(String sql, List<Token> tokens, SqlDialect dialect) {

    private static final String PLACEHOLDER = "'s%d'";

    static StatementText of(String statement, SqlDialect dialect) {
        StringBuilder sql = new StringBuilder(statement.length());
        for (Token token : SqlLexer.tokenize(statement, dialect)) {
            if (token.type() == TokenType.COMMENT) {
                sql.append(" ".repeat(token.text().length()));
            } else if (token.type() == TokenType.EXECUTABLE_COMMENT) {
                sql.append(unwrapExecutable(token.text()));
            } else {
                sql.append(token.text());
            }
        }
        String text = sql.toString().strip();
        return new StatementText(text, SqlLexer.significantTokens(text, dialect), dialect);
    }

    /** {@code /*!40101 SET x=1 *}{@code /} becomes {@code SET x=1}. */
    private static String unwrapExecutable(String comment) {
        int bodyStart = 3;
        while (bodyStart < comment.length() && Character.isDigit(comment.charAt(bodyStart))) {
            bodyStart++;
        }
        int bodyEnd = comment.endsWith("*/") ? comment.length() - 2 : comment.length();
        return " " + comment.substring(bodyStart, Math.max(bodyStart, bodyEnd)) + " ";
    }

    /**
     * The statement for JSQLParser: each string literal (dollar-quoted, {@code E'..'}, backslash-escaped)
     * becomes a plain {@code 's<n>'}, equal literals getting equal placeholders so that {@code 'a' = 'a'} stays
     * recognisable; backtick and bracket identifiers become double-quoted ones.
     */
    String parserSql() {
        StringBuilder parserSql = new StringBuilder(sql.length());
        Map<String, Integer> literals = new HashMap<>();
        int copied = 0;
        for (Token token : tokens) {
            parserSql.append(sql, copied, token.start());
            if (token.type() == TokenType.STRING) {
                Integer number = literals.computeIfAbsent(token.text(), text -> literals.size());
                parserSql.append(String.format(PLACEHOLDER, number));
            } else if (token.type() == TokenType.QUOTED_IDENTIFIER && token.text().charAt(0) != '"') {
                String name = token.text().substring(1, token.text().length() - 1);
                parserSql.append('"').append(name.replace("\"", "\"\"")).append('"');
            } else {
                parserSql.append(token.text());
            }
            copied = token.end();
        }
        return parserSql.toString();
    }

    /** The upper-case keyword at a token index, or {@code ""} past the end or for a non-word. */
    String keyword(int index) {
        if (index >= tokens.size()) {
            return "";
        }
        String keyword = tokens.get(index).keyword();
        return keyword == null ? "" : keyword;
    }

    /** The text from a token to the end. */
    String textFrom(int index) {
        return index < tokens.size() ? sql.substring(tokens.get(index).start()) : "";
    }

    /** The tokens, upper-cased and joined by single spaces, for exact whole-statement patterns. */
    String normalized() {
        return tokens.stream().map(token -> token.text().toUpperCase(Locale.ROOT)).collect(Collectors.joining(" "));
    }

    /** Index of the first token with this keyword at parenthesis depth 0, or -1. */
    int indexAtTopLevel(String keyword, int from) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol('(')) {
                depth++;
            } else if (token.isSymbol(')')) {
                depth--;
            } else if (depth == 0 && token.is(keyword)) {
                return i;
            }
        }
        return -1;
    }

    boolean containsKeyword(String keyword) {
        return tokens.stream().anyMatch(token -> token.is(keyword));
    }
}
