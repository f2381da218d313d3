package io.dora.driver.sqlite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dora.core.connection.ConnectionCatalog;
import io.dora.core.connection.ConnectionProfile;
import io.dora.core.connection.ConnectionSpec;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.Session;
import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.error.InvalidInputException;
import io.dora.core.internal.driver.DriverRegistryService;
import io.dora.core.internal.query.QueryManagerService;
import io.dora.core.query.ColumnInfo;
import io.dora.core.query.QueryOutcome;
import io.dora.core.query.QueryRequest;
import io.dora.core.query.ResultCollector;
import io.dora.core.query.ResultSink;
import io.dora.core.query.RunningQuery;
import io.dora.core.query.StatementOptions;
import io.dora.core.schema.SchemaRef;
import io.dora.core.schema.TableDetails;
import io.dora.core.schema.TableKind;
import io.dora.core.schema.TableRef;

class SqliteDriverTest {

    private static final String ENDLESS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";

    @TempDir
    Path folder;
    private final DriverRegistryService registry = new DriverRegistryService(true);
    private final QueryManagerService queries = new QueryManagerService();
    private SqliteDriver driver;
    private DatabaseConnection connection;
    private Session session;

    @BeforeEach
    void openTheSample() {
        driver = new SqliteDriver(folder.resolve("data/sample.db"));
        registry.addDriver(driver);
        connection = registry.connect(driver.builtInConnections().get(0));
        session = connection.openSession();
    }

    @AfterEach
    void close() {
        queries.shutdown();
        connection.close();
    }

    private ResultCollector run(String... statements) throws InterruptedException {
        ResultCollector collector = new ResultCollector(100);
        QueryOutcome outcome = queries.execute(session, QueryRequest.script(List.of(statements)), collector);
        outcome.failure().ifPresent(failure -> {
            throw failure;
        });
        return collector;
    }

    private long count(String sql) throws InterruptedException {
        return ((Number) run(sql).scalar()).longValue();
    }

    @Test
    void theSampleDatabaseIsMadeAtFirstUseAndHasAShop() throws Exception {
        assertTrue(Files.exists(folder.resolve("data/sample.db")));
        assertEquals("SQLite", connection.serverInfo().product());
        assertEquals(600, count("SELECT count(*) FROM track"));
        assertEquals(900, count("SELECT count(*) FROM invoice_line"));
        assertEquals(5, count("SELECT count(*) FROM invoice_summary"));
        assertEquals(0, count("SELECT count(*) FROM pragma_foreign_key_check"), "the sample's keys hold");
    }

    @Test
    void theSampleSchemaHasKeysIndexesAndAView() {
        SchemaRef main = connection.schema().schemas().get(0);
        assertEquals("main", main.name());
        var tables = connection.schema().tables(main);
        assertEquals(List.of("album", "artist", "customer", "genre", "invoice", "invoice_line", "track"),
                tables.stream().filter(t -> t.kind() == TableKind.TABLE).map(t -> t.name()).sorted().toList());
        assertTrue(tables.stream().anyMatch(t -> t.name().equals("invoice_summary") && t.kind() == TableKind.VIEW));

        TableDetails lines = connection.schema().table(new TableRef(main, "invoice_line"));
        assertEquals(List.of("invoice_line_id"), lines.primaryKey().columns());
        assertEquals(List.of("invoice", "track"),
                lines.foreignKeys().stream().map(fk -> fk.referencedTable().name()).sorted().toList());
        assertTrue(lines.indexes().stream().anyMatch(i -> i.name().equals("invoice_line_invoice")));
    }

    @Test
    void aRowLimitOrASinkThatStopsEndsTheResultEarly() throws Exception {
        ResultCollector limited = new ResultCollector(100);
        queries.execute(session, QueryRequest.of("SELECT * FROM track ORDER BY track_id")
                .withOptions(new StatementOptions(50, 10)), limited);
        assertEquals(10, limited.resultSets().get(0).rowCount());
        assertTrue(limited.resultSets().get(0).truncated());

        long[] seen = { 0 };
        boolean[] truncated = { false };
        QueryOutcome stopped = queries.execute(session, QueryRequest.of("SELECT * FROM track"), new ResultSink() {
            @Override
            public void resultSetStarted(List<ColumnInfo> columns) {
            }

            @Override
            public boolean row(Object[] values) {
                return ++seen[0] < 3;
            }

            @Override
            public void resultSetEnded(long rowCount, boolean wasTruncated) {
                truncated[0] = wasTruncated;
            }
        });
        assertTrue(stopped.succeeded());
        assertEquals(3, seen[0]);
        assertTrue(truncated[0]);
        assertEquals(600, count("SELECT count(*) FROM track"), "the connection serves the next statement");
    }

    @Test
    void aMissingFolderIsRejectedBeforeOpening() {
        var spec = driver.builtInConnections().get(0).toBuilder().id("other")
                .database(folder.resolve("nope/x.db").toString()).build();
        var error = assertThrows(InvalidInputException.class, () -> registry.connect(spec));
        assertTrue(error.getMessage().contains("does not exist"), error.getMessage());
    }

