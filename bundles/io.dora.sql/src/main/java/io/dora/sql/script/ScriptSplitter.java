package io.dora.sql.script;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dora.sql.internal.lexer.SqlLexer;
import io.dora.sql.internal.lexer.Token;

/**
 * Splits a script into statements the way the dialect's own client does ({@code psql}, {@code mysql},
 * {@code sqlite3}): semicolons inside quotes, comments and dollar quotes do not split; MySQL's
 * {@code DELIMITER} command changes the delimiter; PostgreSQL's {@code BEGIN ATOMIC ... END} bodies and
 * SQLite's trigger bodies keep their inner semicolons. Empty statements are skipped; a last statement
 * without a delimiter is kept. Each span excludes the delimiter and the comments and blanks around the
 * statement.
 */
public final class ScriptSplitter {

    private static final Pattern DELIMITER_COMMAND = Pattern.compile("(?i)DELIMITER[ \\t]+(\\S+)[^\\n]*");

    private final SqlDialect dialect;

    public ScriptSplitter(SqlDialect dialect) {
        this.dialect = dialect;
    }

    public List<StatementSpan> split(String script) {
        SqlLexer lexer = new SqlLexer(script, dialect);
        LineIndex lines = new LineIndex(script);
        List<StatementSpan> statements = new ArrayList<>();
        String delimiter = ";";
        BlockDepth block = new BlockDepth(dialect);
        int first = -1;
        int last = -1;
        int position = 0;
        while (position < script.length()) {
            if (first < 0 && dialect == SqlDialect.MYSQL && onlyBlanksBefore(script, position)) {
                Matcher command = DELIMITER_COMMAND.matcher(script).region(position, script.length());
                if (command.lookingAt()) {
                    delimiter = command.group(1);
                    position = command.end();
                    continue;
                }
            }
            if (block.depth() == 0 && script.startsWith(delimiter, position)) {
                addStatement(statements, script, lines, first, last);
                first = -1;
                block = new BlockDepth(dialect);
                position += delimiter.length();
                continue;
            }
            Token token = lexer.next(position);
            if (token.significant()) {
                first = first < 0 ? token.start() : first;
                last = token.end();
                block.accept(token);
            }
            position = token.end();
        }
        addStatement(statements, script, lines, first, last);
        return statements;
    }

    private static void addStatement(List<StatementSpan> statements, String script, LineIndex lines, int first,
            int last) {
        if (first >= 0) {
            statements.add(new StatementSpan(script.substring(first, last), first, last, lines.line(first),
                    lines.column(first)));
        }
    }

    /** True when nothing but spaces or tabs stands between the line's start and the offset. */
    private static boolean onlyBlanksBefore(String script, int offset) {
        int index = offset - 1;
        while (index >= 0 && (script.charAt(index) == ' ' || script.charAt(index) == '\t')) {
            index--;
        }
        return index < 0 || script.charAt(index) == '\n';
    }

    /** Tracks the bodies whose inner semicolons belong to the statement. */
    private static final class BlockDepth {
        private final SqlDialect dialect;
        private final List<String> leadingWords = new ArrayList<>();
        private Token previous;
        private int depth;

        BlockDepth(SqlDialect dialect) {
            this.dialect = dialect;
        }

        int depth() {
            return depth;
        }

        void accept(Token token) {
            String word = token.keyword();
            if (leadingWords.size() < 4) {
                leadingWords.add(word == null ? "" : word);
            }
            if (depth > 0 && "CASE".equals(word)) {
                depth++;
            } else if (depth > 0 && "END".equals(word)) {
                depth--;
            } else if (depth == 0 && opensBody(word)) {
                depth = 1;
            }
            previous = token;
        }

        private boolean opensBody(String word) {
            if (dialect == SqlDialect.POSTGRES) {
                return "ATOMIC".equals(word) && previous != null && previous.is("BEGIN");
            }
            return dialect == SqlDialect.SQLITE && "BEGIN".equals(word) && leadingWords.get(0).equals("CREATE")
                    && leadingWords.contains("TRIGGER");
        }
    }

    /** Line and column of an offset. */
    private static final class LineIndex {
        private final List<Integer> lineStarts = new ArrayList<>();

        LineIndex(String text) {
            lineStarts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    lineStarts.add(i + 1);
                }
            }
        }

        int line(int offset) {
            int index = Collections.binarySearch(lineStarts, offset);
            return (index >= 0 ? index : -index - 2) + 1;
        }

        int column(int offset) {
            return offset - lineStarts.get(line(offset) - 1) + 1;
        }
    }
}
