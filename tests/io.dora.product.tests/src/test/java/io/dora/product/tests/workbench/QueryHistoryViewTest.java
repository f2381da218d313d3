package io.dora.product.tests.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dora.workspace.HistoryEntry;
import io.dora.workspace.HistoryEntry.Outcome;
import io.dora.workspace.internal.AppDatabase;
import io.dora.workspace.internal.SqliteQueryHistory;

/**
 * The Query History view in the real workbench: a workspace whose history was filled through the workspace
 * bundle's store has the view in the bottom folder; its key binding brings it up showing every entry (the view
 * logs how many rows it shows; the test reads that line from the workspace's log).
 * Screenshot: target/screenshots/query-history.png.
 */
class QueryHistoryViewTest {

    private static final Duration WINDOW_TIMEOUT = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static VirtualDisplay display;

    @TempDir
    Path scratch;

    @BeforeAll
    static void startDisplay() throws Exception {
        display = UiTests.startDisplay();
    }

    @AfterAll
    static void stopDisplay() {
        if (display != null) {
            display.close();
        }
    }

    @Test
    void theViewShowsTheWorkspacesHistory() throws Exception {
        Path workspace = scratch.resolve("workspace");
        SqliteQueryHistory history = new SqliteQueryHistory(AppDatabase.fileOf(workspace));
        Instant now = Instant.now();
        history.record(entry("orders-prod", "production", "SELECT id, total\nFROM orders WHERE id = 42", now.minusSeconds(300), 12, 1, Outcome.SUCCEEDED, null));
        history.record(entry("orders-prod", "production", "DELETE FROM orders", now.minusSeconds(200), 3, 0, Outcome.FAILED, "refused by the production policy"));
        history.record(entry("sample", "development", "SELECT * FROM track", now.minusSeconds(100), 48, 600, Outcome.SUCCEEDED, null));
        history.record(entry("sample", "development", "SELECT count(*) FROM big_table", now.minusSeconds(50), 30_000, 0, Outcome.TIMEOUT, null));
        assertTrue(history.flush(Duration.ofSeconds(10)));
        history.close();

        Path log = workspace.resolve(".metadata/dora/logs/dora.log");
        try (Workbench workbench = Workbench.launch(Workbench.productHome(), display, workspace,
                Path.of("target", "workbench-logs", "query-history.log"))) {
            String window = display.awaitWindow(Workbench.titleOf(workspace), WINDOW_TIMEOUT, workbench.handle());
            assertNotNull(window, "no workbench window; log:\n" + workbench.log());
            // the view is stacked behind Installed Plugins: bring it up with its key binding (Alt+Shift+Q H)
            Thread.sleep(1000);
            display.key(window, "alt+shift+q");
            display.key(window, "h");
            String shown = awaitLogLine(log, "Query History shows 4 of 4 entries", Duration.ofSeconds(30));
            assertNotNull(shown, "the Query History view did not show the 4 entries; workspace log:\n"
                    + (Files.exists(log) ? Files.readString(log) : "(none)") + "\nprocess log:\n" + workbench.log());
            Thread.sleep(1500); // let the table paint before the screenshot
            display.screenshot(SCREENSHOTS.resolve("query-history.png"));

            display.key(window, "ctrl+q");
            assertEquals(0, workbench.awaitExit(Duration.ofSeconds(30)), workbench.log());
        }
    }

    private static String awaitLogLine(Path log, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    if (line.contains(text)) {
                        return line;
                    }
                }
            }
            Thread.sleep(250);
        }
        return null;
    }

    private static HistoryEntry entry(String connection, String environment, String statement, Instant startedAt,
            long millis, long rows, Outcome outcome, String error) {
        return new HistoryEntry(0, "", connection, connection, environment, "postgres", statement, startedAt,
                Duration.ofMillis(millis), rows, outcome, error);
    }
}
