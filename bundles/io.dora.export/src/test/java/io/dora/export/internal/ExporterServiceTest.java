package io.dora.export.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.error.InvalidInputException;
import io.dora.core.error.PolicyViolationException;
import io.dora.core.query.QueryRequest;
import io.dora.core.query.ResultCollector;
import io.dora.export.ExportFormat;
import io.dora.export.ExportResult;
import io.dora.export.ExportSettings;
import io.dora.export.RunningExport;

/** Exports through the real engine on SQLite: the file in place, or nothing, and never half a file. */
class ExporterServiceTest {

    /** Rows made on the fly, many enough to cancel in the middle. */
    private static final String ENDLESS = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000)"
            + " SELECT i, 'row ' || i AS label FROM n";

    @TempDir
    Path folder;

    private SqliteEngine engine;
    private ExporterService exporter;
    private Path exports;

    @BeforeEach
    void start() throws IOException {
        engine = new SqliteEngine(folder.resolve("data"));
        exporter = new ExporterService(engine.queries);
        exports = Files.createDirectories(folder.resolve("exports"));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private RunningExport export(String statement, Path target, ExportFormat format) {
        return exporter.start(engine.session, statement, target, ExportSettings.of(format).withFetchSize(100));
    }

    private List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void exportsAWholeTableAndReplacesThePreviousFile() throws Exception {
        Path target = exports.resolve("tracks.csv");
        Files.writeString(target, "the previous export");
        ExportResult result = export("SELECT track_id, name, unit_price FROM track ORDER BY track_id;", target,
                ExportFormat.CSV).await();
        List<String> lines = Files.readAllLines(target);
        assertEquals(601, lines.size());
        assertEquals("track_id,name,unit_price", lines.get(0));
        assertEquals("1,Track 1,0.99", lines.get(1));
        assertEquals(600, result.rows());
        assertEquals(Files.size(target), result.bytes());
        assertFalse(result.truncated());
        assertEquals(List.of(target), filesIn(exports), "no temporary file left");
    }

    @Test
    void jsonReadsBackWithItsTypes() throws Exception {
        Path target = exports.resolve("customers.json");
        export("SELECT customer_id, email, NULL AS note, 1.5 AS ratio FROM customer ORDER BY customer_id", target,
                ExportFormat.JSON).await();
        JsonNode rows = new ObjectMapper().readTree(target.toFile());
        assertEquals(50, rows.size());
        assertEquals(1, rows.get(0).get("customer_id").intValue());
        assertTrue(rows.get(0).get("note").isNull());
        assertEquals(1.5, rows.get(0).get("ratio").doubleValue());
    }

    @Test
    void aFailureMidwayKeepsThePreviousFileAndLeavesNoPartialOne() throws Exception {
        Path target = exports.resolve("overflow.jsonl");
        Files.writeString(target, "the previous export");
        // abs() of the smallest integer overflows at row 5,000, after rows were written
        RunningExport export = export("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)"
                + " SELECT i, CASE WHEN i = 5000 THEN abs(-9223372036854775807 - 1) ELSE i END AS v FROM n", target,
                ExportFormat.JSONL);
        DoraException failure = assertThrows(DoraException.class, export::await);
        assertTrue(failure.getMessage().contains("overflow"), failure.getMessage());
        assertTrue(export.rows() >= 4_999, "rows were written before the failure: " + export.rows());
        assertEquals("the previous export", Files.readString(target));
        assertEquals(List.of(target), filesIn(exports));
    }

    @Test
    void aCancelMidwayStopsTheQueryAndLeavesNoFile() throws Exception {
        Path target = exports.resolve("endless.csv");
        RunningExport export = export(ENDLESS, target, ExportFormat.CSV);
        while (export.rows() < 20_000) {
            assertFalse(export.isDone(), "the export ended before it was cancelled");
            Thread.sleep(5);
        }
        assertTrue(export.bytes() > 0, "progress counts bytes too");
        export.cancel();
        DoraException failure = assertThrows(DoraException.class, export::await);
        assertEquals(ErrorKind.CANCELLED, failure.kind());
        assertEquals(List.of(), filesIn(exports), "neither the file nor a temporary one");
        ResultCollector after = new ResultCollector(1);
        engine.queries.execute(engine.session, QueryRequest.of("SELECT 1"), after);
        assertEquals(1, ((Number) after.scalar()).intValue(), "the session stays usable");
    }

    @Test
    void aStatementThatWritesIsRefusedBeforeItRuns() throws Exception {
        Path target = exports.resolve("deleted.csv");
        PolicyViolationException refused = assertThrows(PolicyViolationException.class,
                () -> export("DELETE FROM invoice_line", target, ExportFormat.CSV));
        assertEquals(List.of(ExporterService.READS_ONLY_RULE), refused.rules());
        assertTrue(refused.getMessage().contains("only statements that read"), refused.getMessage());
        ResultCollector count = new ResultCollector(1);
        engine.queries.execute(engine.session, QueryRequest.of("SELECT count(*) FROM invoice_line"), count);
        assertEquals(900, ((Number) count.scalar()).intValue(), "nothing was deleted");
        assertEquals(List.of(), filesIn(exports));
    }

    @Test
    void severalStatementsOrNoneAreRefused() {
        Path target = exports.resolve("two.csv");
        InvalidInputException two = assertThrows(InvalidInputException.class,
                () -> export("SELECT 1; SELECT 2", target, ExportFormat.CSV));
        assertTrue(two.getMessage().contains("the text holds 2"), two.getMessage());
        assertThrows(InvalidInputException.class, () -> export("  -- nothing\n", target, ExportFormat.CSV));
    }

    @Test
    void aTargetInAMissingFolderIsRefused() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> export("SELECT 1", folder.resolve("missing/out.csv"), ExportFormat.CSV));
        assertTrue(refused.getMessage().contains("does not exist"), refused.getMessage());
    }

    @Test
    void anEmptyResultIsAHeaderAndAStatementWithoutOneWritesNoFile() throws Exception {
        Path empty = exports.resolve("empty.csv");
        assertEquals(0, export("SELECT genre_id, name FROM genre WHERE 0", empty, ExportFormat.CSV).await().rows());
        assertEquals("genre_id,name\r\n", Files.readString(empty));

        Path target = exports.resolve("begin.csv");
        DoraException failure = assertThrows(DoraException.class, () -> export("BEGIN", target, ExportFormat.CSV).await());
        assertEquals(ErrorKind.INVALID_INPUT, failure.kind(), failure.getMessage());
        assertEquals(List.of(empty), filesIn(exports));
    }

    @Test
    void aWriteThatFailsMidwayIsReportedAndTheDestinationDiscarded() throws Exception {
        AtomicBoolean discarded = new AtomicBoolean();
        Destination full = new Destination() {
            @Override
            public OutputStream open() {
                return new OutputStream() {
                    private long written;

                    @Override
                    public void write(int b) throws IOException {
                        if (++written > 200_000) {
                            throw new IOException("No space left on device");
                        }
                    }
                };
            }

            @Override
            public void commit() {
                throw new AssertionError("a failed export must not be committed");
            }

            @Override
            public void discard() {
                discarded.set(true);
            }

            @Override
            public Path file() {
                return null;
            }

            @Override
            public String describe() {
                return "a full disk";
            }
        };
        RunningExport export = exporter.start(engine.session, ENDLESS, full, ExportSettings.of(ExportFormat.CSV));
        DoraException failure = assertThrows(DoraException.class, export::await);
        assertEquals("Writing a full disk failed: No space left on device", failure.getMessage());
        assertTrue(discarded.get());
    }

    @Test
    void theCommandLineStreamsToStandardOutputWithoutAFile() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        RunningExport export = exporter.start(engine.session, "SELECT genre_id, name FROM genre ORDER BY genre_id",
                Destination.stream(out, "standard output"), ExportSettings.of(ExportFormat.JSONL));
        ExportResult result = export.await();
        assertEquals(6, result.rows());
        assertEquals(null, result.file());
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("{\"genre_id\":1,\"name\":\"Rock\"}\n"),
                out.toString(StandardCharsets.UTF_8));
    }
}
