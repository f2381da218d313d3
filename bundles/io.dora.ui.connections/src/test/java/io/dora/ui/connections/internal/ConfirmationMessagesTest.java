package io.dora.ui.connections.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.dora.core.connection.Environment;
import io.dora.core.safety.ConfirmationRequest;
import io.dora.core.safety.StatementVerdict;
import io.dora.core.safety.Verdict;

class ConfirmationMessagesTest {

    @Test
    void namesTheRuleAndTheStatementButNotTheAllowedOnes() {
        ConfirmationRequest request = new ConfirmationRequest("Billing", Environment.PRODUCTION, List.of(
                StatementVerdict.allow(0, "SELECT 1"),
                new StatementVerdict(1, "DELETE   FROM invoices", Verdict.CONFIRM, List.of("delete-without-where"),
                        List.of("DELETE without WHERE removes every row"))));
        String text = ConfirmationMessages.statements(request);
        assertTrue(text.startsWith("On 'Billing' (production)"), text);
        assertTrue(text.contains("Statement 2: DELETE FROM invoices\n  Rule: delete-without-where\n"
                + "  DELETE without WHERE removes every row"), text);
        assertFalse(text.contains("SELECT 1"), text);
    }

    @Test
    void showsTheHostAndItsFingerprint() {
        String text = ConfirmationMessages.hostKey("bastion:2222", "ssh-ed25519", "SHA256:abc");
        assertTrue(text.contains("bastion:2222"));
        assertTrue(text.contains("ssh-ed25519  SHA256:abc"));
    }

    @Test
    void shortensLongStatements() {
        String statement = "UPDATE t SET a = 1 " + "x".repeat(1000);
        ConfirmationRequest request = new ConfirmationRequest("c", Environment.STAGING,
                List.of(new StatementVerdict(0, statement, Verdict.CONFIRM, List.of("r"), List.of())));
        assertTrue(ConfirmationMessages.statements(request).contains("x".repeat(ConfirmationMessages.MAX_STATEMENT_CHARS - 19) + "\u2026"));
        assertEquals(Environment.STAGING, request.environment());
    }
}
