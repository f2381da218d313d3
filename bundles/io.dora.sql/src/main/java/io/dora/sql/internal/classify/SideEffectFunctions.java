package io.dora.sql.internal.classify;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.dora.sql.internal.lexer.Token;
import io.dora.sql.internal.lexer.TokenType;
import io.dora.sql.safety.DangerousRule;

/**
 * Functions that have effects even inside a SELECT. Calls are found on the token stream (a name, possibly
 * quoted or schema-qualified, followed by a parenthesis) so that no expression shape of the parser can hide
 * one; a name inside a string literal or a comment is not a call. {@code pg_sleep} and MySQL's
 * {@code SLEEP}/{@code BENCHMARK} only take time: the statement timeout is the guard for them, not the
 * read/write decision.
 */
final class SideEffectFunctions {

    /** Exact names (lower case) of functions with effects but no dangerous rule of their own. */
    private static final Set<String> FUNCTIONS = Set.of(
            "nextval", "setval", "set_config", "pg_notify", "dblink", "dblink_exec", "dblink_connect",
            "dblink_send_query", "query_to_xml", "query_to_xmlschema", "query_to_xml_and_xmlschema", "lo_create",
            "lo_creat", "lo_unlink", "lo_put", "lo_from_bytea", "lo_truncate", "pg_drop_replication_slot",
            "get_lock", "release_lock", "release_all_locks");

    /** Exact names of functions that also break a dangerous rule. */
    private static final Map<String, DangerousRule> RULED_FUNCTIONS = Map.ofEntries(
            Map.entry("pg_terminate_backend", DangerousRule.SERVER_CONTROL),
            Map.entry("pg_cancel_backend", DangerousRule.SERVER_CONTROL),
            Map.entry("pg_reload_conf", DangerousRule.SERVER_CONTROL),
            Map.entry("pg_rotate_logfile", DangerousRule.SERVER_CONTROL),
            Map.entry("pg_switch_wal", DangerousRule.SERVER_CONTROL),
            Map.entry("pg_promote", DangerousRule.SERVER_CONTROL),
            Map.entry("pg_create_restore_point", DangerousRule.SERVER_CONTROL),
            Map.entry("lo_import", DangerousRule.SERVER_FILE), Map.entry("lo_export", DangerousRule.SERVER_FILE),
            Map.entry("pg_read_file", DangerousRule.SERVER_FILE),
            Map.entry("pg_read_binary_file", DangerousRule.SERVER_FILE),
            Map.entry("pg_ls_dir", DangerousRule.SERVER_FILE),
            Map.entry("pg_file_write", DangerousRule.SERVER_FILE),
            Map.entry("pg_file_unlink", DangerousRule.SERVER_FILE),
            Map.entry("pg_file_rename", DangerousRule.SERVER_FILE),
            Map.entry("load_file", DangerousRule.SERVER_FILE),
            Map.entry("load_extension", DangerousRule.SERVER_FILE),
            Map.entry("writefile", DangerousRule.SERVER_FILE), Map.entry("readfile", DangerousRule.SERVER_FILE));

    /** Families matched by prefix: every advisory lock, statistics reset and replication slot function. */
    private static final List<String> PREFIXES = List.of("pg_advisory_", "pg_try_advisory_", "pg_stat_reset",
            "pg_create_logical_replication_slot", "pg_create_physical_replication_slot", "pg_replication_origin_");

    private SideEffectFunctions() {
    }

    /** The side-effect functions called in the tokens: empty when there are none. */
    static Set<String> calledIn(List<Token> tokens) {
        Set<String> found = new TreeSet<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token token = tokens.get(i);
            if ((token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_IDENTIFIER)
                    && tokens.get(i + 1).isSymbol('(')) {
                String name = unquote(token.text()).toLowerCase(Locale.ROOT);
                if (FUNCTIONS.contains(name) || RULED_FUNCTIONS.containsKey(name) || PREFIXES.stream().anyMatch(name::startsWith)) {
                    found.add(name);
                }
            }
        }
        return found;
    }

    /** The dangerous rules broken by calling these functions. */
    static Set<DangerousRule> rulesOf(Set<String> functions) {
        Set<DangerousRule> rules = EnumSet.noneOf(DangerousRule.class);
        for (String function : functions) {
            DangerousRule rule = RULED_FUNCTIONS.get(function);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    private static String unquote(String identifier) {
        char first = identifier.charAt(0);
        return first == '"' || first == '`' || first == '[' ? identifier.substring(1, identifier.length() - 1)
                : identifier;
    }
}
