package io.dora.product.tests.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
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
        String missing = VirtualDisplay.missingTools();
        if (missing == null && !onPath("xclip")) {
            missing = "xclip is not installed (apt-get install xclip)";
        }
        if (missing != null) {
            if ("true".equals(System.getenv("CI"))) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        assertTrue(Files.isExecutable(Workbench.productHome().resolve("dora")),
                "the workbench product is not built: " + Workbench.productHome());
        display = VirtualDisplay.start();
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
            String window = display.awaitWindow(Workbench.titleOf(workspace), TIMEOUT, workbench.handle());
            assertNotNull(window, "no workbench window; log:\n" + workbench.log());
            String chooser = openConnectionChooser(workbench, window);
            assertNotNull(chooser, "Ctrl+] opened no connection chooser; log:\n" + workbench.log());
            display.key(chooser, "Return");
            Thread.sleep(1500);

            display.xdotool("windowfocus", "--sync", window);
            display.xdotool("type", "--delay", "15", "SELECT * FROM track");
            display.key(window, "ctrl+Return");

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

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
