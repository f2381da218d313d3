package io.dora.sql.internal.lexer;

import java.util.ArrayList;
import java.util.List;

import io.dora.sql.script.SqlDialect;

/**
 * A dialect-aware SQL lexer. It never fails: an unterminated quote or comment runs to the end of the text,
 * which is what the server would do with it too (reject it), so nothing hides behind a lexing error.
 */
public final class SqlLexer {

    private final String text;
    private final SqlDialect dialect;

    public SqlLexer(String text, SqlDialect dialect) {
        this.text = text;
        this.dialect = dialect;
    }

    /** Lexes the whole text. */
    public static List<Token> tokenize(String text, SqlDialect dialect) {
        SqlLexer lexer = new SqlLexer(text, dialect);
        List<Token> tokens = new ArrayList<>();
        int position = 0;
        while (position < text.length()) {
            Token token = lexer.next(position);
            tokens.add(token);
            position = token.end();
        }
        return tokens;
    }

    /** The significant tokens only (no blanks, no ordinary comments). */
    public static List<Token> significantTokens(String text, SqlDialect dialect) {
        return tokenize(text, dialect).stream().filter(Token::significant).toList();
    }

    /** The token that starts at {@code start} (which must be below the text's length). */
    public Token next(int start) {
        char c = text.charAt(start);
        char following = charAt(start + 1);
        if (Character.isWhitespace(c)) {
            int end = start;
            while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            return token(TokenType.WHITESPACE, start, end);
        }
        if (c == '-' && following == '-' && (dialect != SqlDialect.MYSQL || isBlankOrEnd(start + 2))
                || c == '#' && dialect == SqlDialect.MYSQL) {
            int end = text.indexOf('\n', start);
            return token(TokenType.COMMENT, start, end < 0 ? text.length() : end);
        }
        if (c == '/' && following == '*') {
            return blockComment(start);
        }
        if (c == '\'') {
            return quoted(TokenType.STRING, start, start, '\'', dialect == SqlDialect.MYSQL);
        }
        if (c == '"') {
            return dialect == SqlDialect.MYSQL ? quoted(TokenType.STRING, start, start, '"', true)
                    : quoted(TokenType.QUOTED_IDENTIFIER, start, start, '"', false);
        }
        if (c == '`' && dialect != SqlDialect.POSTGRES) {
            return quoted(TokenType.QUOTED_IDENTIFIER, start, start, '`', false);
        }
        if (c == '[' && dialect == SqlDialect.SQLITE) {
            int end = text.indexOf(']', start + 1);
            return token(TokenType.QUOTED_IDENTIFIER, start, end < 0 ? text.length() : end + 1);
        }
        if (c == '$' && dialect == SqlDialect.POSTGRES) {
            return dollar(start);
        }
        if (Character.isDigit(c) || c == '.' && Character.isDigit(following)) {
            return number(start);
        }
        if (isWordStart(c)) {
            return word(start);
        }
        if (c == '?' || (c == ':' || c == '@') && (isWordStart(following) || following == '@')) {
            int end = start + 1;
            while (end < text.length() && (isWordPart(text.charAt(end)) || text.charAt(end) == '@')) {
                end++;
            }
            return token(TokenType.PARAMETER, start, end);
        }
        return token(TokenType.SYMBOL, start, start + 1);
    }

    private Token blockComment(int start) {
        boolean nests = dialect == SqlDialect.POSTGRES;
        int depth = 0;
        int position = start;
        while (position < text.length()) {
            if (text.startsWith("/*", position) && (nests || depth == 0)) {
                depth++;
                position += 2;
            } else if (text.startsWith("*/", position)) {
                depth--;
                position += 2;
                if (depth == 0) {
                    break;
                }
            } else {
                position++;
            }
        }
        boolean executable = dialect == SqlDialect.MYSQL && charAt(start + 2) == '!';
        return token(executable ? TokenType.EXECUTABLE_COMMENT : TokenType.COMMENT, start, position);
    }

    /** A quoted run that starts at {@code quoteAt}; a doubled quote is an escaped quote. */
    private Token quoted(TokenType type, int start, int quoteAt, char quote, boolean backslashEscapes) {
        int position = quoteAt + 1;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '\\' && backslashEscapes) {
                position += 2;
            } else if (c == quote && charAt(position + 1) == quote) {
                position += 2;
            } else if (c == quote) {
                return token(type, start, position + 1);
            } else {
                position++;
            }
        }
        return token(type, start, text.length());
    }

    /** {@code $1} is a parameter; {@code $$...$$} and {@code $tag$...$tag$} are strings. */
    private Token dollar(int start) {
        int end = start + 1;
        if (Character.isDigit(charAt(end))) {
            while (Character.isDigit(charAt(end))) {
                end++;
            }
            return token(TokenType.PARAMETER, start, end);
        }
        while (isWordStart(charAt(end)) || end > start + 1 && Character.isDigit(charAt(end))) {
            end++;
        }
        if (charAt(end) != '$') {
            return token(TokenType.SYMBOL, start, start + 1);
        }
        String delimiter = text.substring(start, end + 1);
        int close = text.indexOf(delimiter, end + 1);
        return token(TokenType.STRING, start, close < 0 ? text.length() : close + delimiter.length());
    }

    private Token number(int start) {
        int end = start;
        if (text.charAt(start) == '0' && (charAt(start + 1) == 'x' || charAt(start + 1) == 'X')) {
            end += 2;
            while (Character.digit(charAt(end), 16) >= 0) {
                end++;
            }
            return token(TokenType.NUMBER, start, end);
        }
        while (Character.isDigit(charAt(end)) || charAt(end) == '.') {
            end++;
        }
        if ((charAt(end) == 'e' || charAt(end) == 'E')
                && (Character.isDigit(charAt(end + 1)) || (charAt(end + 1) == '-' || charAt(end + 1) == '+')
                        && Character.isDigit(charAt(end + 2)))) {
            end += 2;
            while (Character.isDigit(charAt(end))) {
                end++;
            }
        }
        return token(TokenType.NUMBER, start, end);
    }

    /** A word, or a prefixed string such as {@code E'..'}, {@code N'..'}, {@code X'..'}, {@code B'..'}. */
    private Token word(int start) {
        int end = start + 1;
        while (end < text.length() && isWordPart(text.charAt(end))) {
            end++;
        }
        if (end - start == 1 && charAt(end) == '\'' && "eEnNxXbB".indexOf(text.charAt(start)) >= 0) {
            boolean escapes = dialect == SqlDialect.MYSQL || text.charAt(start) == 'e' || text.charAt(start) == 'E';
            return quoted(TokenType.STRING, start, end, '\'', escapes);
        }
        return token(TokenType.WORD, start, end);
    }

    private Token token(TokenType type, int start, int end) {
        return new Token(type, start, end, text.substring(start, end));
    }

    private char charAt(int index) {
        return index < text.length() ? text.charAt(index) : '\0';
    }

    private boolean isBlankOrEnd(int index) {
        return index >= text.length() || Character.isWhitespace(text.charAt(index));
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
