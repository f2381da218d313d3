package io.dora.driver.mysql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import io.dora.core.internal.observe.InstanceRunIdentity;
import io.dora.core.internal.query.QueryManagerService;
import io.dora.core.net.TlsException;
import io.dora.core.net.TlsMode;
import io.dora.core.net.TlsSettings;
import io.dora.core.observe.Correlation;
import io.dora.core.query.ColumnInfo;
import io.dora.core.query.QueryOutcome;
import io.dora.core.query.QueryRequest;
import io.dora.core.query.ResultCollector;
import io.dora.core.query.ResultSink;
import io.dora.core.query.RunningQuery;
import io.dora.core.schema.SchemaRef;
import io.dora.core.schema.TableDetails;
import io.dora.core.schema.TableRef;
import io.dora.core.secret.SecretString;
import io.dora.net.tls.PrivateFiles;

class MySqlDriverTest {

    private static MySqlTestServer server;
    private final DriverRegistryService registry = new DriverRegistryService(true);
    private final QueryManagerService queries = new QueryManagerService();
    private DatabaseConnection connection;
    private Session session;

    @BeforeAll
    static void startServer() throws Exception {
        server = MySqlTestServer.start("MySqlDriverTest");
        server.execute(
                "CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(80) NOT NULL, email VARCHAR(80) UNIQUE) ENGINE=InnoDB",
                "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL, total DECIMAL(10,2),"
                        + " KEY orders_customer (customer_id),"
                        + " CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customer(id) ON DELETE CASCADE) ENGINE=InnoDB",
                "CREATE TABLE note (id INT AUTO_INCREMENT PRIMARY KEY, body TEXT) ENGINE=InnoDB",
                "CREATE PROCEDURE two_results() BEGIN SELECT 1 AS first; SELECT 'b' AS second; END",
                "CREATE PROCEDURE add_note() BEGIN INSERT INTO note(body) VALUES ('from a procedure'); END");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void connect() {
        registry.addDriver(new MySqlDriver());
        connection = registry.connect(server.spec("mdb").build());
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
    void detectsMariaDbOrMySqlFromTheVersionString() {
        if (!server.isMariaDb()) {
            assertEquals("MySQL", connection.serverInfo().product());
            assertEquals(8, connection.serverInfo().major(), connection.serverInfo().toString());
            return;
        }
        assertEquals("MariaDB", connection.serverInfo().product());
        assertTrue(connection.serverInfo().major() >= 10, connection.serverInfo().toString());
        assertFalse(connection.serverInfo().version().startsWith("5.5.5-"));
    }

    @Test
    void aWrongPasswordIsAnAuthenticationError() {
        var spec = server.spec("bad").password(SecretString.of("wrong")).build();
        var error = assertThrows(DoraDatabaseException.class, () -> registry.connect(spec));
        assertEquals(ErrorKind.AUTHENTICATION, error.kind());
        assertEquals(1045, error.vendorCode());
        assertFalse(error.getMessage().contains("wrong"), "the password never shows");
    }

    @Test
    void unreadableCertificateFilesAreReportedBeforeConnecting(@TempDir Path directory) throws Exception {
        // PEM files are converted to the key stores Connector/J reads; one that cannot be parsed says so
        Path pem = Files.writeString(directory.resolve("broken-ca.pem"), "-----BEGIN CERTIFICATE-----");
        var tls = new TlsSettings(TlsMode.VERIFY_CA, pem, null, null, SecretString.empty());
        var error = assertThrows(TlsException.class, () -> registry.connect(server.spec("tls").tls(tls).build()));
        assertEquals(TlsException.Failure.BAD_FILES, error.failure());
        assertEquals(ErrorKind.INVALID_INPUT, error.kind());
        assertTrue(error.getMessage().contains("broken-ca.pem"), error.getMessage());
    }

    @Test
    void typedErrorsCarryTheServersCode() throws Exception {
        QueryOutcome outcome = queries.execute(session, QueryRequest.of("SELECT * FROM missing_table"), new ResultCollector(1));
        var error = (DoraDatabaseException) outcome.failure().orElseThrow();
        assertEquals(ErrorKind.UNDEFINED_OBJECT, error.kind());
        assertEquals(1146, error.vendorCode());
        assertEquals("42S02", error.sqlState());
    }

    @Test
    void readsSeveralResultSetsFromAProcedureAndReportsWarnings() throws Exception {
        ResultCollector results = run("CALL two_results()");
        assertEquals(2, results.resultSets().size());
        assertEquals("second", results.resultSets().get(1).columns().get(0).label());

        ResultCollector warned = run("SELECT CAST('12abc' AS SIGNED) AS n");
        assertEquals(12L, ((Number) warned.scalar()).longValue());
        assertFalse(warned.notices().isEmpty(), "the truncation warning reaches the caller");
    }

    @Test
    void readsTheSchemaOfEachDatabase() {
        SchemaRef test = connection.schema().schemas().stream()
                .filter(s -> MySqlTestServer.DATABASE.equals(s.catalog())).findFirst().orElseThrow();
        assertEquals(List.of("customer", "note", "orders"),
                connection.schema().tables(test).stream().map(t -> t.name()).sorted().toList());
        TableDetails orders = connection.schema().table(new TableRef(test, "orders"));
        assertEquals(List.of("id", "customer_id", "total"), orders.columns().stream().map(c -> c.name()).toList());
        assertEquals(List.of("id"), orders.primaryKey().columns());
        assertEquals(new TableRef(test, "customer"), orders.foreignKeys().get(0).referencedTable());
        assertEquals("CASCADE", orders.foreignKeys().get(0).onDelete());
        assertTrue(orders.indexes().stream().anyMatch(i -> i.name().equals("orders_customer")));
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
        QueryOutcome outcome = queries.execute(session,
                QueryRequest.of("SELECT seq, CONCAT(REPEAT('x', 100), seq) AS payload FROM " + server.sequence(2_000_000)),
                counter);
        assertTrue(outcome.succeeded(), () -> outcome.failure().orElseThrow().getMessage());
        assertEquals(2_000_000, rows[0]);
    }

    @Test
    void cancelKillsTheQueryOnTheServerAndTheSessionStaysUsable() throws Exception {
        RunningQuery sleeping = queries.submit(session, QueryRequest.of(server.sleep(30)), new ResultCollector(1));
        awaitActive("SLEEP(30)");
        long start = System.nanoTime();
        sleeping.cancel();
        QueryOutcome outcome = sleeping.await();
        assertEquals(ErrorKind.CANCELLED, outcome.failure().orElseThrow().kind());
        assertEquals(0, server.activeQueriesLike("SLEEP(30)"), "the server no longer runs it");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3));
        assertEquals(1, ((Number) run("SELECT 1").scalar()).intValue());
    }

