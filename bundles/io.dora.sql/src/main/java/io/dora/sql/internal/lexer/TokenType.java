package io.dora.sql.internal.lexer;

/** What a lexed piece of SQL is. */
public enum TokenType {
    WHITESPACE,
    /** {@code -- ...}, {@code # ...} (MySQL) and block comments. */
    COMMENT,
    /** MySQL's {@code /*! ... *}{@code /}: a comment that the server executes. */
    EXECUTABLE_COMMENT,
    /** An unquoted identifier or keyword. */
    WORD,
    /** {@code "x"} (PostgreSQL, SQLite), {@code `x`}, {@code [x]} (SQLite). */
    QUOTED_IDENTIFIER,
    /** A string literal: {@code '...'}, {@code E'...'}, {@code $tag$...$tag$}, MySQL {@code "..."}. */
    STRING,
    NUMBER,
    /** {@code ?}, {@code $1}, {@code :name}, {@code @var}. */
    PARAMETER,
    /** Any other character: operators and punctuation, one token per character. */
    SYMBOL
}
