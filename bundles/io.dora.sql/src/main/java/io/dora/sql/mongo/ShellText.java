package io.dora.sql.mongo;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonValue;
import org.bson.json.JsonParseException;

import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;

/**
 * The scanner under the shell parser: finds where a bracketed part ends (aware of quotes, regular expression
 * literals and comments), splits argument lists, and parses values with bson's shell-mode JSON reader. Its
 * errors name the line and column, which the JSON reader itself does not: a value that fails is narrowed down
 * to its smallest member that fails on its own.
 */
final class ShellText {

    /** A part of the text, {@code [start, end)}. */
    record Span(int start, int end) {
    }

    private final String text;
    /** The text with its comments blanked out (same offsets), for the JSON reader, which knows no comments. */
    private final String parseable;

    ShellText(String text) {
        this.text = text;
        this.parseable = blankComments(text);
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    char charAt(int index) {
        return text.charAt(index);
    }

    String slice(Span span) {
        return text.substring(span.start, span.end);
    }

    /** The first index at or after {@code from} that is not white space or a comment. */
    int skipBlanks(int from) {
        int index = from;
        while (index < text.length()) {
            char c = text.charAt(index);
            if (Character.isWhitespace(c)) {
                index++;
            } else if (text.startsWith("//", index)) {
                int end = text.indexOf('\n', index);
                index = end < 0 ? text.length() : end + 1;
            } else if (text.startsWith("/*", index)) {
                int end = text.indexOf("*/", index + 2);
                if (end < 0) {
                    throw error(index, "This comment is not closed");
                }
                index = end + 2;
            } else {
                return index;
            }
        }
        return index;
    }

    /** The identifier (letters, digits, {@code _}, {@code $}) that starts at {@code from}; empty when none. */
    String identifierAt(int from) {
        int end = from;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'
                || text.charAt(end) == '$')) {
            end++;
        }
        return text.substring(from, end);
    }

    /**
     * The index of the bracket that closes the one at {@code open}, skipping nested brackets, strings, regular
     * expressions and comments.
     */
    int closingBracket(int open) {
        List<Character> expected = new ArrayList<>();
        expected.add(closerOf(text.charAt(open)));
        int index = open + 1;
        boolean valueMayStart = true;
        while (index < text.length()) {
            char c = text.charAt(index);
            if (c == '"' || c == '\'') {
                index = stringEnd(index);
                valueMayStart = false;
                continue;
            }
            if (c == '/' && (text.startsWith("//", index) || text.startsWith("/*", index))) {
                index = skipBlanks(index);
                continue;
            }
            if (c == '/' && valueMayStart) {
                index = regexEnd(index);
                valueMayStart = false;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                expected.add(closerOf(c));
            } else if (c == ')' || c == ']' || c == '}') {
                char wanted = expected.remove(expected.size() - 1);
                if (c != wanted) {
                    throw error(index, "Expected '" + wanted + "' but found '" + c + "'");
                }
                if (expected.isEmpty()) {
                    return index;
                }
            }
            if (!Character.isWhitespace(c)) {
                valueMayStart = c == '(' || c == '[' || c == '{' || c == ',' || c == ':';
            }
            index++;
        }
        throw error(open, "This '" + text.charAt(open) + "' is never closed");
    }

    /** Splits {@code inside} at the commas outside brackets and strings; blank parts (trailing commas) are dropped. */
    List<Span> splitAtCommas(Span inside) {
        List<Span> parts = new ArrayList<>();
        int start = inside.start;
        int index = inside.start;
        boolean valueMayStart = true;
        while (index < inside.end) {
            char c = text.charAt(index);
            if (c == '"' || c == '\'') {
                index = stringEnd(index);
                valueMayStart = false;
                continue;
            }
            if (c == '/' && (text.startsWith("//", index) || text.startsWith("/*", index))) {
                index = skipBlanks(index);
                continue;
            }
            if (c == '/' && valueMayStart) {
                index = regexEnd(index);
                valueMayStart = false;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                index = closingBracket(index) + 1;
                valueMayStart = false;
                continue;
            }
            if (c == ',') {
                addTrimmed(parts, start, index);
                start = index + 1;
            }
            if (!Character.isWhitespace(c)) {
                valueMayStart = c == ',' || c == ':';
            }
            index++;
        }
        addTrimmed(parts, start, inside.end);
        return parts;
    }

    /** Parses one value (a document, an array, a string, a number, {@code ObjectId(..)}, ...) in shell syntax. */
    BsonValue parseValue(Span span) {
        BsonValue value = tryParse(parseable(span));
        if (value == null) {
            throw error(locateFailure(span), "Cannot read this value: " + parseFailure(parseable(span)));
        }
        return value;
    }

    private String parseable(Span span) {
        return parseable.substring(span.start, span.end);
    }

    DoraException error(int index, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new DoraException(ErrorKind.SYNTAX,
                message + " (line " + line + ", column " + (index - lineStart + 1) + ")");
    }

    /** Blanks {@code //} and {@code /* *}{@code /} comments outside strings; unclosed ones are left to the scanner. */
    private static String blankComments(String source) {
        StringBuilder result = new StringBuilder(source);
        char quote = 0;
        for (int index = 0; index < source.length(); index++) {
            char c = source.charAt(index);
            if (quote != 0) {
                if (c == '\\') {
                    index++;
                } else if (c == quote || c == '\n') {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (source.startsWith("//", index)) {
                int end = source.indexOf('\n', index);
                index = blank(result, index, end < 0 ? source.length() : end) - 1;
            } else if (source.startsWith("/*", index)) {
                int end = source.indexOf("*/", index + 2);
                if (end < 0) {
                    break;
                }
                index = blank(result, index, end + 2) - 1;
            }
        }
        return result.toString();
    }

    /** Spaces over {@code [start, end)}, line breaks kept; returns {@code end}. */
    private static int blank(StringBuilder text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) != '\n') {
                text.setCharAt(i, ' ');
            }
        }
        return end;
    }

    private static BsonValue tryParse(String value) {
        try {
            BsonDocument holder = BsonDocument.parse("{\"v\":" + value + "\n}");
            return holder.size() == 1 ? holder.get("v") : null;
        } catch (JsonParseException | BsonInvalidOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String parseFailure(String value) {
        try {
            BsonDocument.parse("{\"v\":" + value + "\n}");
            return "unexpected text after the value";
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    /** The start of the smallest member of a failing document or array that fails on its own. */
    private int locateFailure(Span span) {
        char first = text.charAt(span.start);
        if ((first != '{' && first != '[') || closingBracket(span.start) != span.end - 1) {
            return span.start;
        }
        for (Span member : splitAtCommas(new Span(span.start + 1, span.end - 1))) {
            if (first == '[') {
                if (tryParse(parseable(member)) == null) {
                    return locateFailure(member);
                }
                continue;
            }
            if (tryParse("{" + parseable(member) + "}") == null) {
                int colon = topLevelColon(member);
                if (colon < 0) {
                    return member.start;
                }
                int valueStart = skipBlanks(colon + 1);
                Span value = new Span(valueStart, member.end);
                return valueStart < member.end && tryParse(parseable(value)) == null ? locateFailure(value) : member.start;
            }
        }
        return span.start;
    }

    private int topLevelColon(Span member) {
        int index = member.start;
        while (index < member.end) {
            char c = text.charAt(index);
            if (c == '"' || c == '\'') {
                index = stringEnd(index);
                continue;
            }
            if (c == ':') {
                return index;
            }
            if (c == '(' || c == '[' || c == '{') {
                return -1;
            }
            index++;
        }
        return -1;
    }

    private void addTrimmed(List<Span> parts, int start, int end) {
        int from = skipBlanks(start);
        int to = end;
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (from < to) {
            parts.add(new Span(from, to));
        }
    }

    /** The index after the string that starts at {@code open}. */
    private int stringEnd(int open) {
        char quote = text.charAt(open);
        for (int index = open + 1; index < text.length(); index++) {
            char c = text.charAt(index);
            if (c == '\\') {
                index++;
            } else if (c == quote) {
                return index + 1;
            } else if (c == '\n') {
                break;
            }
        }
        throw error(open, "This string is not closed");
    }

    /** The index after the regular expression literal ({@code /re/flags}) that starts at {@code open}. */
    private int regexEnd(int open) {
        int end = regexLiteralEnd(text, open);
        if (end < 0) {
            throw error(open, "This regular expression is not closed");
        }
        return end;
    }

    /**
     * The index after the regular expression literal ({@code /re/flags}) that starts at {@code open} in the text, or
     * -1 when its line ends first. Shared with {@link MongoScriptSplitter}, so both read a literal alike.
     */
    static int regexLiteralEnd(String text, int open) {
        boolean inClass = false;
        for (int index = open + 1; index < text.length(); index++) {
            char c = text.charAt(index);
            if (c == '\\') {
                index++;
            } else if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                int end = index + 1;
                while (end < text.length() && Character.isLetter(text.charAt(end))) {
                    end++; // flags
                }
                return end;
            } else if (c == '\n') {
                break;
            }
        }
        return -1;
    }

    private static char closerOf(char open) {
        return switch (open) {
            case '(' -> ')';
            case '[' -> ']';
            default -> '}';
        };
    }
}
