package io.dora.workspace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dora.core.cli.CliExit;
import io.dora.core.cli.CommandContext;
import io.dora.workspace.HistoryEntry.Outcome;

class HistoryCommandTest {

    @TempDir
    Path workspace;
    private SqliteQueryHistory history;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void fill() throws Exception {
        history = new SqliteQueryHistory(AppDatabase.fileOf(workspace));
        Instant base = Instant.parse("2026-11-01T10:00:00Z");
        history.record(SqliteQueryHistoryTest.entry("prod", "SELECT * FROM orders\nWHERE id = 1", base, Outcome.SUCCEEDED));
        history.record(SqliteQueryHistoryTest.entry("dev", "DELETE FROM orders", base.plusSeconds(1), Outcome.FAILED));
        history.record(SqliteQueryHistoryTest.entry("dev", "SELECT now()", base.plusSeconds(2), Outcome.TIMEOUT));
        history.flush(Duration.ofSeconds(10));
    }

    @AfterEach
    void close() throws InterruptedException {
        history.close();
    }

    private int run(String... args) {
        return new HistoryCommand(history).run(new CommandContext(List.of(args), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                workspace));
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void theTableListsNewestFirstWithTheStatementsFirstLine() {
        assertEquals(CliExit.OK, run());
        List<String> lines = lines();
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("TIME"), lines.get(0));
        assertTrue(lines.get(1).contains("dev name") && lines.get(1).contains("timeout")
                && lines.get(1).endsWith("SELECT now()"), lines.get(1));
        assertTrue(lines.get(3).endsWith("SELECT * FROM orders"), "first line only: " + lines.get(3));
    }

    @Test
    void searchConnectionAndLimitNarrowTheListAndJsonHasEveryField() throws Exception {
        assertEquals(CliExit.OK, run("--search", "ORDERS", "--connection", "dev", "--limit", "5", "--json"));
        List<String> lines = lines();
        assertEquals(1, lines.size(), String.join("\n", lines));
        JsonNode entry = new ObjectMapper().readTree(lines.get(0));
        assertEquals("DELETE FROM orders", entry.get("statement").asText());
        assertEquals("failed", entry.get("outcome").asText());
        assertEquals("boom", entry.get("error").asText());
        assertEquals("production", entry.get("environment").asText());
        assertEquals(12, entry.get("duration_ms").asInt());
        assertEquals("2026-11-01T10:00:01Z", entry.get("started_at").asText());

        out.reset();
        assertEquals(CliExit.OK, run("--limit", "1", "--json"));
        assertEquals(1, lines().size());
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertEquals(CliExit.USAGE, run("--limit", "0"));
        assertEquals(CliExit.USAGE, run("--limit", "many"));
        assertEquals(CliExit.USAGE, run("--search"));
        assertEquals(CliExit.USAGE, run("--frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown argument '--frobnicate'"), err.toString());
    }
}
