package io.dora.export.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dora.core.cli.CliExit;
import io.dora.core.cli.CommandContext;
import io.dora.export.ExportFormat;

/** {@code dora cli export} on the built-in SQLite sample (no vault needed; the product test covers the vault). */
class ExportCommandTest {

    @TempDir
    Path folder;

    private SqliteEngine engine;
    private ExportCommand command;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        engine = new SqliteEngine(folder.resolve("data"));
        command = new ExportCommand(engine.registry, new ExporterService(engine.queries), null, Map.of());
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private int run(String stdin, String... args) throws Exception {
        return command.run(new CommandContext(List.of(args), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                folder));
    }

    @Test
    void exportsToAFileAndSaysHowMuch() throws Exception {
        Path target = folder.resolve("albums.csv");
        assertEquals(CliExit.OK, run("", "--connection", SqliteEngine.SAMPLE_ID, "--output", target.toString(),
                "--delimiter", "\\t", "--sql", "SELECT album_id, title FROM album ORDER BY album_id"), err.toString());
        List<String> lines = Files.readAllLines(target);
        assertEquals(61, lines.size());
        assertEquals("1\tAlbum 1", lines.get(1));
        assertTrue(out.toString().startsWith("60 rows, "), out.toString());
    }

    @Test
    void readsTheStatementFromStandardInputAndWritesToStandardOutput() throws Exception {
        assertEquals(CliExit.OK, run("SELECT name FROM genre ORDER BY genre_id;\n", "--connection",
                SqliteEngine.SAMPLE_ID, "--format", "json", "-"), err.toString());
        assertTrue(out.toString().startsWith("[\n{\"name\":\"Rock\"},\n"), out.toString());
        assertTrue(err.toString().contains("6 rows"), "the summary goes to standard error: " + err);
    }

    @Test
    void aStatementThatWritesIsRefusedWithExitOne() throws Exception {
        assertEquals(CliExit.NEGATIVE, run("", "--connection", SqliteEngine.SAMPLE_ID, "--output",
                folder.resolve("x.csv").toString(), "--sql", "UPDATE track SET name = 'x'"));
        assertTrue(err.toString().contains("[POLICY] An export runs only statements that read"), err.toString());
        assertTrue(Files.notExists(folder.resolve("x.csv")));
    }

    @Test
    void anUnknownConnectionIsAUsageErrorAndASqlErrorAFailure() throws Exception {
        assertEquals(CliExit.USAGE, run("", "--connection", "nope", "--sql", "SELECT 1"));
        assertTrue(err.toString().contains("[INVALID_INPUT]"), err.toString());
        assertEquals(CliExit.FAILURE, run("", "--connection", SqliteEngine.SAMPLE_ID, "--sql", "SELECT * FROM nowhere"));
        assertTrue(err.toString().contains("no such table"), err.toString());
    }

    @Test
    void argumentsAreCheckedBeforeAnythingRuns() throws Exception {
        assertEquals(CliExit.USAGE, run("", "--sql", "SELECT 1"));
        assertEquals(CliExit.USAGE, run("", "--connection", "x"));
        assertEquals(CliExit.USAGE, run("", "--connection", "x", "--sql", "SELECT 1", "file.sql"));
        assertEquals(CliExit.USAGE, run("", "--connection", "x", "--format", "xml", "--sql", "SELECT 1"));
        assertEquals(CliExit.USAGE, run("", "--connection", "x", "--delimiter", "ab", "--sql", "SELECT 1"));
        assertTrue(err.toString().contains("(see dora cli help export)"), err.toString());
    }

    @Test
    void parsesEveryOption() {
        ExportArguments arguments = ExportArguments.parse(List.of("--connection", "c", "--format", "JSONL", "--output",
                "o.jsonl", "--null", "\\N", "--bom", "--fetch-size", "50", "q.sql"));
        assertEquals(ExportFormat.JSONL, arguments.settings().format());
        assertEquals("\\N", arguments.settings().csv().nullMarker());
        assertTrue(arguments.settings().csv().byteOrderMark());
        assertEquals(50, arguments.settings().fetchSize());
        assertEquals("q.sql", arguments.file());
        assertThrows(IllegalArgumentException.class, () -> ExportArguments.parse(List.of("--connection", "c",
                "--fetch-size", "0", "-")));
    }
}
