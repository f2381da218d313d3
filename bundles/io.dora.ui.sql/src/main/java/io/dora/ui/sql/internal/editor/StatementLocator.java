package io.dora.ui.sql.internal.editor;

import java.util.List;
import java.util.Optional;

import io.dora.sql.redact.LiteralRedactor;
import io.dora.sql.script.ScriptSplitter;
import io.dora.sql.script.SqlDialect;
import io.dora.sql.script.StatementSpan;

/** Finds the statements of a script with the dialect's own splitting rules: all of them, or the one at the cursor. */
final class StatementLocator {

    private final SqlDialect dialect;

    /** @param dialect a dialect id; a language the splitter does not know runs its text as one statement */
    StatementLocator(String dialect) {
        this.dialect = parseOrNull(dialect);
    }

    List<String> split(String script) {
        if (dialect == null) {
            return script.isBlank() ? List.of() : List.of(script.strip());
        }
        return new ScriptSplitter(dialect).split(script).stream().map(StatementSpan::text).toList();
    }

    /** The statement the cursor is in, or the last one before it; the first one when the cursor precedes all. */
    Optional<String> at(String script, int offset) {
        if (dialect == null) {
            return split(script).stream().findFirst();
        }
        List<StatementSpan> spans = new ScriptSplitter(dialect).split(script);
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

    /** The statement with its literals masked, fit for a log file. */
    static String forLog(String statement, String dialect) {
        SqlDialect parsed = parseOrNull(dialect);
        return firstLine(parsed == null ? statement : new LiteralRedactor(parsed).redact(statement));
    }

    private static SqlDialect parseOrNull(String dialect) {
        try {
            return SqlDialect.parse(dialect);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
