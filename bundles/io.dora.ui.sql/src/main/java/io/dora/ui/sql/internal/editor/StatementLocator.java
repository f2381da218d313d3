package io.dora.ui.sql.internal.editor;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.dora.sql.mongo.MongoScriptSplitter;
import io.dora.sql.redact.LiteralRedactor;
import io.dora.sql.script.ScriptSplitter;
import io.dora.sql.script.SqlDialect;
import io.dora.sql.script.StatementSpan;

/**
 * Finds the statements of a script with the language's own splitting rules (a SQL dialect's, or MongoDB's shell
 * statements): all of them, or the one at the cursor.
 */
final class StatementLocator {

    static final String MONGO = "mongo";

    private final Function<String, List<StatementSpan>> splitter;

    /** @param dialect a dialect id; a language no splitter knows runs its text as one statement */
    StatementLocator(String dialect) {
        SqlDialect sql = parseOrNull(dialect);
        if (sql != null) {
            splitter = new ScriptSplitter(sql)::split;
        } else if (MONGO.equals(dialect)) {
            splitter = new MongoScriptSplitter()::split;
        } else {
            splitter = StatementLocator::whole;
        }
    }

    List<String> split(String script) {
        return splitter.apply(script).stream().map(StatementSpan::text).toList();
    }

    /** The statement the cursor is in, or the last one before it; the first one when the cursor precedes all. */
    Optional<String> at(String script, int offset) {
        List<StatementSpan> spans = splitter.apply(script);
        StatementSpan chosen = null;
        for (StatementSpan span : spans) {
            if (span.start() <= offset || chosen == null) {
                chosen = span;
            }
        }
        return Optional.ofNullable(chosen).map(StatementSpan::text);
    }

    static String firstLine(String statement) {
        String line = statement.lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 120) + "\u2026" : line;
    }

    /**
     * The statement with its literals masked, fit for a log file. Of a statement no redactor reads (MongoDB's)
     * only the part before its first argument is kept, {@code db.users.find(…)}: values never reach the log.
     */
    static String forLog(String statement, String dialect) {
        SqlDialect parsed = parseOrNull(dialect);
        if (parsed != null) {
            return firstLine(new LiteralRedactor(parsed).redact(statement));
        }
        String line = firstLine(statement);
        int arguments = line.replaceAll("[({\\[].*", "").length();
        return arguments == line.length() ? line : line.substring(0, arguments + 1) + "\u2026";
    }

    private static List<StatementSpan> whole(String script) {
        String text = script.strip();
        int start = script.indexOf(text);
        return text.isEmpty() ? List.of() : List.of(new StatementSpan(text, start, start + text.length(), 1, 1));
    }

    private static SqlDialect parseOrNull(String dialect) {
        try {
            return SqlDialect.parse(dialect);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
