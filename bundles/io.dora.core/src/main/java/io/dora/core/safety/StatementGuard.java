package io.dora.core.safety;

import java.util.List;

import io.dora.core.connection.ConnectionSpec;

/**
 * Judges statements against the safety policy before the {@code QueryManager} runs them; the SQL bundle
 * registers it as a DS service (classifier plus policy files). Core does not classify SQL itself: when no guard
 * is installed, statements run only on development connections, and are refused everywhere else.
 *
 * <p>Implementations fail closed: a statement they cannot judge is treated as a write that breaks the
 * {@code unrecognised} rule.
 */
public interface StatementGuard {

    /**
     * @param connection the connection's spec, as loaded from the catalog (environment and read-only flag)
     * @param dialect    the driver's dialect id ({@code postgres}, {@code mysql}, {@code sqlite}, {@code mongo})
     * @param statements the request's statements, already split
     */
    GuardDecision check(ConnectionSpec connection, String dialect, List<String> statements);
}
