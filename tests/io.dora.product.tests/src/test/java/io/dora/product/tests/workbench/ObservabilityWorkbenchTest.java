package io.dora.product.tests.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench's observability parts driven as a user would under Xvfb: a few queries run in the SQL editor,
 * Help > Export Logs for Support through its key binding, a path typed into the file dialog, the zip checked
 * (log, plugin list, the queries in the metrics); then the Metrics view shown through its key binding and
 * photographed (target/screenshots/metrics-view.png).
 */
class ObservabilityWorkbenchTest {

    private static final Duration WINDOW_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DIALOG_TIMEOUT = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The key bindings io.dora.ui.observe declares (M1+M3+L, M1+M3+M). */
    private static final String EXPORT_LOGS_KEY = "ctrl+alt+e";
    private static final String SHOW_METRICS_KEY = "ctrl+alt+m";

    /** metrics.json's entry for the sample connection (docs/logging.md), with at least one query. */
    private static final Pattern SAMPLE_QUERIES_COUNTED = Pattern
            .compile("\"connection\":\"dora-sample-sqlite\",\"driver\":\"sqlite\",\"count\":[1-9]");

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
    void exportsTheLogsForSupportAndShowsTheMetricsView() throws Exception {
        Path workspace = scratch.resolve("workspace");
        Path zip = scratch.resolve("exported").resolve("for-support.zip");
        Files.createDirectories(zip.getParent());
        try (Workbench workbench = Workbench.launch(Workbench.productHome(), display, workspace,
                Path.of("target", "workbench-logs", "observability.log"))) {
            String window = display.awaitWindow(Workbench.titleOf(workspace), WINDOW_TIMEOUT, workbench.handle());
            assertNotNull(window, "no workbench window; log:\n" + workbench.log());
            runQueriesOnTheSample(workbench, window);

            display.key(window, EXPORT_LOGS_KEY);
            String fileDialog = display.awaitWindow("^Export Logs for Support *$", DIALOG_TIMEOUT, workbench.handle());
            assertNotNull(fileDialog, "no file dialog after " + EXPORT_LOGS_KEY + "; log:\n" + workbench.log());
            Thread.sleep(500);
            display.key(fileDialog, "ctrl+a"); // replace the suggested name with a whole path
            display.xdotool("type", "--delay", "15", zip.toString());
            display.key(fileDialog, "Return");

            String done = display.awaitWindow("^Logs Exported *$", DIALOG_TIMEOUT, workbench.handle());
            assertNotNull(done, "no 'Logs Exported' message; log:\n" + workbench.log());
            display.screenshot(SCREENSHOTS.resolve("logs-exported.png"));
            List<String> entries = entries(zip);
            assertTrue(entries.contains("logs/dora.log"), "the log is in the zip: " + entries);
            assertTrue(entries.contains("plugins.txt"), "the plugin list is in the zip: " + entries);
            try (ZipFile file = new ZipFile(zip.toFile())) {
                String plugins = new String(file.getInputStream(file.getEntry("plugins.txt")).readAllBytes());
                assertTrue(plugins.contains("io.dora.ui.observe"), "the plugin list names this bundle:\n" + plugins);
                String metrics = new String(file.getInputStream(file.getEntry("metrics.json")).readAllBytes());
                assertTrue(SAMPLE_QUERIES_COUNTED.matcher(metrics).find(),
                        "the queries run in the editor are in the metrics:\n" + metrics);
            }
            display.key(done, "Return");

            display.key(window, SHOW_METRICS_KEY);
            display.key(window, "ctrl+m"); // maximize it, so that every column shows
            display.xdotool("mousemove", "1279", "799"); // no tooltip over the table
            Thread.sleep(2500); // a refresh of the view's timer
            Path shot = SCREENSHOTS.resolve("metrics-view.png");
            display.screenshot(shot);
            assertTrue(WorkbenchLaunchTest.distinctColors(shot) > 20, "the screenshot looks blank: " + shot);

            display.key(window, "ctrl+q");
            assertEquals(0, workbench.awaitExit(Duration.ofSeconds(30)), workbench.log());
        }
    }

    /**
     * Opens a SQL editor on the built-in SQLite sample (io.dora.ui.sql: Ctrl+], the chooser, Return) and runs a
     * query with Ctrl+Enter, so that the metrics have queries to count. Ctrl+] is repeated until
     * the chooser shows: the window may appear before the workbench handles its keys.
     */
    private static void runQueriesOnTheSample(Workbench workbench, String window) throws Exception {
        Instant deadline = Instant.now().plus(WINDOW_TIMEOUT);
        String chooser = null;
        while (chooser == null && Instant.now().isBefore(deadline) && workbench.isAlive()) {
            display.key(window, "ctrl+bracketright");
            chooser = display.awaitWindow("^Open SQL Editor *$", Duration.ofSeconds(3), workbench.handle());
        }
        assertNotNull(chooser, "Ctrl+] opened no connection chooser; log:\n" + workbench.log());
        display.key(chooser, "Return");
        Thread.sleep(1500);
        display.xdotool("windowfocus", "--sync", window);
        display.xdotool("type", "--delay", "15", "SELECT count(*) FROM track");
        display.key(window, "ctrl+Return");
        Thread.sleep(2000); // the query ends (and is counted) before the export
    }

    private static List<String> entries(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<String> names = new ArrayList<>();
            Collections.list(file.entries()).forEach(entry -> names.add(entry.getName()));
            return names;
        }
    }
}
