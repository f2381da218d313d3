package io.dora.product.tests.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dora.workspace.EditorState;
import io.dora.workspace.HistoryEntry;
import io.dora.workspace.HistoryEntry.Outcome;
import io.dora.workspace.internal.AppDatabase;
import io.dora.workspace.internal.SqliteQueryHistory;
import io.dora.workspace.internal.SqliteSessionStore;

/**
 * Session restoration in the real workbench, driven with the keyboard: a script typed into a SQL editor on the
 * built-in SQLite sample (never saved to a file) and its cursor come back after a normal quit and after the
 * process is killed with SIGKILL once the autosave ran. The test reads the saved session from the workspace's
 * app database (as the workbench wrote it), and proves the restored editor's text (Ctrl+A, Ctrl+C, xclip) and
 * its cursor (a character typed after the restart lands where the cursor was). Also: the Query History's
 * "Open in SQL Editor" opens the statement in an editor on its connection.
 * Screenshots: target/screenshots/session-*.png.
 */
class SessionRestoreUiTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String SAMPLE = "dora-sample-sqlite";
    private static final String SCRIPT = "SELECT 1 AS one;\nSELECT 2 AS two;";
    /** After "SELECT " on the first line: Up from the end of the second line, Home, then 7 times Right. */
    private static final int CURSOR = 7;
    /** The sash between script and results of the first editor in the Dora perspective, 1280x800 display. */
    private static final int SASH_Y = 253;

    private static VirtualDisplay display;

    @TempDir
    Path scratch;

    @BeforeAll
    static void startDisplay() throws Exception {
        display = UiTests.startDisplay("xclip");
    }

    @AfterAll
    static void stopDisplay() {
        if (display != null) {
            display.close();
        }
    }

    @Test
    void unsavedScriptAndCursorComeBackAfterQuitAndAfterKill() throws Exception {
        Path workspace = scratch.resolve("workspace");
        String layoutBeforeQuit;
        try (Workbench workbench = launch(workspace, "session-1.log")) {
            String window = awaitWindow(workbench, workspace);
            String chooser = openConnectionChooser(workbench, window);
            assertNotNull(chooser, "Ctrl+] opened no connection chooser; log:\n" + workbench.log());
            display.key(chooser, "Return");
            Thread.sleep(1500);
            EditorState initial = awaitSavedEditor(workspace, editor -> true);
            assertNotNull(initial, "the new editor was not saved; log:\n" + workbench.log());
            // drag the sash between script and results down by 100 pixels, in steps as a hand would
            display.xdotool("mousemove", "--sync", "760", String.valueOf(SASH_Y), "mousedown", "1");
            for (int step = 1; step <= 10; step++) {
                display.xdotool("mousemove", "--sync", "760", String.valueOf(SASH_Y + 10 * step));
                Thread.sleep(50);
            }
            display.xdotool("mouseup", "1");
            display.xdotool("mousemove", "--sync", "760", "150", "click", "1"); // back into the (empty) script
            display.xdotool("windowfocus", "--sync", window);
            display.xdotool("type", "--delay", "15", SCRIPT);
            display.key(window, "Up");
            display.key(window, "Home");
            for (int i = 0; i < CURSOR; i++) {
                display.key(window, "Right");
            }
            EditorState saved = awaitSavedEditor(workspace, editor -> editor.text().equals(SCRIPT)
                    && editor.cursorOffset() == CURSOR);
            assertNotNull(saved, "the autosave did not store the script with its cursor: " + savedSession(workspace)
                    + "\nlog:\n" + workbench.log());
            assertEquals(SAMPLE, saved.connectionId());
            assertTrue(saved.resultLayout().startsWith("sash="), saved.resultLayout());
            assertTrue(scriptWeight(saved) > scriptWeight(initial) + 100, "the dragged sash is in the layout: "
                    + initial.resultLayout() + " -> " + saved.resultLayout());
            layoutBeforeQuit = saved.resultLayout();
            display.screenshot(SCREENSHOTS.resolve("session-before-quit.png"));
            display.key(window, "ctrl+q");
            assertEquals(0, workbench.awaitExit(Duration.ofSeconds(30)), workbench.log());
        }

        String afterQuit = "SELECT X1 AS one;\nSELECT 2 AS two;";
        try (Workbench workbench = launch(workspace, "session-2.log")) {
            String window = awaitWindow(workbench, workspace);
            awaitRestored(workbench, workspace, 1);
            display.xdotool("windowfocus", "--sync", window);
            display.xdotool("type", "--delay", "15", "X");
            assertEquals(afterQuit, copiedText(window), "the restored editor's text, with X typed at the restored "
                    + "cursor; log:\n" + workbench.log());
            display.screenshot(SCREENSHOTS.resolve("session-restored-after-quit.png"));
            // Ctrl+A left the cursor at the end: put it back after the X
            display.key(window, "ctrl+Home");
            for (int i = 0; i <= CURSOR; i++) {
                display.key(window, "Right");
            }
            EditorState edited = awaitSavedEditor(workspace, editor -> editor.text().equals(afterQuit)
                    && editor.cursorOffset() == CURSOR + 1);
            assertNotNull(edited, "the autosave did not store the edit: " + savedSession(workspace));
            assertEquals(layoutBeforeQuit, edited.resultLayout(), "the layout came back as it was");
            workbench.handle().destroyForcibly(); // SIGKILL: no shutdown hook, no final save
            assertEquals(137, workbench.awaitExit(Duration.ofSeconds(10)));
        }

        try (Workbench workbench = launch(workspace, "session-3.log")) {
            String window = awaitWindow(workbench, workspace);
            awaitRestored(workbench, workspace, 2);
            display.xdotool("windowfocus", "--sync", window);
            display.xdotool("type", "--delay", "15", "Y");
            assertEquals("SELECT XY1 AS one;\nSELECT 2 AS two;", copiedText(window),
                    "the editor restored after the kill, with Y typed at the cursor; log:\n" + workbench.log());
            display.screenshot(SCREENSHOTS.resolve("session-restored-after-kill.png"));
            display.key(window, "ctrl+q");
            assertEquals(0, workbench.awaitExit(Duration.ofSeconds(30)), workbench.log());
        }
        List<EditorState> last = savedSession(workspace);
        assertEquals(1, last.size(), "one editor, saved at the quit: " + last);
        assertEquals("SELECT XY1 AS one;\nSELECT 2 AS two;", last.get(0).text());
    }

    @Test
    void openInSqlEditorFromTheHistoryOpensTheStatementOnItsConnection() throws Exception {
        Path workspace = scratch.resolve("history-workspace");
        String statement = "SELECT 42 AS answer";
        SqliteQueryHistory history = new SqliteQueryHistory(AppDatabase.fileOf(workspace));
        history.record(new HistoryEntry(0, "", SAMPLE, "Sample shop (SQLite)", "development", "sqlite", statement,
                Instant.now().minusSeconds(60), Duration.ofMillis(3), 1, Outcome.SUCCEEDED, null));
        assertTrue(history.flush(Duration.ofSeconds(10)));
        history.close();

        try (Workbench workbench = launch(workspace, "session-history.log")) {
            String window = awaitWindow(workbench, workspace);
            Thread.sleep(1000);
            display.key(window, "alt+shift+q");
            display.key(window, "h");
            awaitLogLine(workbench, workspace, "Query History shows 1 of 1 entries", 1);
            Thread.sleep(500);
            // double-click the entry: the view's first row in the Dora perspective on the 1280x800 display
            display.xdotool("mousemove", "--sync", "560", "594", "click", "--repeat", "2", "--delay", "120", "1");
            EditorState opened = awaitSavedEditor(workspace, editor -> editor.text().equals(statement));
            display.screenshot(SCREENSHOTS.resolve("session-history-open-in-editor.png"));
            assertNotNull(opened, "no editor with the statement was saved: " + savedSession(workspace) + "\nlog:\n"
                    + workbench.log());
            assertEquals(SAMPLE, opened.connectionId());
            assertEquals(statement, copiedText(window), "the editor holds the statement, not run");
            display.key(window, "ctrl+q");
            assertEquals(0, workbench.awaitExit(Duration.ofSeconds(30)), workbench.log());
        }
    }

    /** The script's share of the sash, per mille, from the editor's layout {@code sash=450,550;…}. */
    private static int scriptWeight(EditorState editor) {
        String layout = editor.resultLayout();
        return Integer.parseInt(layout.substring("sash=".length(), layout.indexOf(',')));
    }

    private static Workbench launch(Path workspace, String log) throws Exception {
        return Workbench.launch(Workbench.productHome(), display, workspace, Path.of("target", "workbench-logs", log));
    }

    private static String awaitWindow(Workbench workbench, Path workspace) throws Exception {
        String window = display.awaitWindow(Workbench.titleOf(workspace), TIMEOUT, workbench.handle());
        if (window == null) {
            // the platform's own log says why a start failed ("An error has occurred. See the log file")
            Path platformLog = workspace.resolve(".metadata/.log");
            throw new AssertionError("no workbench window; log:\n" + workbench.log() + "\nplatform log:\n"
                    + (Files.exists(platformLog) ? Files.readString(platformLog) : "(none)"));
        }
        return window;
    }

    /**
     * Waits for the workspace log's line about the restored editor (the log is kept across launches: the
     * {@code launch}th such line), then for the editor to take the keys.
     */
    private static void awaitRestored(Workbench workbench, Path workspace, int launch) throws Exception {
        awaitLogLine(workbench, workspace, "Restored 1 of 1 SQL editors", launch);
        Thread.sleep(1500);
    }

    /** Waits until the workspace log holds the line {@code count} times (it is kept across launches). */
    private static void awaitLogLine(Workbench workbench, Path workspace, String text, int count) throws Exception {
        Path log = workspace.resolve(".metadata/dora/logs/dora.log");
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log) && Files.readAllLines(log).stream().filter(line -> line.contains(text)).count()
                    >= count) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no '" + text + "' in the workspace log:\n"
                + (Files.exists(log) ? Files.readString(log) : "(none)") + "\nprocess log:\n" + workbench.log());
    }

    /** Polls the session the workbench saved until an editor matches; null when none does within the timeout. */
    private static EditorState awaitSavedEditor(Path workspace, Predicate<EditorState> wanted) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            for (EditorState editor : savedSession(workspace)) {
                if (wanted.test(editor)) {
                    return editor;
                }
            }
            Thread.sleep(500);
        }
        return null;
    }

    private static List<EditorState> savedSession(Path workspace) {
        if (!Files.exists(AppDatabase.fileOf(workspace))) {
            return List.of();
        }
        SqliteSessionStore store = new SqliteSessionStore(AppDatabase.fileOf(workspace));
        try {
            return store.load();
        } finally {
            store.close();
        }
    }

    private static String copiedText(String window) throws Exception {
        display.key(window, "ctrl+a");
        display.key(window, "ctrl+c");
        Thread.sleep(300);
        return display.clipboard();
    }

    /** Ctrl+] until the chooser shows: the window may appear before the workbench handles its keys. */
    private static String openConnectionChooser(Workbench workbench, String window) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        String chooser = null;
        while (chooser == null && Instant.now().isBefore(deadline) && workbench.isAlive()) {
            display.key(window, "ctrl+bracketright");
            chooser = display.awaitWindow("^Open SQL Editor *$", Duration.ofSeconds(3), workbench.handle());
        }
        return chooser;
    }
}
