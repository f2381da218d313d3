package io.dora.sql.internal.classify;

import java.util.List;
import java.util.Set;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.sql.internal.lexer.Token;
import io.dora.sql.safety.Classification;
import io.dora.sql.safety.DangerousRule;
import io.dora.sql.safety.StatementCategory;

/**
 * Queries and DML, on JSQLParser's AST: the statement type and the WHERE clause come from the tree. A parsed
 * SELECT is also checked on its tokens for DML (data-modifying CTEs), row locks and INTO, so that no nesting
 * the tree walk might miss turns a write into a read. A statement the parser rejects, or parses into a type
 * not handled here, is UNKNOWN.
 */
final class DmlClassifier {

    private static final Logger LOG = LoggerFactory.getLogger(DmlClassifier.class);

    private DmlClassifier() {
    }

    static Classification classify(StatementText text) {
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(text.parserSql());
        } catch (JSQLParserException | RuntimeException e) {
            // the parser text has its literals replaced by placeholders, so the message carries no data
            LOG.debug("JSQLParser rejected a {} statement ({}): {}", text.keyword(0), text.dialect(), e.getMessage());
            return unparsed(text);
        }
        if (statement instanceof Select) {
            return Classification.of(selectCategory(text), true, selectRules(text));
        }
        if (statement instanceof Insert || statement instanceof Upsert || statement instanceof Merge) {
            return Classification.of(StatementCategory.WRITE, true);
        }
        if (statement instanceof Update update) {
            return Classification.of(StatementCategory.WRITE, true, whereRule(update.getWhere()));
        }
        if (statement instanceof Delete delete) {
            return Classification.of(StatementCategory.WRITE, true, whereRule(delete.getWhere()));
        }
        return Classification.unknown();
    }

    /**
     * An INSERT the parser does not know (SQLite's {@code INSERT OR REPLACE}, MySQL's {@code REPLACE}) is still
     * certainly a write (there is no WHERE to check), though still unrecognised; anything else unparsed is UNKNOWN.
     */
    private static Classification unparsed(StatementText text) {
        boolean insert = Set.of("INSERT", "REPLACE", "UPSERT").contains(text.keyword(0));
        return insert ? Classification.of(StatementCategory.WRITE, false, DangerousRule.UNRECOGNISED)
                : Classification.unknown();
    }

    private static DangerousRule[] whereRule(Expression where) {
        if (where == null) {
            return new DangerousRule[] {DangerousRule.MISSING_WHERE};
        }
        return isAlwaysTrue(where) ? new DangerousRule[] {DangerousRule.TRIVIAL_WHERE} : new DangerousRule[0];
    }

    /**
     * True for conditions that hold for every row: {@code TRUE}, a non-zero number, {@code a = a} (same text on
     * both sides: {@code 1=1}, {@code 'a'='a'}, {@code x=x}), {@code NOT FALSE}, and any OR with such a side.
     */
    static boolean isAlwaysTrue(Expression expression) {
        if (expression instanceof Parenthesis parenthesis) {
            return isAlwaysTrue(parenthesis.getExpression());
        }
        if (expression instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
            return isAlwaysTrue(list.get(0));
        }
        if (expression instanceof OrExpression or) {
            return isAlwaysTrue(or.getLeftExpression()) || isAlwaysTrue(or.getRightExpression());
        }
        if (expression instanceof AndExpression and) {
            return isAlwaysTrue(and.getLeftExpression()) && isAlwaysTrue(and.getRightExpression());
        }
        if (expression instanceof EqualsTo || expression instanceof GreaterThanEquals
                || expression instanceof MinorThanEquals) {
            var comparison = (net.sf.jsqlparser.expression.BinaryExpression) expression;
            return comparison.getLeftExpression().toString().equalsIgnoreCase(comparison.getRightExpression().toString());
        }
        if (expression instanceof NotExpression not) {
            return isAlwaysFalse(not.getExpression());
        }
        if (expression instanceof BooleanValue value) {
            return value.getValue();
        }
        if (expression instanceof LongValue number) {
            return number.getValue() != 0;
        }
        return expression instanceof Column column && column.getColumnName().equalsIgnoreCase("true");
    }

    private static boolean isAlwaysFalse(Expression expression) {
        return expression instanceof BooleanValue value && !value.getValue()
                || expression instanceof LongValue number && number.getValue() == 0
                || expression instanceof Column column && column.getColumnName().equalsIgnoreCase("false");
    }

    private static StatementCategory selectCategory(StatementText text) {
        List<Token> tokens = text.tokens();
        StatementCategory category = StatementCategory.READ;
        for (int i = 0; i < tokens.size(); i++) {
            String word = text.keyword(i);
            String previous = i > 0 ? text.keyword(i - 1) : "";
            boolean lockingUpdate = word.equals("UPDATE") && (previous.equals("FOR") || previous.equals("KEY"));
            if (word.equals("INSERT") || word.equals("DELETE") || word.equals("MERGE")
                    || word.equals("UPDATE") && !lockingUpdate) {
                return StatementCategory.WRITE;
            }
            if (word.equals("INTO")) {
                StatementCategory into = intoCategory(text, i + 1);
                if (into == StatementCategory.WRITE) {
                    return into;
                }
                category = StatementCategory.worst(category, into);
            }
            boolean lock = previous.equals("FOR")
                    && (lockingUpdate || word.equals("SHARE") || word.equals("NO") || word.equals("KEY"));
            if (lock) {
                category = StatementCategory.worst(category, StatementCategory.SIDE_EFFECT);
            }
        }
        return category;
    }

    /** {@code INTO OUTFILE} writes a server file; any other {@code INTO} creates or fills a table. */
    private static StatementCategory intoCategory(StatementText text, int next) {
        String target = text.keyword(next);
        boolean file = target.equals("OUTFILE") || target.equals("DUMPFILE");
        return file ? StatementCategory.SIDE_EFFECT : StatementCategory.WRITE;
    }

    private static DangerousRule[] selectRules(StatementText text) {
        int into = text.indexAtTopLevel("INTO", 0);
        boolean file = into >= 0 && (text.keyword(into + 1).equals("OUTFILE") || text.keyword(into + 1).equals("DUMPFILE"));
        return file ? new DangerousRule[] {DangerousRule.SERVER_FILE} : new DangerousRule[0];
    }
}
