package io.dora.core.safety;

import java.util.List;

import io.dora.core.connection.Environment;

/**
 * The statements of one request that need the user's consent before they run.
 *
 * @param connectionName the connection's name, for the dialog's title
 * @param environment    the connection's environment
 * @param statements     the statements with the verdict CONFIRM, with their rules and reasons
 */
public record ConfirmationRequest(String connectionName, Environment environment, List<StatementVerdict> statements) {

    public ConfirmationRequest {
        statements = List.copyOf(statements);
    }
}
