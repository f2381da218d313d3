package io.dora.sql.mongo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;

import io.dora.core.error.DoraException;
import io.dora.sql.safety.Classification;
import io.dora.sql.safety.DangerousRule;
import io.dora.sql.safety.StatementCategory;

/**
 * Classifies MongoDB operations with the same categories and rules as SQL: a database command document
 * ({@code {"delete": "users", "deletes": [...]}}) or a shell-form collection method ({@code deleteMany} with its
 * arguments). Fails closed: an unknown command or method is UNKNOWN, and a malformed filter counts as none.
 */
public final class MongoClassifier {

    private static final Set<String> READ_COMMANDS = Set.of("find", "count", "distinct", "listcollections",
            "listindexes", "listdatabases", "dbstats", "collstats", "serverstatus", "buildinfo", "hello", "ismaster",
            "ping", "explain", "getmore", "killcursors", "connectionstatus", "hostinfo", "getparameter", "currentop",
            "validate", "datasize");
    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify");
    private static final Set<String> TRANSACTION_COMMANDS = Set.of("committransaction", "aborttransaction",
            "endsessions", "startsession");
    private static final Set<String> READ_METHODS = Set.of("find", "findone", "countdocuments",
            "estimateddocumentcount", "count", "distinct", "getindexes", "stats", "explain");
    private static final Set<String> WRITE_METHODS = Set.of("insertone", "insertmany", "insert", "updateone",
            "replaceone", "deleteone", "findoneandupdate", "findoneandreplace", "findoneanddelete", "bulkwrite",
            "save");
    private static final Set<String> UNFILTERED_WRITE_METHODS = Set.of("updatemany", "deletemany", "remove",
            "update");
    private static final Map<String, Classification> ADMIN = Map.ofEntries(
            Map.entry("create", ddl()), Map.entry("createcollection", ddl()), Map.entry("createview", ddl()),
            Map.entry("createindexes", ddl()), Map.entry("createindex", ddl()),
            Map.entry("dropindexes", ddl(DangerousRule.DROP)), Map.entry("dropindex", ddl(DangerousRule.DROP)),
            Map.entry("drop", ddl(DangerousRule.DROP)), Map.entry("dropdatabase", ddl(DangerousRule.DROP_DATABASE)),
            Map.entry("collmod", ddl(DangerousRule.ALTER)), Map.entry("renamecollection", ddl(DangerousRule.ALTER)),
            Map.entry("createuser", ddl()), Map.entry("dropuser", ddl(DangerousRule.DROP)),
            Map.entry("updateuser", ddl(DangerousRule.ALTER)), Map.entry("grantrolestouser", ddl(DangerousRule.GRANT)),
            Map.entry("revokerolesfromuser", ddl(DangerousRule.REVOKE)),
            Map.entry("killop", effect(DangerousRule.SERVER_CONTROL)),
            Map.entry("shutdown", effect(DangerousRule.SERVER_CONTROL)),
            Map.entry("setparameter", effect(DangerousRule.ALTER_SYSTEM)), Map.entry("fsync", effect()),
            Map.entry("compact", effect()));

    /** A command document; its first key names the command. */
    public Classification classifyCommand(Map<String, ?> command) {
        if (command.isEmpty()) {
            return Classification.unknown();
        }
        String name = command.keySet().iterator().next().toLowerCase(Locale.ROOT);
        if (name.equals("aggregate")) {
            return pipeline(command.get("pipeline"));
        }
        if (READ_COMMANDS.contains(name)) {
            return Classification.of(StatementCategory.READ, true);
        }
        if (TRANSACTION_COMMANDS.contains(name)) {
            return Classification.of(StatementCategory.TRANSACTION_CONTROL, true);
        }
        if (name.equals("update") || name.equals("delete")) {
            return write(unfilteredBatch(command, name));
        }
        if (WRITE_COMMANDS.contains(name)) {
            return write(false);
        }
        return ADMIN.getOrDefault(name, Classification.unknown());
    }

    /**
     * A statement as the MongoDB driver runs it: a command document (JSON or the shell's relaxed JSON) or a shell
     * form ({@code db.users.deleteMany({})}). It is judged by the command document it becomes ({@link MongoShell}),
     * the one the driver sends; {@code use <db>} is a session setting; text that does not parse is UNKNOWN.
     */
    public Classification classifyCommand(String statement) {
        MongoStatement parsed;
        try {
            parsed = MongoShell.parse(statement, "test");
        } catch (DoraException e) {
            return Classification.unknown();
        }
        if (parsed.shape() == MongoStatement.Shape.USE_DATABASE) {
            return Classification.of(StatementCategory.SESSION_SETTING, true);
        }
        return classifyCommand(asMap(parsed.command()));
    }

    /** A command document as the nested maps and lists of {@link #classifyCommand(Map)}. */
    public static Map<String, Object> asMap(BsonDocument command) {
        return new DocumentCodec().decode(new BsonDocumentReader(command), DecoderContext.builder().build());
    }

    /**
     * A shell-form collection method, {@code db.users.deleteMany({})}: the method name and its arguments (maps
     * for documents, lists for pipelines).
     */
    public Classification classifyMethod(String method, List<?> arguments) {
        String name = method.toLowerCase(Locale.ROOT);
        Object first = arguments.isEmpty() ? null : arguments.get(0);
        if (name.equals("aggregate")) {
            return pipeline(first);
        }
        if (READ_METHODS.contains(name)) {
            return Classification.of(StatementCategory.READ, true);
        }
        if (WRITE_METHODS.contains(name)) {
            return write(false);
        }
        if (UNFILTERED_WRITE_METHODS.contains(name)) {
            return write(isEmptyFilter(first));
        }
        return ADMIN.getOrDefault(name, Classification.unknown());
    }

    /** {@code $out} and {@code $merge} stages write their results into a collection. */
    private static Classification pipeline(Object stages) {
        if (!(stages instanceof List<?> list)) {
            return Classification.unknown();
        }
        boolean writes = list.stream().anyMatch(stage -> stage instanceof Map<?, ?> map
                && (map.containsKey("$out") || map.containsKey("$merge")));
        return Classification.of(writes ? StatementCategory.WRITE : StatementCategory.READ, true);
    }

    /** An update with {@code multi: true} or a delete with {@code limit: 0} whose filter {@code q} is empty. */
    private static boolean unfilteredBatch(Map<String, ?> command, String name) {
        Object batch = command.get(name.equals("update") ? "updates" : "deletes");
        if (!(batch instanceof List<?> operations)) {
            return true;
        }
        for (Object operation : operations) {
            if (!(operation instanceof Map<?, ?> map)) {
                return true;
            }
            boolean many = name.equals("update") ? Boolean.TRUE.equals(map.get("multi"))
                    : map.get("limit") instanceof Number limit && limit.intValue() == 0;
            if (many && isEmptyFilter(map.get("q"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEmptyFilter(Object filter) {
        return !(filter instanceof Map<?, ?> map) || map.isEmpty();
    }

    private static Classification write(boolean unfiltered) {
        return unfiltered ? Classification.of(StatementCategory.WRITE, true, DangerousRule.NO_FILTER)
                : Classification.of(StatementCategory.WRITE, true);
    }

    private static Classification ddl(DangerousRule... rules) {
        return Classification.of(StatementCategory.DDL, true, rules);
    }

    private static Classification effect(DangerousRule... rules) {
        return Classification.of(StatementCategory.SIDE_EFFECT, true, rules);
    }
}
