package io.dora.workspace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dora.workspace.HistoryEntry;
import io.dora.workspace.HistoryEntry.Outcome;
import io.dora.workspace.HistorySearch;

/**
 * The query history on a real SQLite file. (Recording real executions through the query manager, with the DS
 * wiring, is tested in io.dora.driver.tests' QueryHistoryBundleTest.)
 */
class SqliteQueryHistoryTest {

    private static final Duration FLUSH = Duration.ofSeconds(10);

    @TempDir
    Path folder;
    private Path databaseFile;
    private SqliteQueryHistory history;

    @BeforeEach
    void open() {
        databaseFile = AppDatabase.fileOf(folder.resolve("workspace"));
        history = new SqliteQueryHistory(databaseFile);
    }

    @AfterEach
    void close() throws InterruptedException {
        history.close();
    }

    @Test
    void searchFiltersByTextConnectionOutcomeAndTime() throws Exception {
        Instant base = Instant.parse("2026-11-01T10:00:00Z");
        history.record(entry("prod", "SELECT * FROM orders", base, Outcome.SUCCEEDED));
        history.record(entry("prod", "DELETE FROM orders WHERE id = 7", base.plusSeconds(60), Outcome.FAILED));
        history.record(entry("dev", "select count(*) from ORDERS", base.plusSeconds(120), Outcome.SUCCEEDED));
        history.record(entry("dev", "SELECT '100%_done'", base.plusSeconds(180), Outcome.CANCELLED));
        assertTrue(history.flush(FLUSH));

        assertEquals(3, history.count(HistorySearch.latest(10).withText("orders")), "case-insensitive text");
        assertEquals(List.of("SELECT '100%_done'"), statements(HistorySearch.latest(10).withText("%_")),
                "LIKE wildcards in the text are literal");
        assertEquals(List.of("DELETE FROM orders WHERE id = 7", "SELECT * FROM orders"),
                statements(HistorySearch.latest(10).withConnection("prod")));
        assertEquals(List.of("DELETE FROM orders WHERE id = 7"),
                statements(HistorySearch.latest(10).withOutcome(Outcome.FAILED)));
        assertEquals(List.of("select count(*) from ORDERS", "DELETE FROM orders WHERE id = 7"),
                statements(HistorySearch.latest(10).between(base.plusSeconds(60), base.plusSeconds(180))));
        assertEquals(List.of("select count(*) from ORDERS"),
                statements(HistorySearch.latest(10).withConnection("dev").withText("orders")));
    }

    @Test
    void pagesAreDisjointAndNewestFirst() throws Exception {
        Instant base = Instant.parse("2026-11-01T10:00:00Z");
        for (int i = 0; i < 120; i++) {
            history.record(entry("c", "SELECT " + i, base.plusSeconds(i), Outcome.SUCCEEDED));
        }
        assertTrue(history.flush(FLUSH));

        HistorySearch page = HistorySearch.latest(50);
        Set<Long> seen = new HashSet<>();
        List<Integer> sizes = new java.util.ArrayList<>();
        Instant previous = Instant.MAX;
        for (int i = 0; i < 3; i++, page = page.nextPage()) {
            List<HistoryEntry> entries = history.search(page);
            sizes.add(entries.size());
            for (HistoryEntry entry : entries) {
                assertTrue(seen.add(entry.id()), "entry on two pages: " + entry);
                assertTrue(entry.startedAt().isBefore(previous), "newest first");
                previous = entry.startedAt();
            }
        }
        assertEquals(List.of(50, 50, 20), sizes);
        assertEquals("SELECT 119", history.search(HistorySearch.latest(1)).get(0).statement());
        assertEquals(120, history.count(HistorySearch.latest(1)));
    }

    @Test
    void deleteAndClearRemoveEntriesAndTellListeners() throws Exception {
        AtomicInteger changes = new AtomicInteger();
        try (AutoCloseable subscription = history.onChange(changes::incrementAndGet)) {
            Instant base = Instant.parse("2026-11-01T10:00:00Z");
            for (int i = 0; i < 5; i++) {
                history.record(entry("c", "SELECT " + i, base.plusSeconds(i), Outcome.SUCCEEDED));
            }
            assertTrue(history.flush(FLUSH));
            assertTrue(changes.get() >= 1, "listeners hear about written entries");
            List<Long> firstTwo = history.search(HistorySearch.latest(2)).stream().map(HistoryEntry::id).toList();
            assertEquals(2, history.delete(firstTwo));
            assertEquals(List.of("SELECT 2", "SELECT 1", "SELECT 0"), statements(HistorySearch.latest(10)));
            assertEquals(3, history.clear());
            assertEquals(0, history.count(HistorySearch.latest(1)));
        }
    }

    @Test
    void recordingNeverWaitsForTheDisk() throws Exception {
        Instant base = Instant.parse("2026-11-01T10:00:00Z");
        long start = System.nanoTime();
        for (int i = 0; i < 2_000; i++) {
            history.record(entry("c", "SELECT " + i, base.plusMillis(i), Outcome.SUCCEEDED));
        }
        long queuedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(history.flush(FLUSH));
        assertEquals(2_000, history.count(HistorySearch.latest(1)));
        assertTrue(queuedMillis < 2_000, "queueing 2,000 entries took " + queuedMillis + " ms");
    }

    @Test
    void aDatabaseFromANewerDoraIsRefusedWithAClearMessage() throws Exception {
        history.close();
        try (AppDatabase database = AppDatabase.open(databaseFile)) {
            database.inTransaction(c -> {
                try (var statement = c.createStatement()) {
                    return statement.execute("PRAGMA user_version = 99");
                }
            });
        }
        AppDatabaseException refused = assertThrows(AppDatabaseException.class, () -> AppDatabase.open(databaseFile));
        assertTrue(refused.getMessage().contains("schema version 99"), refused.getMessage());
        Files.delete(databaseFile);
        Files.deleteIfExists(Path.of(databaseFile + "-wal"));
        Files.deleteIfExists(Path.of(databaseFile + "-shm"));
        history = new SqliteQueryHistory(databaseFile);
    }

    private List<String> statements(HistorySearch search) {
        return history.search(search).stream().map(HistoryEntry::statement).toList();
    }

    static HistoryEntry entry(String connection, String statement, Instant startedAt, Outcome outcome) {
        return new HistoryEntry(0, "q-" + statement.hashCode(), connection, connection + " name", "production",
                "postgres", statement, startedAt, Duration.ofMillis(12), 3, outcome,
                outcome == Outcome.FAILED ? "boom" : null);
    }
}
