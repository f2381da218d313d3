package io.dora.driver.postgres.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dora.core.connection.ConnectionCatalog;
import io.dora.core.connection.ConnectionProfile;
import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.PoolSettings;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.Session;
import io.dora.core.error.DoraDatabaseException;
import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.internal.driver.DriverRegistryService;
import io.dora.core.internal.query.QueryManagerService;
import io.dora.core.query.QueryOutcome;
import io.dora.core.query.QueryRequest;
import io.dora.core.query.ResultCollector;
import io.dora.core.query.RunningQuery;
import io.dora.core.schema.SchemaRef;
import io.dora.core.schema.TableDetails;
import io.dora.core.schema.TableKind;
import io.dora.core.schema.TableRef;
import io.dora.core.secret.SecretString;

class PostgresDriverTest {

    private static EmbeddedPostgresServer server;
    private final DriverRegistryService registry = new DriverRegistryService(true);
    private final QueryManagerService queries = new QueryManagerService();
    private DatabaseConnection connection;
    private Session session;

    @BeforeAll
    static void startServer() throws Exception {
        server = EmbeddedPostgresServer.start();
        server.execute("""
                CREATE SCHEMA shop;
                CREATE TABLE shop.customer (id int PRIMARY KEY, name text NOT NULL, email varchar(80) UNIQUE);
                CREATE TABLE shop.orders (id int PRIMARY KEY, customer_id int NOT NULL
                    REFERENCES shop.customer(id) ON DELETE CASCADE, total numeric(10,2));
                CREATE INDEX orders_customer ON shop.orders(customer_id);
                CREATE VIEW shop.big_orders AS SELECT * FROM shop.orders WHERE total > 100;
                CREATE TABLE public.note (id serial PRIMARY KEY, body text);
                """);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void connect() {
        registry.addDriver(new PostgresDriver());
        connection = registry.connect(server.spec("pg").build());
        session = connection.openSession();
    }

    @AfterEach
    void disconnect() {
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

    @Test
    void connectsAndSaysWhichServerItIs() {
        assertEquals("PostgreSQL", connection.serverInfo().product());
        assertEquals(17, connection.serverInfo().major());
    }

    @Test
    void anUnknownRoleIsAnAuthenticationErrorWithTheServersWords() {
        var spec = server.spec("bad").user("nobody").build();
        var error = assertThrows(DoraDatabaseException.class, () -> registry.connect(spec));
        assertEquals(ErrorKind.AUTHENTICATION, error.kind());
        assertEquals("28000", error.sqlState());
        assertTrue(error.getMessage().contains("\"nobody\""), error.getMessage());
    }

    @Test
    void aSyntaxErrorIsTypedAndCarriesNoStackTrace() throws Exception {
        QueryOutcome outcome = queries.execute(session, QueryRequest.of("SELEC 1"), new ResultCollector(1));
        var error = (DoraDatabaseException) outcome.failure().orElseThrow();
        assertEquals(ErrorKind.SYNTAX, error.kind());
        assertEquals("42601", error.sqlState());
        assertFalse(error.getMessage().contains("\tat "), error.getMessage());
        assertEquals(1, run("SELECT 1").scalar(), "the session stays usable");
    }

    @Test
    void runsQueriesWithSeveralResultSetsAndUpdateCounts() throws Exception {
        ResultCollector result = run("CREATE TEMP TABLE t (x int); INSERT INTO t VALUES (1), (2); SELECT x FROM t ORDER BY x; SELECT 'two' AS label");
        assertEquals(2, result.resultSets().size());
        assertEquals(List.of(1, 2), result.resultSets().get(0).rows().stream().map(row -> row[0]).toList());
        assertEquals("label", result.resultSets().get(1).columns().get(0).label());
        assertTrue(result.updateCounts().contains(2L), result.updateCounts().toString());
    }

    @Test
    void reportsServerNotices() throws Exception {
        ResultCollector result = run("DO $$ BEGIN RAISE NOTICE 'hello %', 42; RAISE WARNING 'careful'; END $$");
        assertEquals(2, result.notices().size(), result.notices().toString());
        assertEquals("NOTICE", result.notices().get(0).severity());
        assertEquals("hello 42", result.notices().get(0).message());
        assertEquals("WARNING", result.notices().get(1).severity());
    }

    @Test
    void readsTheSchemaLazilyFromItsOwnConnection() {
        var schemas = connection.schema().schemas();
        SchemaRef shop = schemas.stream().filter(s -> "shop".equals(s.schema())).findFirst().orElseThrow();
        assertEquals("postgres", shop.catalog());
        var tables = connection.schema().tables(shop);
        assertEquals(List.of("big_orders", "customer", "orders"), tables.stream().map(t -> t.name()).sorted().toList());
        assertEquals(TableKind.VIEW, tables.stream().filter(t -> t.name().equals("big_orders")).findFirst().orElseThrow().kind());

        TableDetails orders = connection.schema().table(new TableRef(shop, "orders"));
        assertEquals(List.of("id", "customer_id", "total"), orders.columns().stream().map(c -> c.name()).toList());
        assertEquals("numeric", orders.column("total").orElseThrow().typeName());
        assertFalse(orders.column("customer_id").orElseThrow().nullable());
        assertEquals(List.of("id"), orders.primaryKey().columns());
        var fk = orders.foreignKeys().get(0);
        assertEquals(new TableRef(shop, "customer"), fk.referencedTable());
        assertEquals(List.of("customer_id"), fk.columns());
        assertEquals("CASCADE", fk.onDelete());
        assertTrue(orders.indexes().stream().anyMatch(i -> i.name().equals("orders_customer") && !i.unique()));

        var missing = assertThrows(DoraException.class, () -> connection.schema().table(new TableRef(shop, "nope")));
        assertEquals(ErrorKind.UNDEFINED_OBJECT, missing.kind());
    }

    @Test
    void streamsMillionsOfRowsInASmallHeap() throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        assertTrue(maxHeap <= 160L << 20, "this test proves streaming only with a small heap (surefire sets -Xmx128m): " + maxHeap);
        long[] rows = { 0 };
        var sink = new io.dora.core.query.ResultSink() {
            @Override
            public void resultSetStarted(List<io.dora.core.query.ColumnInfo> columns) {
            }

            @Override
            public boolean row(Object[] values) {
                rows[0]++;
                return true;
            }
        };
        // 2M rows of ~120 bytes: held in memory at once they would need far more than the heap
        QueryOutcome outcome = queries.execute(session,
                QueryRequest.of("SELECT g, repeat('x', 100) || g AS payload FROM generate_series(1, 2000000) g"), sink);
        assertTrue(outcome.succeeded(), () -> outcome.failure().orElseThrow().getMessage());
        assertEquals(2_000_000, rows[0]);
        assertEquals(2_000_000, outcome.statements().get(0).rows());
    }

    @Test
    void cancelStopsTheQueryOnTheServerAndTheSessionStaysUsable() throws Exception {
        RunningQuery sleeping = queries.submit(session, QueryRequest.of("SELECT pg_sleep(30)"), new ResultCollector(1));
        awaitActive("pg_sleep(30)");
        long start = System.nanoTime();
        assertTrue(queries.cancel(sleeping.id()));
        QueryOutcome outcome = sleeping.await();
        assertEquals(ErrorKind.CANCELLED, outcome.failure().orElseThrow().kind());
        assertEquals(0, server.activeQueriesLike("pg_sleep(30)"), "the server no longer runs it");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3));
        assertEquals(1, run("SELECT 1").scalar());
    }

    @Test
    void aTimeoutCancelsOnTheServer() throws Exception {
        long start = System.nanoTime();
        RunningQuery sleeping = queries.submit(session,
                QueryRequest.of("SELECT pg_sleep(31)").withTimeout(Duration.ofMillis(1500)), new ResultCollector(1));
        awaitActive("pg_sleep(31)");
        assertEquals(ErrorKind.TIMEOUT, sleeping.await().failure().orElseThrow().kind());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        assertEquals(0, server.activeQueriesLike("pg_sleep(31)"));
    }

    @Test
    void beginCommitAndRollbackPinTheSessionWhileOpen() throws Exception {
        run("DELETE FROM public.note");
        session.begin();
        assertTrue(session.isPinned());
        run("INSERT INTO public.note(body) VALUES ('rolled back')");
        try (Session other = connection.openSession()) {
            var otherResult = new ResultCollector(10);
            queries.execute(other, QueryRequest.of("SELECT count(*) FROM public.note"), otherResult);
            assertEquals(0L, otherResult.scalar(), "another session does not see uncommitted rows");
        }
        session.rollback();
        assertFalse(session.isPinned());
        assertEquals(0L, run("SELECT count(*) FROM public.note").scalar());

        session.begin();
        run("INSERT INTO public.note(body) VALUES ('kept')");
        session.commit();
        assertEquals(1L, run("SELECT count(*) FROM public.note").scalar());
        assertThrows(DoraException.class, session::commit, "no transaction is open");

        session.setAutoCommit(false);
        run("INSERT INTO public.note(body) VALUES ('implicit')");
        session.rollback();
        assertTrue(session.isInTransaction(), "with auto-commit off a new transaction follows");
        session.setAutoCommit(true);
        assertEquals(1L, run("SELECT count(*) FROM public.note").scalar());
    }

    @Test
    void aSessionSettingPinsTheConnection() throws Exception {
        assertFalse(session.isPinned());
        run("SET search_path TO shop");
        assertTrue(session.isPinned());
        assertEquals("shop", run("SELECT current_schema()").scalar());
    }

    @Test
    void queriesOfOneSessionRunInParallelAndMetadataDoesNotWait() throws Exception {
        connection.close();
        connection = registry.connect(server.spec("pg2").pool(PoolSettings.defaults().withMaxSize(2)).build());
        session = connection.openSession();
        long start = System.nanoTime();
        RunningQuery first = queries.submit(session, QueryRequest.of("SELECT pg_sleep(1)"), new ResultCollector(1));
        RunningQuery second = queries.submit(session, QueryRequest.of("SELECT pg_sleep(1.01)"), new ResultCollector(1));
        awaitActive("pg_sleep(1");
        // both query connections are busy: the schema is read on the control pool
        assertFalse(connection.schema().schemas().isEmpty());
        assertTrue(first.await().succeeded() && second.await().succeeded());
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(elapsedMs < 1900, "ran in parallel: " + elapsedMs + " ms");
    }

    @Test
    void aReadOnlyConnectionRefusesWrites() throws Exception {
        connection.close();
        connection = registry.connect(server.spec("ro").readOnly(true).build());
        session = connection.openSession();
        QueryOutcome outcome = queries.execute(session, QueryRequest.of("INSERT INTO public.note(body) VALUES ('x')"),
                new ResultCollector(1));
        var error = (DoraDatabaseException) outcome.failure().orElseThrow();
        assertEquals("25006", error.sqlState());
    }

    /** The trusted path: the profile comes from a catalog, as it does from the vault, and is opened by id. */
    private void connectById(ConnectionSpec spec) {
        connection.close();
        DriverRegistryService trusted = new DriverRegistryService(false);
        trusted.addDriver(new PostgresDriver());
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
    void aReadOnlyConnectionIsReadOnlyAtTheServerWhateverRunsOnIt() throws Exception {
        long notes = server.count("SELECT count(*) FROM public.note");
        // one pooled connection, so every statement below meets the state the one before left; an option
        // from the profile cannot turn read-only off
        connectById(server.spec("ro").readOnly(true).pool(PoolSettings.defaults().withMaxSize(1))
                .options(Map.of("readOnlyMode", "ignore")).build());
        // no statement guard in this engine: the classifier is bypassed, the server refuses
        for (String write : List.of("INSERT INTO public.note(body) VALUES ('x')", "UPDATE public.note SET body = 'y'",
                "DELETE FROM public.note", "CREATE TABLE public.sneaky (x int)", "DROP TABLE public.note",
                "SELECT nextval('public.note_id_seq')")) {
            assertEquals("25006", ((DoraDatabaseException) refusal(write)).sqlState(), write);
        }
        for (String undo : List.of("SET default_transaction_read_only = off", "BEGIN READ WRITE", "RESET ALL",
                "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE")) {
            assertEquals(ErrorKind.PERMISSION, refusal(undo).kind(), undo);
        }
        // undone in a way no pattern sees: the next statement finds the session read-only again
        // (a DO block: no cursor, so pgJDBC's own autocommit switch does not happen to restore it)
        run("DO $$ BEGIN PERFORM set_config('default_transaction_' || 'read_only', 'off', false); END $$");
        assertEquals("on", run("SHOW default_transaction_read_only").scalar());
        assertEquals("25006", ((DoraDatabaseException) refusal("INSERT INTO public.note(body) VALUES ('x')")).sqlState());
        // and in a pinned session
        session.begin();
        assertEquals("25006", ((DoraDatabaseException) refusal("INSERT INTO public.note(body) VALUES ('x')")).sqlState());
        session.rollback();
        assertEquals(notes, server.count("SELECT count(*) FROM public.note"));
    }

    @Test
    void aFailedConnectNeverShowsThePassword() {
        // (logging is checked in the MySQL tests: this module's test class path has no SLF4J 2 binding)
        var down = server.spec("pw-down").port(1).password(SecretString.of("hunter2-secret")).build();
        assertNoSecret(assertThrows(DoraException.class, () -> registry.connect(down)), "hunter2-secret");
    }

    private static void awaitActive(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.activeQueriesLike(text) == 0) {
            assertTrue(System.nanoTime() < deadline, "the query never showed up on the server");
            Thread.sleep(20);
        }
    }
}