    @Test
    void aTimeoutKillsTheQueryOnTheServer() throws Exception {
        RunningQuery sleeping = queries.submit(session,
                QueryRequest.of(server.sleep(31)).withTimeout(Duration.ofMillis(1500)), new ResultCollector(1));
        awaitActive("SLEEP(31)");
        assertEquals(ErrorKind.TIMEOUT, sleeping.await().failure().orElseThrow().kind());
        assertEquals(0, server.activeQueriesLike("SLEEP(31)"));
    }

    @Test
    void transactionsCommitAndRollBack() throws Exception {
        run("DELETE FROM note");
        session.begin();
        run("INSERT INTO note(body) VALUES ('rolled back')");
        session.rollback();
        assertEquals(0L, ((Number) run("SELECT count(*) FROM note").scalar()).longValue());
        session.begin();
        run("INSERT INTO note(body) VALUES ('kept')");
        session.commit();
        assertFalse(session.isPinned());
        assertEquals(1L, ((Number) run("SELECT count(*) FROM note").scalar()).longValue());
    }

    @Test
    void sessionVariablesPinTheConnection() throws Exception {
        run("SET @answer = 42");
        assertTrue(session.isPinned());
        assertEquals(42L, ((Number) run("SELECT @answer").scalar()).longValue());
    }

    @Test
    void aCancelInAPinnedSessionStartsItAfreshOnANewConnection() throws Exception {
        session.begin();
        run("INSERT INTO note(body) VALUES ('lost with the cancel')");
        RunningQuery sleeping = queries.submit(session, QueryRequest.of(server.sleep(30)), new ResultCollector(1));
        awaitActive("SLEEP(30)");
        sleeping.cancel();
        assertEquals(ErrorKind.CANCELLED, sleeping.await().failure().orElseThrow().kind());
        assertFalse(session.isInTransaction());
        assertFalse(session.isPinned());
        assertEquals(0L, ((Number) run("SELECT count(*) FROM note WHERE body = 'lost with the cancel'").scalar()).longValue());
    }

