package io.dora.driver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

import io.dora.core.connection.ConnectionCatalog;
import io.dora.core.connection.ConnectionProfile;
import io.dora.core.connection.ConnectionSpec;
import io.dora.core.driver.BuiltInConnectionProvider;
import io.dora.core.driver.ConnectionService;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.Session;
import io.dora.core.observe.RunIdentity;
import io.dora.core.query.QueryManager;
import io.dora.core.query.QueryRequest;
import io.dora.core.query.ResultCollector;
import io.dora.core.query.RunningQuery;
import io.dora.core.secret.SecretString;
import io.dora.workspace.HistoryEntry;
import io.dora.workspace.HistoryEntry.Outcome;
import io.dora.workspace.HistorySearch;
import io.dora.workspace.QueryHistory;

/**
 * The query history as the product wires it: the workspace bundle's DS listener records every execution of the
 * query manager on the SQLite sample into the workspace database, with its outcome, and never the password.
 */
class QueryHistoryBundleTest {

    private static final String ENDLESS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";
    private static final String PASSWORD = "never-in-history-7f3a";

    private final BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
    private final List<ServiceTracker<?, ?>> trackers = new java.util.ArrayList<>();

    @AfterEach
    void closeTrackers() {
        trackers.forEach(ServiceTracker::close);
    }

    @Test
    void everyExecutionIsRecordedWithItsOutcome() throws Exception {
        QueryHistory history = service(QueryHistory.class);
        history.clear();
        QueryManager queries = service(QueryManager.class);
        // the sample's file, saved under an id of its own and with a password, in the test's own catalog
        ConnectionSpec sample = service(BuiltInConnectionProvider.class).builtInConnections().get(0).toBuilder()
                .id("history-sample").name("History sample").password(SecretString.of(PASSWORD)).build();
        ServiceRegistration<ConnectionCatalog> catalog = context.registerService(ConnectionCatalog.class,
                ConnectionCatalog.of(List.of(new ConnectionProfile("", sample))), null);
        Instant before = Instant.now();
        try (DatabaseConnection connection = service(ConnectionService.class).connectById(sample.id());
                Session session = connection.openSession()) {
            queries.execute(session, QueryRequest.of("SELECT * FROM track WHERE track_id <= 42"), new ResultCollector(100));
            queries.execute(session, QueryRequest.of("SELECT * FROM no_such_table"), new ResultCollector(1));
            queries.execute(session, QueryRequest.of(ENDLESS).withTimeout(Duration.ofMillis(200)), new ResultCollector(1));
            RunningQuery endless = queries.submit(session, QueryRequest.of(ENDLESS), new ResultCollector(1));
            Thread.sleep(200);
            endless.cancel();
            endless.completion().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } finally {
            catalog.unregister();
        }
        assertTrue(history.flush(Duration.ofSeconds(10)));

        List<HistoryEntry> entries = history.search(HistorySearch.latest(10).withConnection(sample.id()));
        assertEquals(List.of(Outcome.CANCELLED, Outcome.TIMEOUT, Outcome.FAILED, Outcome.SUCCEEDED),
                entries.stream().map(HistoryEntry::outcome).toList(), "newest first: " + entries);
        HistoryEntry select = entries.get(3);
        assertEquals("SELECT * FROM track WHERE track_id <= 42", select.statement());
        assertEquals(42, select.rows());
        assertEquals("History sample", select.connectionName());
        assertEquals("development", select.environment());
        assertEquals("sqlite", select.driver());
        assertFalse(select.queryId().isBlank());
        assertFalse(select.startedAt().isBefore(before.minusSeconds(1)), select.startedAt() + " vs " + before);
        assertTrue(entries.get(2).error().contains("no_such_table"), entries.get(2).error());
        assertTrue(entries.get(1).duration().toMillis() >= 150, "the timeout ran its time: " + entries.get(1));

        Path database = service(RunIdentity.class).workspace().resolve(".metadata/dora/workspace.db");
        assertTrue(Files.exists(database), database.toString());
        for (Path file : List.of(database, Path.of(database + "-wal"))) {
            if (Files.exists(file)) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains(PASSWORD), "the connection's password leaked into " + file);
            }
        }
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
