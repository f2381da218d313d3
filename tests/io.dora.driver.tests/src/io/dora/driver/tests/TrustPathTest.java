package io.dora.driver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.dora.core.connection.ConnectionProfile;
import io.dora.core.connection.ConnectionProfileStore;
import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.Environment;
import io.dora.core.driver.ConnectionService;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.Session;
import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.error.PolicyViolationException;
import io.dora.core.query.QueryManager;
import io.dora.core.query.QueryOutcome;
import io.dora.core.query.QueryRequest;
import io.dora.core.query.ResultCollector;
import io.dora.core.safety.StatementGuard;
import io.dora.core.secret.SecretString;
import io.dora.vault.Vault;

/**
 * The whole trust path as the product wires it with DS: a profile saved in the vault, opened by id, every
 * statement judged by the SQL bundle's guard against the built-in policy, confirmations refused headless.
 */
class TrustPathTest {

    private static final SecretString MASTER = SecretString.of("trust-path master password");

    private final BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        trackers.forEach(ServiceTracker::close);
    }

    @Test
    void aProductionProfileFromTheVaultRunsUnderThePolicyAndReadOnlyComesFromTheVault() throws Exception {
        Vault vault = service(Vault.class);
        if (vault.exists()) {
            vault.unlock(MASTER);
        } else {
            vault.create(MASTER);
        }
        service(StatementGuard.class);
        ConnectionProfileStore store = service(ConnectionProfileStore.class);
        Path database = Files.createTempDirectory("dora-trust").resolve("billing.db");
        ConnectionSpec production = ConnectionSpec.builder("billing", "sqlite").name("Billing").database(database.toString())
                .environment(Environment.PRODUCTION).build();
        store.save(new ConnectionProfile("Finance", production));

        ConnectionService connections = service(ConnectionService.class);
        QueryManager queries = service(QueryManager.class);
        try (Session session = open(connections.connectById("billing"))) {
            assertTrue(run(queries, session, "CREATE TABLE invoice (id INTEGER PRIMARY KEY, total REAL)").succeeded());
            assertTrue(run(queries, session, "INSERT INTO invoice (total) VALUES (10), (20)").succeeded());
            assertRefused(run(queries, session, "DELETE FROM invoice"), "missing-where", "Blocked");
            // dangerous in production: a confirmation nobody can give headless
            assertRefused(run(queries, session, "DROP TABLE invoice"), "drop", "Not confirmed");
            QueryOutcome capped = run(queries, session,
                    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 20000) SELECT x FROM n");
            assertEquals(10_000, capped.statements().get(0).rows(), "production's maxRows applies");
        }

        // the vault says read-only now: the next open obeys, whatever the caller holds
        store.save(new ConnectionProfile("Finance", production.toBuilder().readOnly(true).build()));
        try (Session session = open(connections.connectById("billing"))) {
            assertRefused(run(queries, session, "INSERT INTO invoice (total) VALUES (30)"), "read-only", "Blocked");
            assertTrue(run(queries, session, "SELECT count(*) FROM invoice").succeeded());
        }

        vault.lock();
        var locked = assertThrows(DoraException.class, () -> connections.connectById("billing"));
        assertEquals(ErrorKind.CREDENTIALS_LOCKED, locked.kind());
    }

    private Session open(DatabaseConnection connection) {
        toClose.add(connection);
        return connection.openSession();
    }

    private static QueryOutcome run(QueryManager queries, Session session, String sql) throws InterruptedException {
        return queries.execute(session, QueryRequest.of(sql), new ResultCollector(10));
    }

    private static void assertRefused(QueryOutcome outcome, String rule, String verdict) {
        var error = (PolicyViolationException) outcome.failure().orElseThrow(() -> new AssertionError("not refused"));
        assertEquals(ErrorKind.POLICY, error.kind());
        assertTrue(error.rules().contains(rule), error.rules().toString());
        assertTrue(error.getMessage().startsWith(verdict), error.getMessage());
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        trackers.add(tracker);
        T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
        assertNotNull(service, type.getSimpleName() + " is not registered");
        return service;
    }
}
