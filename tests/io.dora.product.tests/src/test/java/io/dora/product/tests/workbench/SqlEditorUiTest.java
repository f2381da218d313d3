package io.dora.product.tests.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the SQL editor of the real workbench with the keyboard, as a user would: Ctrl+] opens an editor on
 * the built-in SQLite sample, a query is typed and run with Ctrl+Enter, F6 moves to the result grid, and the
 * rows copied from it (Ctrl+A, Ctrl+C, read back with xclip) prove what the grid holds: the sample's first
 * track, and only the first pages of its 600 rows, not the whole result. The screenshot is
 * target/screenshots/sql-editor.png.
 */
class SqlEditorUiTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final String FIRST_TRACK = "1\tTrack 1\t1\t1\t127919\t0.99";
    private static final int TRACKS = 600;

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
    void aQueryTypedInTheSqlEditorRunsWithCtrlEnterAndItsFirstRowsFillTheGrid() throws Exception {
        Path workspace = scratch.resolve("workspace");
        try (Workbench workbench = Workbench.launch(Workbench.productHome(), display, workspace,
                Path.of("target", "workbench-logs", "sql-editor.log"))) {
            String window = runTracksQuery(workbench, workspace);

            List<String> rows = copiedRows(window, Instant.now().plus(TIMEOUT));
            display.screenshot(Path.of("target", "screenshots", "sql-editor.png"));
            assertEquals(FIRST_TRACK, rows.isEmpty() ? "(no rows copied)" : rows.get(0),
                    "the grid's first row; log:\n" + workbench.log());
            assertTrue(rows.size() >= 200 && rows.size() < TRACKS,
                    "the grid holds the first pages only, not all " + TRACKS + " rows: " + rows.size());

            display.key(window, "ctrl+q");
            assertEquals(0, workbench.awaitExit(Duration.ofSeconds(30)), workbench.log());
        }
    }

    /**
     * Export Result (Ctrl+Shift+X) on the grid of a query: the dialog names the file, Return exports, and the file
     * holds all 600 tracks although the grid fetched only its first pages. Screenshots:
     * target/screenshots/export-dialog.png and export-done.png.
     */
    @Test
    void exportResultWritesTheWholeResultToTheFileChosenInTheDialog() throws Exception {
        Path workspace = scratch.resolve("export-workspace");
        Path target = scratch.resolve("tracks.csv");
        try (Workbench workbench = Workbench.launch(Workbench.productHome(), display, workspace,
                Path.of("target", "workbench-logs", "export-result.log"))) {
            String window = runTracksQuery(workbench, workspace);
            Thread.sleep(3000);

            display.key(window, "ctrl+shift+x");
            String dialog = display.awaitWindow("^Export Result *$", Duration.ofSeconds(10), workbench.handle());
            assertNotNull(dialog, "Ctrl+Shift+X opened no Export Result dialog; log:\n" + workbench.log());
            display.key(dialog, "alt+i"); // the File field
            display.key(dialog, "ctrl+a");
            display.xdotool("type", "--delay", "10", target.toString());
            display.screenshot(Path.of("target", "screenshots", "export-dialog.png"));
            display.key(dialog, "Return");

            Instant deadline = Instant.now().plus(TIMEOUT);
            while (!Files.exists(target) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            Thread.sleep(1500); // the outcome reaches the status line after the file is in place
            display.screenshot(Path.of("target", "screenshots", "export-done.png"));
            assertTrue(Files.exists(target), "no export file; log:\n" + workbench.log());
            List<String> lines = Files.readAllLines(target);
            assertEquals(TRACKS + 1, lines.size(), "a header and every track, not just the grid's pages");
            assertEquals("track_id,name,album_id,genre_id,milliseconds,unit_price", lines.get(0));
            assertEquals(FIRST_TRACK.replace('\t', ','), lines.get(1));

            display.key(window, "ctrl+q");
            assertEquals(0, workbench.awaitExit(Duration.ofSeconds(30)), workbench.log());
        }
    }

    /** In the workbench window, an editor on the built-in sample (Ctrl+], Return) runs the tracks query. */
    private static String runTracksQuery(Workbench workbench, Path workspace) throws Exception {
        String window = display.awaitWindow(Workbench.titleOf(workspace), TIMEOUT, workbench.handle());
        assertNotNull(window, "no workbench window; log:\n" + workbench.log());
        String chooser = openConnectionChooser(workbench, window);
        assertNotNull(chooser, "Ctrl+] opened no connection chooser; log:\n" + workbench.log());
        display.key(chooser, "Return");
        Thread.sleep(1500);
        display.xdotool("windowfocus", "--sync", window);
        display.xdotool("type", "--delay", "15", "SELECT * FROM track");
        display.key(window, "ctrl+Return");
        return window;
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

    /**
     * F6 to the grid, Ctrl+A, Ctrl+C, until the clipboard holds rows. Before the result tab exists F6 stays in
     * the script, whose text is copied instead, and the next F6 tries the grid again.
     */
    private static List<String> copiedRows(String window, Instant deadline) throws Exception {
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            display.key(window, "F6");
            display.key(window, "ctrl+a");
            display.key(window, "ctrl+c");
            List<String> lines = display.clipboard().lines().toList();
            if (!lines.isEmpty() && lines.get(0).startsWith("1\t")) {
                return lines;
            }
        }
        return List.of();
    }

}
