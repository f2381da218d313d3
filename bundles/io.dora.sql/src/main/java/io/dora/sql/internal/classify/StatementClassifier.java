package io.dora.sql.internal.classify;

import java.util.Set;
import java.util.regex.Pattern;

import io.dora.sql.internal.lexer.TokenType;
import io.dora.sql.safety.Classification;
import io.dora.sql.safety.DangerousRule;
import io.dora.sql.safety.StatementCategory;
import io.dora.sql.script.SqlDialect;

/**
 * Classifies one statement. Statement kinds that JSQLParser does not model faithfully for all three dialects
 * (transaction control, SET, utility and maintenance commands, DDL) are recognised by their leading keywords,
 * and only ever towards "write": the few exact shapes that come out as READ or TRANSACTION_CONTROL are whole
 * statement patterns. Queries and DML go to {@link DmlClassifier}. Whatever comes out, a call of a
 * side-effect function turns a read or a setting into a SIDE_EFFECT.
 */
public final class StatementClassifier {

    private static final String TX_MODES = "( ,)?( ISOLATION LEVEL (SERIALIZABLE|REPEATABLE READ|READ COMMITTED"
            + "|READ UNCOMMITTED)| READ ONLY| READ WRITE| (NOT )?DEFERRABLE| WITH CONSISTENT SNAPSHOT)";
    private static final Pattern TRANSACTION = Pattern.compile(
            "(BEGIN( DEFERRED| IMMEDIATE| EXCLUSIVE)?( WORK| TRANSACTION)?|START TRANSACTION)(" + TX_MODES + ")*"
                    + "|(COMMIT|END|ROLLBACK|ABORT)( WORK| TRANSACTION)?( AND (NO )?CHAIN)?( (NO )?RELEASE)?"
                    + "|SAVEPOINT \\S+|RELEASE( SAVEPOINT)? \\S+|ROLLBACK( WORK| TRANSACTION)? TO( SAVEPOINT)? \\S+");
    /** Settings that would lift a read-only guard or change the session's identity. */
    private static final Pattern SETTING_ESCAPE = Pattern.compile(
            ".*\\b(READ WRITE|TRANSACTION_READ_ONLY|DEFAULT_TRANSACTION_READ_ONLY|TX_READ_ONLY|ROLE"
                    + "|SESSION AUTHORIZATION|SQL_SAFE_UPDATES)\\b.*");
    private static final Pattern MYSQL_GLOBAL_SETTING = Pattern.compile(
            "SET (GLOBAL|PERSIST|PERSIST_ONLY) .*|SET @@(GLOBAL|PERSIST|PERSIST_ONLY)\\b.*");
    private static final Set<String> SQLITE_READ_PRAGMAS = Set.of("TABLE_INFO", "TABLE_XINFO", "INDEX_LIST",
            "INDEX_INFO", "INDEX_XINFO", "FOREIGN_KEY_LIST", "FOREIGN_KEY_CHECK", "INTEGRITY_CHECK", "QUICK_CHECK");
    private static final Set<String> EXPLAIN_OPTIONS = Set.of("ANALYZE", "ANALYSE", "VERBOSE", "QUERY", "PLAN",
            "FORMAT", "TREE", "JSON", "TRADITIONAL", "EXTENDED", "PARTITIONS");

    private final SqlDialect dialect;

