package io.dora.product.tests.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Assumptions;

/**
 * The real workbench against a real PostgreSQL the test starts itself, driven by the keyboard only: the
 * connection is saved in a temp vault (dora-cli), Ctrl+Alt+U unlocks it, Ctrl+] opens an editor on it. Then:
 * a 1,000,000-row query whose later rows only arrive as the grid scrolls (End, Page Down, rows copied with Ctrl+C and
 * read with xclip); {@code pg_sleep(60)} cancelled with Esc, checked on the server through pg_stat_activity;
 * manual commit (Ctrl+Alt+A) with an INSERT invisible to another connection until Ctrl+Alt+C, and one that
 * Ctrl+Alt+R rolls back. Screenshots: target/screenshots/postgres-*.png.
 */
class PostgresEditorUiTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static VirtualDisplay display;
    private static PostgresWorkbench postgres;

    @TempDir
    Path scratch;

    @BeforeAll
    static void startServers() throws Exception {
        display = UiTests.startDisplay("xclip");
        try {
            postgres = PostgresWorkbench.start();
        } catch (Exception | LinkageError e) {
            String reason = "PostgreSQL could not start: " + e;
            if ("true".equals(System.getenv("CI"))) {
                fail(reason, e);
            }
            Assumptions.abort(reason);
        }
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
        if (display != null) {
            display.close();
        }
    }

    @Test
    void queriesScrollsCancelsAndCommitsOnARealPostgresByKeyboard() throws Exception {
        Path workspace = scratch.resolve("workspace");
        postgres.saveConnection(scratch.resolve("workspace-home"), scratch); // Workbench.launch's user.home
        postgres.execute("CREATE TABLE dora_tx (id int PRIMARY KEY)");
        try (Workbench workbench = Workbench.launch(Workbench.productHome(), display, workspace,
                Path.of("target", "workbench-logs", "postgres-editor.log"))) {
            String window = display.awaitWindow(Workbench.titleOf(workspace), PostgresWorkbench.TIMEOUT,
                    workbench.handle());
            assertNotNull(window, "no workbench window; log:\n" + workbench.log());
            PostgresWorkbench.unlockVault(display, workbench, window);
            PostgresWorkbench.openEditor(display, workbench, window, workspace);

            // 1. a big result streams: the first page shows, later rows come as the grid scrolls
            int mark = PostgresWorkbench.logLines(workspace);
            run(window, "SELECT n, repeat('x', 20) AS filler FROM generate_series(1, 1000000) AS n");
            String first = PostgresWorkbench.awaitLog(workspace, "first 200 rows of", mark, workbench);
            assertTrue(first.contains("more as the user scrolls"), first);
            assertEquals(1, intoGridAndCopy(window), "F6 then Ctrl+C copies the first row");
            long reached = 0;
            for (int i = 0; i < 40 && reached < 2_000; i++) {
                // End and Page Down move the selection; GTK's Ctrl+End only moves the focus (dotted row)
                display.key(window, i % 2 == 0 ? "End" : "Next");
                Thread.sleep(250); // the editor adds the arrived rows to the grid every 150 ms
                reached = copiedFirstNumber(window);
            }
            display.screenshot(SCREENSHOTS.resolve("postgres-grid-scrolled.png"));
            System.out.printf("PostgresEditorUiTest: the grid scrolled to row %d of 1000000%n", reached);
            assertTrue(reached >= 2_000 && reached < 1_000_000, "scrolling fetched rows beyond the first page of 200,"
                    + " on demand: the selected row is " + reached);
            assertEquals(1, postgres.count("SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
                    + " AND state <> 'idle' AND query LIKE '%generate_series(1, 1000000)%'"),
                    "the server still holds the rest of the result for later scrolling (its statement has not ended)");
            display.key(window, "F6"); // back to the script

            // 2. Esc cancels pg_sleep(60) on the server, and the editor goes on working
            int beforeSleep = PostgresWorkbench.logLines(workspace);
            run(window, "SELECT pg_sleep(60)");
            awaitBackends("active", "pg_sleep(60)", 1, Duration.ofSeconds(20));
            display.screenshot(SCREENSHOTS.resolve("postgres-running.png"));
            Instant escape = Instant.now();
            display.key(window, "Escape");
            awaitBackends("active", "pg_sleep(60)", 0, Duration.ofSeconds(5));
            long cancelMillis = Duration.between(escape, Instant.now()).toMillis();
            PostgresWorkbench.awaitLog(workspace, "\"outcome\":\"cancelled\"", beforeSleep, workbench);
            Thread.sleep(400);
            display.screenshot(SCREENSHOTS.resolve("postgres-cancelled.png"));
            System.out.printf("PostgresEditorUiTest: Esc to pg_sleep gone from pg_stat_activity: %d ms%n", cancelMillis);
            assertTrue(cancelMillis < 5_000, "the server stopped pg_sleep " + cancelMillis + " ms after Esc");
            int beforeAnswer = PostgresWorkbench.logLines(workspace);
            run(window, "SELECT 4242 AS after_cancel");
            // the run has ended (and the editor's controls follow in the same UI step) before Ctrl+Alt+A below
            PostgresWorkbench.awaitLog(workspace, "1 of 1 statements succeeded, 1 rows read", beforeAnswer, workbench);
            assertEquals(4242, intoGridAndCopy(window), "the editor runs queries after the cancel");
            display.key(window, "F6");

            // 3. manual commit: Ctrl+Alt+A, INSERT, invisible to others until Ctrl+Alt+C
            display.key(window, "ctrl+alt+a");
            int beforeInsert = PostgresWorkbench.logLines(workspace);
            run(window, "INSERT INTO dora_tx VALUES (1)");
            PostgresWorkbench.awaitLog(workspace, "1 of 1 statements succeeded, 0 rows read, 1 updated", beforeInsert,
                    workbench);
            assertEquals(1, postgres.backends("idle in transaction", "INSERT INTO dora_tx VALUES (1)"),
                    "the editor's session holds an open transaction");
            assertEquals(0, postgres.count("SELECT count(*) FROM dora_tx"), "uncommitted rows are not visible");
            Thread.sleep(300);
            display.screenshot(SCREENSHOTS.resolve("postgres-transaction-pending.png"));
            display.key(window, "ctrl+alt+c");
            awaitCount("SELECT count(*) FROM dora_tx WHERE id = 1", 1);

            int beforeSecond = PostgresWorkbench.logLines(workspace);
            run(window, "INSERT INTO dora_tx VALUES (2)");
            PostgresWorkbench.awaitLog(workspace, "1 of 1 statements succeeded, 0 rows read, 1 updated", beforeSecond,
                    workbench);
            assertEquals(1, postgres.backends("idle in transaction", "INSERT INTO dora_tx VALUES (2)"),
                    "the second INSERT is pending");
            display.key(window, "ctrl+alt+r");
            awaitBackends("idle in transaction", "INSERT INTO dora_tx", 0, Duration.ofSeconds(10));
            assertEquals(1, postgres.count("SELECT count(*) FROM dora_tx"), "the rollback left only the committed row");
            assertEquals(0, postgres.count("SELECT count(*) FROM dora_tx WHERE id = 2"), "the rolled back row");
            Thread.sleep(300);
            display.screenshot(SCREENSHOTS.resolve("postgres-rolled-back.png"));

            display.key(window, "ctrl+q");
            assertEquals(0, workbench.awaitExit(Duration.ofSeconds(30)), workbench.log());
        }
    }

    /** Replaces the script (focus in it) with the text and runs it with Ctrl+Enter. */
    private static void run(String window, String sql) throws Exception {
        display.key(window, "ctrl+a");
        display.xdotool("type", "--delay", "8", sql);
        display.key(window, "ctrl+Return");
    }

    /**
     * F6 into the grid and Ctrl+C, the first field of the first copied row. F6 is pressed again until a row is
     * copied: before the result tab or its rows exist, F6 leaves (or puts back) the focus in the script, where
     * Ctrl+C copies nothing, and the next F6 tries the grid again. Ends with the focus in the grid.
     */
    private static long intoGridAndCopy(String window) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String copied = "";
        while (Instant.now().isBefore(deadline)) {
            display.key(window, "F6");
            display.setClipboard("-");
            display.key(window, "ctrl+c");
            Thread.sleep(100);
            copied = display.clipboard();
            String field = copied.lines().findFirst().orElse("").split("\t")[0];
            if (field.matches("\\d+")) {
                return Long.parseLong(field);
            }
        }
        display.screenshot(SCREENSHOTS.resolve("postgres-no-rows.png"));
        fail("F6 and Ctrl+C copied no row from the grid; the clipboard holds '" + copied + "'");
        return -1;
    }

    /** Ctrl+C in the grid (focus in it) and the first field of the first copied row, as a number. */
    private static long copiedFirstNumber(String window) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String copied = "";
        while (Instant.now().isBefore(deadline)) {
            display.setClipboard("-");
            display.key(window, "ctrl+c");
            copied = display.clipboard();
            String field = copied.lines().findFirst().orElse("").split("\t")[0];
            if (field.matches("\\d+")) {
                return Long.parseLong(field);
            }
            Thread.sleep(200); // the rows have not arrived yet
        }
        display.screenshot(SCREENSHOTS.resolve("postgres-no-rows.png"));
        fail("no row to copy from the grid; the clipboard holds '" + copied + "'");
        return -1;
    }

    private static void awaitBackends(String state, String text, long expected, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        long found;
        while ((found = postgres.backends(state, text)) != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertEquals(expected, found, "backends '" + state + "' running '" + text + "' after " + timeout);
    }

    private static void awaitCount(String sql, long expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        long found;
        while ((found = postgres.count(sql)) != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertEquals(expected, found, sql);
    }
}
