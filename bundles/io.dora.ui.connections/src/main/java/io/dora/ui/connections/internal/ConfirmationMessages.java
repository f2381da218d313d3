package io.dora.ui.connections.internal;

import io.dora.core.safety.ConfirmationRequest;
import io.dora.core.safety.StatementVerdict;
import io.dora.core.safety.Verdict;

/** The words of the confirmation dialogs, apart from SWT so that they are tested on their own. */
final class ConfirmationMessages {

    static final int MAX_STATEMENT_CHARS = 400;

    private ConfirmationMessages() {
    }

    static String hostKey(String host, String keyType, String fingerprint) {
        return "The SSH server " + host + " presents a host key that is not in known_hosts:\n\n"
                + keyType + "  " + fingerprint + "\n\n"
                + "Compare the fingerprint with the one the server's administrator gives you. Trust this key"
                + " and remember it in known_hosts?";
    }

    /** Names the connection, its environment, and per statement the policy rules that ask for confirmation. */
    static String statements(ConfirmationRequest request) {
        StringBuilder text = new StringBuilder("On '").append(request.connectionName()).append("' (")
                .append(request.environment().id()).append(") the policy asks you to confirm:\n");
        for (StatementVerdict verdict : request.statements()) {
            if (verdict.verdict() == Verdict.ALLOW) {
                continue;
            }
            text.append("\nStatement ").append(verdict.index() + 1).append(": ").append(shortened(verdict.statement()))
                    .append("\n  Rule: ").append(String.join(", ", verdict.rules()));
            for (String reason : verdict.reasons()) {
                text.append("\n  ").append(reason);
            }
            text.append('\n');
        }
        return text.append("\nRun it?").toString();
    }

    private static String shortened(String statement) {
        String flat = statement.strip().replaceAll("\\s+", " ");
        return flat.length() <= MAX_STATEMENT_CHARS ? flat : flat.substring(0, MAX_STATEMENT_CHARS) + "\u2026";
    }
}