    @Test
    void metadataDoesNotWaitBehindBusyQueryConnections() throws Exception {
        connection.close();
        connection = registry.connect(server.spec("one").pool(PoolSettings.defaults().withMaxSize(1)).build());
        session = connection.openSession();
        RunningQuery busy = queries.submit(session, QueryRequest.of(server.sleep(2)), new ResultCollector(1));
        awaitActive("SLEEP(2)");
        long start = System.nanoTime();
        assertFalse(connection.schema().schemas().isEmpty());
        assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(1500), "read on the control pool");
        busy.cancel();
        busy.await();
    }

    @Test
    void aCommentedQueryIsFoundInTheProcesslistByItsId() throws Exception {
        registry.setRunIdentity(new InstanceRunIdentity(Path.of("/tmp/ws-billing"), "beef0042"));
        try (DatabaseConnection correlated = registry.connect(server.spec("mdb-corr")
                .options(Map.of(Correlation.QUERY_ID_COMMENT_OPTION, "true")).build())) {
            try (PrivateFiles files = new PrivateFiles()) {
                Properties properties = new MySqlDialect().connectionProperties(correlated.spec(), files);
                assertEquals("program_name:Dora,dora_workspace:ws-billing,dora_session:beef0042",
                        properties.getProperty("connectionAttributes"));
            }
            RunningQuery sleeping = queries.submit(correlated.openSession(), QueryRequest.of(server.sleep(22)),
                    new ResultCollector(1));
            awaitActive("SLEEP(22)");
            try (Connection observer = server.observer(); Statement statement = observer.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT id, info FROM information_schema.processlist"
                            + " WHERE info LIKE '%SLEEP(22)%' AND id <> CONNECTION_ID()")) {
                assertTrue(rs.next());
                assertEquals("/* dora:query_id=" + sleeping.id() + " session_id=beef0042 */ " + server.sleep(22), rs.getString(2));
                // the connection attributes reach the server too: a DBA finds the workbench and its session there
                assertEquals(Map.of("program_name", "Dora", "dora_workspace", "ws-billing", "dora_session", "beef0042"),
                        server.connectionAttributes(rs.getLong(1), "program_name", "dora_workspace", "dora_session"));
            }
            sleeping.cancel();
            sleeping.await();

            // the comment does not cost the server-side cursor: without one, Connector/J would read all
            // 2 M rows (~500 MB) into the 128 MB heap before the first row; with it, 10 rows are cheap
            long[] rows = new long[1];
            QueryOutcome firstRows = queries.execute(correlated.openSession(),
                    QueryRequest.of("SELECT seq, CONCAT(REPEAT('x', 100), seq) AS payload FROM "
                            + server.sequence(2_000_000)),
                    new ResultSink() {
                        @Override
                        public void resultSetStarted(List<ColumnInfo> columns) {
                        }

                        @Override
                        public boolean row(Object[] values) {
                            return ++rows[0] < 10;
                        }
                    });
            assertTrue(firstRows.succeeded(), () -> firstRows.failure().orElseThrow().getMessage());
            assertEquals(10, rows[0]);
        }
    }

    private static void awaitActive(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.activeQueriesLike(text) == 0) {
            assertTrue(System.nanoTime() < deadline, "the query never showed up on the server");
            Thread.sleep(20);
        }
    }

    /** The trusted path: the profile comes from a catalog, as it does from the vault, and is opened by id. */
    private void connectById(ConnectionSpec spec) {
        connection.close();
        DriverRegistryService trusted = new DriverRegistryService(false);
        trusted.addDriver(new MySqlDriver());
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
        long notes = server.count("SELECT count(*) FROM note");
        connectById(server.spec("ro").readOnly(true).pool(PoolSettings.defaults().withMaxSize(1))
                .options(Map.of("readOnlyPropagatesToServer", "false")).build());
        // no statement guard in this engine: the classifier is bypassed. Connector/J refuses plain DML on a
        // read-only connection itself (S1009); a procedure passes its check, and the server refuses (25006)
        for (String write : List.of("INSERT INTO note(body) VALUES ('x')", "UPDATE note SET body = 'y'",
                "DELETE FROM note", "CREATE TABLE sneaky (x INT)", "DROP TABLE note")) {
            assertTrue(List.of("25006", "S1009").contains(((DoraDatabaseException) refusal(write)).sqlState()), write);
        }
        assertEquals("25006", ((DoraDatabaseException) refusal("CALL add_note()")).sqlState());
        for (String undo : List.of("SET SESSION TRANSACTION READ WRITE", "SET @@session.tx_read_only = 0",
                "SET SESSION transaction_read_only = OFF", "START TRANSACTION READ WRITE")) {
            assertEquals(ErrorKind.PERMISSION, refusal(undo).kind(), undo);
        }
        // undone in a way no pattern sees (a prepared statement built from pieces), in a pinned session
        run("SET @s = CONCAT('SET SESSION TRANSACTION READ', ' WRITE')");
        run("PREPARE make_writable FROM @s");
        run("EXECUTE make_writable");
        assertTrue(session.isPinned());
        assertEquals("25006", ((DoraDatabaseException) refusal("CALL add_note()")).sqlState());
        assertEquals(notes, server.count("SELECT count(*) FROM note"));
    }

    @Test
    void passwordsReachNoErrorAndNoLogLine() {
        var wrong = server.spec("pw-wrong").password(SecretString.of("hunter2-secret")).build();
        var down = server.spec("pw-down").port(1).password(SecretString.of("hunter2-secret")).build();
        String logged = printed(() -> {
            registry.connect(server.spec("pw-ok").build()).close();
            assertNoSecret(assertThrows(DoraException.class, () -> registry.connect(wrong)), "hunter2-secret");
            assertNoSecret(assertThrows(DoraException.class, () -> registry.connect(down)), "hunter2-secret");
        });
        assertTrue(logged.contains("Connected 'pw-ok'"), "the log was captured: " + logged);
        assertFalse(logged.contains("hunter2-secret"), logged);
        assertFalse(logged.contains(MySqlTestServer.PASSWORD), logged);
    }

    /** What the run printed to standard output and error, where the test logging (logback) writes. */
    private static String printed(Runnable run) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        var buffer = new ByteArrayOutputStream();
        var capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            run.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