    @Test
    void cancelInterruptsTheEngineAndTheSessionStaysUsable() throws Exception {
        RunningQuery endless = queries.submit(session, QueryRequest.of(ENDLESS), new ResultCollector(1));
        Thread.sleep(300);
        long start = System.nanoTime();
        endless.cancel();
        assertEquals(ErrorKind.CANCELLED, endless.await().failure().orElseThrow().kind());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2));
        assertEquals(600, count("SELECT count(*) FROM track"));
    }

    @Test
    void aTimeoutInterruptsTheEngine() throws Exception {
        QueryOutcome outcome = queries.execute(session, QueryRequest.of(ENDLESS).withTimeout(Duration.ofMillis(300)),
                new ResultCollector(1));
        assertEquals(ErrorKind.TIMEOUT, outcome.failure().orElseThrow().kind());
    }

    @Test
    void rollbackUndoesAndCommitKeeps() throws Exception {
        session.begin();
        run("DELETE FROM invoice_line");
        session.rollback();
        assertEquals(900, count("SELECT count(*) FROM invoice_line"));
        session.begin();
        run("DELETE FROM invoice_line WHERE invoice_id = 1");
        session.commit();
        assertEquals(897, count("SELECT count(*) FROM invoice_line"));
    }

    @Test
    void constraintViolationsAreTyped() throws Exception {
        QueryOutcome outcome = queries.execute(session,
                QueryRequest.of("INSERT INTO album(title, artist_id) VALUES ('x', 999)"), new ResultCollector(1));
        assertEquals(ErrorKind.CONSTRAINT, outcome.failure().orElseThrow().kind());
    }

    @Test
    void aReadOnlyConnectionRefusesWrites() throws Exception {
        connection.close();
        connection = registry.connect(driver.builtInConnections().get(0).toBuilder().readOnly(true).build());
        session = connection.openSession();
        QueryOutcome outcome = queries.execute(session, QueryRequest.of("DELETE FROM invoice_line"), new ResultCollector(1));
        assertEquals(ErrorKind.PERMISSION, outcome.failure().orElseThrow().kind());
    }

    @Test
    void streamsMillionsOfRowsInASmallHeap() throws Exception {
        assertTrue(Runtime.getRuntime().maxMemory() <= 160L << 20, "needs the small test heap (-Xmx128m)");
        long[] rows = { 0 };
        ResultSink counter = new ResultSink() {
            @Override
            public void resultSetStarted(List<ColumnInfo> columns) {
            }

            @Override
            public boolean row(Object[] values) {
                rows[0]++;
                return true;
            }
        };
        QueryOutcome outcome = queries.execute(session, QueryRequest.of(
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000)"
                        + " SELECT x, printf('%.100c', 'x') || x FROM c"), counter);
        assertTrue(outcome.succeeded(), () -> outcome.failure().orElseThrow().getMessage());
        assertEquals(2_000_000, rows[0]);
        assertFalse(session.isPinned());
    }

    /** The trusted path: the profile comes from a catalog, as it does from the vault, and is opened by id. */
    private void connectById(ConnectionSpec spec) {
        connection.close();
        DriverRegistryService trusted = new DriverRegistryService(false);
        trusted.addDriver(driver);
        trusted.addCatalog(ConnectionCatalog.of(List.of(new ConnectionProfile("", spec))));
        connection = trusted.connectById(spec.id());
        session = connection.openSession();
    }

    private DoraException refusal(String statement) throws InterruptedException {
        QueryOutcome outcome = queries.execute(session, QueryRequest.of(statement), new ResultCollector(1));
        return outcome.failure().orElseThrow(() -> new AssertionError(statement + " was not refused"));
    }

    /** The secret appears in no message of the error and its causes. */
    private static void assertNoSecret(Throwable error, String secret) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t).contains(secret), "secret leaked in " + t.getClass().getName());
        }
    }

    @Test
    void aReadOnlyConnectionIsReadOnlyInTheEngineWhateverRunsOnIt() throws Exception {
        long tracks = count("SELECT count(*) FROM track");
        // an open_mode option asking for read-write and create cannot turn read-only off
        connectById(driver.builtInConnections().get(0).toBuilder().id("sample-ro").readOnly(true)
                .options(Map.of("open_mode", "6")).build());
        for (String write : List.of("DELETE FROM invoice_line", "INSERT INTO genre(name) VALUES ('x')",
                "CREATE TABLE sneaky (x)", "DROP TABLE track", "CREATE TEMP TABLE scratch (x)")) {
            assertEquals(ErrorKind.PERMISSION, refusal(write).kind(), write);
        }
        assertEquals(ErrorKind.PERMISSION, refusal("PRAGMA query_only = 0").kind());
        assertTrue(refusal("PRAGMA query_only = 0").getMessage().contains("is read-only"));
        assertEquals(tracks, count("SELECT count(*) FROM track"));
    }
}
