package io.dora.sql.safety;

import java.util.ArrayList;
import java.util.List;

import io.dora.sql.internal.classify.StatementClassifier;
import io.dora.sql.script.ScriptSplitter;
import io.dora.sql.script.SqlDialect;
import io.dora.sql.script.StatementSpan;

/**
 * Classifies SQL for one dialect. It fails closed: what it cannot parse or does not recognise is
 * {@link StatementCategory#UNKNOWN}, which every decision treats as a write. Stateless and thread-safe.
 */
public final class SqlClassifier {

    private final SqlDialect dialect;
    private final StatementClassifier statements;

    public SqlClassifier(SqlDialect dialect) {
        this.dialect = dialect;
        this.statements = new StatementClassifier(dialect);
    }

    /**
     * Classifies a statement. If the text holds several statements, the result is the most write-like category
     * of them with the rules of all, so that a second statement cannot hide behind a harmless first one.
     */
    public Classification classify(String sql) {
        List<StatementSpan> spans = new ScriptSplitter(dialect).split(sql);
        if (spans.size() <= 1) {
            return statements.classify(spans.isEmpty() ? "" : spans.get(0).text());
        }
        List<Classification> parts = spans.stream().map(span -> statements.classify(span.text())).toList();
        StatementCategory worst = parts.stream().map(Classification::category)
                .reduce(StatementCategory.READ, StatementCategory::worst);
        List<DangerousRule> rules = new ArrayList<>();
        parts.forEach(part -> rules.addAll(part.rules()));
        return new Classification(worst, rules, parts.stream().allMatch(Classification::parsed));
    }

    /** Each statement of a script with its classification. */
    public List<ClassifiedStatement> classifyScript(String script) {
        return new ScriptSplitter(dialect).split(script).stream()
                .map(span -> new ClassifiedStatement(span, statements.classify(span.text())))
                .toList();
    }
}
