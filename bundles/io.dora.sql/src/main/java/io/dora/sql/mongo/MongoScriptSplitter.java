package io.dora.sql.mongo;

import java.util.ArrayList;
import java.util.List;

import io.dora.sql.script.StatementSpan;

/**
 * Splits a script of MongoDB statements (the forms {@link MongoShell} reads) the way JavaScript ends them: at a
 * {@code ;}, or at a line break outside brackets when the statement is complete there. A line break does not end
 * it when the next line goes on with {@code .}, {@code (} or {@code [} (a chain such as {@code .sort(...)} on a
 * line of its own) or the line ends with {@code .}, {@code ,} or {@code :}. Quotes, comments and regular
 * expression literals never split. Each span excludes the {@code ;} and the comments and blanks around it.
 */
public final class MongoScriptSplitter {

    public List<StatementSpan> split(String script) {
        List<StatementSpan> statements = new ArrayList<>();
        int depth = 0;
        int first = -1;
        int last = -1;
        char previous = 0; // the last significant character, for regex literals and line continuations
        int index = 0;
        while (index < script.length()) {
            char c = script.charAt(index);
            if (script.startsWith("//", index) || script.startsWith("/*", index)) {
                index = commentEnd(script, index);
                continue;
            }
            if (c == '\n' && depth == 0 && first >= 0 && !continues(script, index + 1, previous)) {
                statements.add(span(script, first, last));
                first = -1;
                previous = 0;
                index++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                index++;
                continue;
            }
            if (c == ';' && depth == 0) {
                if (first >= 0) {
                    statements.add(span(script, first, last));
                }
                first = -1;
                previous = 0;
                index++;
                continue;
            }
            int end;
            if (c == '"' || c == '\'' || c == '`') {
                end = quotedEnd(script, index, c);
            } else if (c == '/' && regexMayStart(previous)) {
                end = regexEnd(script, index);
            } else {
                depth += c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0;
                depth = Math.max(depth, 0);
                end = index + 1;
            }
            first = first < 0 ? index : first;
            last = end;
            previous = end == index + 1 ? c : 'x'; // a string or regex is a value, like a letter
            index = end;
        }
        if (first >= 0) {
            statements.add(span(script, first, last));
        }
        return statements;
    }

    /** Whether the statement goes on after the line break: a chain on the next line, or an open ending. */
    private static boolean continues(String script, int from, char previous) {
        if (previous == '.' || previous == ',' || previous == ':') {
            return true;
        }
        int index = from;
        while (index < script.length()) {
            if (script.startsWith("//", index) || script.startsWith("/*", index)) {
                index = commentEnd(script, index);
            } else if (Character.isWhitespace(script.charAt(index))) {
                index++;
            } else {
                char next = script.charAt(index);
                return next == '.' || next == '(' || next == '[';
            }
        }
        return false;
    }

    private static int commentEnd(String script, int start) {
        if (script.startsWith("//", start)) {
            int end = script.indexOf('\n', start);
            return end < 0 ? script.length() : end; // the line break itself may end the statement
        }
        int end = script.indexOf("*/", start + 2);
        return end < 0 ? script.length() : end + 2;
    }

    private static int quotedEnd(String script, int start, char quote) {
        int index = start + 1;
        while (index < script.length()) {
            char c = script.charAt(index);
            if (c == '\\') {
                index += 2;
            } else if (c == quote) {
                return index + 1;
            } else if (c == '\n' && quote != '`') {
                return index; // an unclosed string ends with its line; MongoShell reports it
            } else {
                index++;
            }
        }
        return script.length();
    }

    /** A {@code /} starts a regular expression where a value may start, as in {@code {name: /^a/i}}. */
    private static boolean regexMayStart(char previous) {
        return previous == 0 || "(,:[{=!&|?;".indexOf(previous) >= 0;
    }

    /** The end of the regex literal; an unclosed one ends with its line, and MongoShell reports it. */
    private static int regexEnd(String script, int start) {
        int end = ShellText.regexLiteralEnd(script, start);
        if (end >= 0) {
            return end;
        }
        int lineEnd = script.indexOf('\n', start);
        return lineEnd < 0 ? script.length() : lineEnd;
    }

    private static StatementSpan span(String script, int start, int end) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < start; i++) {
            if (script.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new StatementSpan(script.substring(start, end), start, end, line, start - lineStart + 1);
    }
}
