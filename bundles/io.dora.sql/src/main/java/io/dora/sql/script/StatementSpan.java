package io.dora.sql.script;

/**
 * One statement of a script: its text without the delimiter and without the comments and blanks around it.
 *
 * @param text   the statement's text, {@code script.substring(start, end)}
 * @param start  offset of its first character in the script (0-based, in chars)
 * @param end    offset just after its last character
 * @param line   line of its first character (1-based)
 * @param column column of its first character (1-based, in chars)
 */
public record StatementSpan(String text, int start, int end, int line, int column) {
}
