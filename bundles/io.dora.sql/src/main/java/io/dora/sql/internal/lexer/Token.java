package io.dora.sql.internal.lexer;

import java.util.Locale;

/** A lexed piece of SQL: {@code source.substring(start, end)}. */
public record Token(TokenType type, int start, int end, String text) {

    /** True for tokens that are part of a statement (not blanks or ordinary comments). */
    public boolean significant() {
        return type != TokenType.WHITESPACE && type != TokenType.COMMENT;
    }

    /** The upper-case word, or {@code null} when this is not an unquoted word. */
    public String keyword() {
        return type == TokenType.WORD ? text.toUpperCase(Locale.ROOT) : null;
    }

    public boolean is(String keyword) {
        return type == TokenType.WORD && text.equalsIgnoreCase(keyword);
    }

    public boolean isSymbol(char symbol) {
        return type == TokenType.SYMBOL && text.length() == 1 && text.charAt(0) == symbol;
    }
}