    public StatementClassifier(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** Classifies a single statement (no delimiter splitting here). */
    public Classification classify(String statement) {
        StatementText text = StatementText.of(statement, dialect);
        if (text.tokens().isEmpty()) {
            return Classification.of(StatementCategory.READ, true);
        }
        Classification classification = byKeyword(text);
        Set<String> functions = SideEffectFunctions.calledIn(text.tokens());
        if (functions.isEmpty()) {
            return classification;
        }
        StatementCategory category = classification.category();
        boolean harmless = category == StatementCategory.READ || category == StatementCategory.SESSION_SETTING
                || category == StatementCategory.TRANSACTION_CONTROL;
        return classification.withCategory(harmless ? StatementCategory.SIDE_EFFECT : category)
                .withRules(SideEffectFunctions.rulesOf(functions));
    }

    private Classification byKeyword(StatementText text) {
        String first = text.keyword(0);
        String normalized = text.normalized();
        if (TRANSACTION.matcher(normalized).matches()) {
            return normalized.contains("READ WRITE") ? effect() : of(StatementCategory.TRANSACTION_CONTROL);
        }
        return switch (first) {
            case "SELECT", "WITH", "VALUES", "TABLE", "INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE", "UPSERT" ->
                DmlClassifier.classify(text);
            case "SET" -> setting(normalized);
            case "RESET" -> dialect == SqlDialect.MYSQL ? effect(DangerousRule.SERVER_CONTROL)
                    : of(StatementCategory.SESSION_SETTING);
            case "SHOW" -> text.tokens().stream().anyMatch(token -> token.isSymbol('(')) ? Classification.unknown()
                    : of(StatementCategory.READ);
            case "USE", "DEALLOCATE" -> of(StatementCategory.SESSION_SETTING);
            case "EXPLAIN" -> explain(text);
            case "DESCRIBE", "DESC" -> isPlainName(text, 1) ? of(StatementCategory.READ) : explain(text);
            case "ANALYZE", "ANALYSE" -> analyze(text);
            case "PREPARE" -> prepare(text);
            case "COPY" -> copy(text);
            case "LOAD" -> text.containsKeyword("DATA") || text.containsKeyword("XML") ? load(text)
                    : effect(DangerousRule.SERVER_FILE);
            case "PRAGMA" -> pragma(text);
            case "CALL" -> of(StatementCategory.WRITE);
            case "NOTIFY", "LISTEN", "UNLISTEN", "VACUUM", "CLUSTER", "REINDEX", "CHECKPOINT", "DISCARD", "LOCK",
                    "UNLOCK", "DO", "EXECUTE", "FLUSH", "OPTIMIZE", "REPAIR", "CHECK", "HANDLER", "ATTACH", "DETACH",
                    "CACHE", "PURGE" -> effect();
            case "KILL", "SHUTDOWN", "INSTALL", "UNINSTALL" -> effect(DangerousRule.SERVER_CONTROL);
            case "GRANT" -> ddl(DangerousRule.GRANT);
            case "REVOKE" -> ddl(DangerousRule.REVOKE);
            case "TRUNCATE" -> ddl(DangerousRule.TRUNCATE);
            case "DROP" -> drop(text);
            case "ALTER" -> text.keyword(1).equals("SYSTEM") ? ddl(DangerousRule.ALTER_SYSTEM) : ddl(DangerousRule.ALTER);
            case "CREATE" -> text.keyword(1).equals("OR") && text.keyword(2).equals("REPLACE")
                    ? ddl(DangerousRule.CREATE_OR_REPLACE) : ddl();
            case "RENAME", "COMMENT", "SECURITY", "REASSIGN", "IMPORT" -> ddl();
            case "REFRESH" -> of(StatementCategory.WRITE);
            default -> Classification.unknown();
        };
    }

    private Classification setting(String normalized) {
        if (dialect == SqlDialect.MYSQL && MYSQL_GLOBAL_SETTING.matcher(normalized).matches()) {
            return effect(DangerousRule.ALTER_SYSTEM);
        }
        if (normalized.startsWith("SET PASSWORD")) {
            return ddl();
        }
        return SETTING_ESCAPE.matcher(normalized).matches() ? effect() : of(StatementCategory.SESSION_SETTING);
    }

    /**
     * Plain EXPLAIN only plans: READ when the explained statement is recognised. EXPLAIN ANALYZE runs it, so it
     * is whatever the statement is.
     */
    private Classification explain(StatementText text) {
        int index = 1;
        boolean analyze = false;
        if (text.tokens().size() > 1 && text.tokens().get(1).isSymbol('(')) {
            for (index = 2; index < text.tokens().size() && !text.tokens().get(index).isSymbol(')'); index++) {
                var next = index + 1 < text.tokens().size() ? text.tokens().get(index + 1) : null;
                boolean off = next != null && (next.is("FALSE") || next.is("OFF") || next.text().equals("0"));
                analyze |= text.keyword(index).startsWith("ANALY") && !off;
            }
            index++;
        }
        while (index < text.tokens().size()
                && (EXPLAIN_OPTIONS.contains(text.keyword(index)) || text.tokens().get(index).isSymbol('='))) {
            analyze |= text.keyword(index).startsWith("ANALY");
            index++;
        }
        if (index >= text.tokens().size()) {
            return Classification.unknown();
        }
        if (isPlainName(text, index)) {
            return of(StatementCategory.READ);
        }
        Classification inner = classify(text.textFrom(index));
        if (analyze) {
            return inner;
        }
        return inner.category() == StatementCategory.UNKNOWN ? inner : of(StatementCategory.READ);
    }

    /** PostgreSQL/SQLite ANALYZE updates statistics; MariaDB's {@code ANALYZE <statement>} runs the statement. */
    private Classification analyze(StatementText text) {
        String next = text.keyword(1);
        boolean statement = Set.of("SELECT", "WITH", "UPDATE", "DELETE", "INSERT", "REPLACE").contains(next);
        return dialect == SqlDialect.MYSQL && statement ? classify(text.textFrom(1)) : effect();
    }

    /** Preparing a read only creates a session object; preparing anything else is kept as a side effect. */
    private Classification prepare(StatementText text) {
        if (text.keyword(1).equals("TRANSACTION")) {
            return Classification.unknown();
        }
        String inner = null;
        int as = text.indexAtTopLevel("AS", 1);
        int from = text.indexAtTopLevel("FROM", 1);
        if (dialect == SqlDialect.POSTGRES && as > 0) {
            inner = text.textFrom(as + 1);
        } else if (dialect == SqlDialect.MYSQL && from > 0 && from + 2 == text.tokens().size()
                && text.tokens().get(from + 1).type() == TokenType.STRING) {
            inner = unquoteMysqlString(text.tokens().get(from + 1).text());
        }
        boolean read = inner != null && classify(inner).category() == StatementCategory.READ;
        return read ? of(StatementCategory.SESSION_SETTING) : effect();
    }

    /** COPY FROM writes; COPY TO STDOUT reads; COPY to or from a server file or program touches the server. */
    private Classification copy(StatementText text) {
        int direction = text.indexAtTopLevel("FROM", 1);
        int to = text.indexAtTopLevel("TO", 1);
        boolean copyFrom = direction > 0 && (to < 0 || direction < to);
        direction = copyFrom ? direction : to;
        if (direction < 0) {
            return Classification.unknown();
        }
        String target = text.keyword(direction + 1);
        boolean client = target.equals("STDIN") || target.equals("STDOUT");
        StatementCategory category = copyFrom ? StatementCategory.WRITE
                : client ? StatementCategory.READ : StatementCategory.SIDE_EFFECT;
        if (!copyFrom && text.tokens().get(1).isSymbol('(')) {
            String query = text.sql().substring(text.tokens().get(2).start(), text.tokens().get(to - 1).start());
            category = StatementCategory.worst(category, classify(query).category());
        }
        return client ? of(category) : Classification.of(category, false, DangerousRule.SERVER_FILE);
    }

    /** LOAD DATA INFILE reads a server file; LOAD DATA LOCAL INFILE reads the client's. */
    private Classification load(StatementText text) {
        return text.keyword(2).equals("LOCAL") || text.keyword(3).equals("LOCAL") ? of(StatementCategory.WRITE)
                : Classification.of(StatementCategory.WRITE, false, DangerousRule.SERVER_FILE);
    }

    /** {@code PRAGMA name} reads; {@code PRAGMA name = value} sets (often persistently). */
    private Classification pragma(StatementText text) {
        int nameIndex = text.tokens().size() > 2 && text.tokens().get(2).isSymbol('.') ? 3 : 1;
        boolean bare = nameIndex + 1 == text.tokens().size();
        boolean introspection = SQLITE_READ_PRAGMAS.contains(text.keyword(nameIndex))
                && nameIndex + 1 < text.tokens().size() && text.tokens().get(nameIndex + 1).isSymbol('(');
        return bare || introspection ? of(StatementCategory.READ) : effect();
    }

    private Classification drop(StatementText text) {
        String object = text.keyword(1);
        boolean database = object.equals("DATABASE") || object.equals("SCHEMA");
        return ddl(database ? DangerousRule.DROP_DATABASE : DangerousRule.DROP);
    }

    /** True when the tokens from {@code index} are exactly one possibly qualified name. */
    private static boolean isPlainName(StatementText text, int index) {
        int size = text.tokens().size();
        if (index >= size) {
            return false;
        }
        for (int i = index; i < size; i++) {
            var token = text.tokens().get(i);
            boolean name = token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_IDENTIFIER;
            if ((i - index) % 2 == 0 ? !name : !token.isSymbol('.')) {
                return false;
            }
        }
        return (size - index) % 2 == 1 && !Set.of("SELECT", "WITH", "VALUES", "TABLE").contains(text.keyword(index));
    }

    private static String unquoteMysqlString(String literal) {
        String body = literal.substring(1, literal.length() - 1);
        String quote = literal.substring(0, 1);
        return body.replace(quote + quote, quote).replace("\\" + quote, quote);
    }

    private static Classification of(StatementCategory category) {
        return Classification.of(category, false);
    }

    private static Classification effect(DangerousRule... rules) {
        return Classification.of(StatementCategory.SIDE_EFFECT, false, rules);
    }

    private static Classification ddl(DangerousRule... rules) {
        return Classification.of(StatementCategory.DDL, false, rules);
    }
}
