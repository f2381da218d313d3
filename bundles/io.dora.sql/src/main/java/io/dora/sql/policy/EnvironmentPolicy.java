package io.dora.sql.policy;

/**
 * The safety rules of one environment.
 *
 * @param readOnly                every write is blocked
 * @param dangerous               what to do with a statement that breaks a dangerous rule
 * @param requireWhere            UPDATE/DELETE without a WHERE, or with an always-true one, is blocked
 * @param maxRows                 the most rows a result may fetch, 0 for no limit
 * @param statementTimeoutSeconds the server-side statement timeout, 0 for none
 */
public record EnvironmentPolicy(boolean readOnly, DangerousMode dangerous, boolean requireWhere, int maxRows,
        int statementTimeoutSeconds) {
}
