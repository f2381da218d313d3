package io.dora.product.tests.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the real workbench as a user would, keyboard only: creates the vault through the Unlock Vault dialog,
 * creates a SQLite connection to a temp file through the connection dialog (Test Connection, then Save), and
 * checks — without looking at pixels — that the vault now lists it, with the CLI opening the same vault file.
 * The user's own vault is never touched: user.home points into a temp directory.
 */
class ConnectionDialogTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String MASTER = "correct horse battery";

    @TempDir
    Path scratch;

    @Test
    void createsTheVaultAndASqliteConnectionThroughTheDialogs() throws Exception {
        Path workspace = scratch.resolve("workspace");
        // Workbench.launch gives each workspace its own user.home, so the vault lives in the temp dir
        Path home = scratch.resolve("workspace-home");
        Path vaultFile = home.resolve(".dora/vault.dora");
        Path database = scratch.resolve("orders.db");
        try (VirtualDisplay display = UiTests.startDisplay();
                Workbench workbench = Workbench.launch(Workbench.productHome(), display, workspace,
                        Path.of("target", "workbench-logs", "connection-dialog.log"))) {
            String main = display.awaitWindow(Workbench.titleOf(workspace), TIMEOUT, workbench.handle());
            assertNotNull(main, "no workbench window; log:\n" + workbench.log());
            Thread.sleep(2500); // the key bindings are live once the window has painted

            display.key(main, "ctrl+alt+u");
            String create = awaitDialog(display, workbench, "^Create Vault *$");
            display.xdotool("type", "--delay", "20", MASTER);
            display.xdotool("key", "Tab");
            display.xdotool("type", "--delay", "20", MASTER);
            display.xdotool("key", "Return");
            awaitGone(display, create);
            assertTrue(Files.exists(vaultFile), "the vault was not created; log:\n" + workbench.log());

            display.key(main, "ctrl+alt+n");
            String dialog = awaitDialog(display, workbench, "^New Connection *$");
            chooseSqlite(display);
            display.xdotool("key", "alt+n");
            display.xdotool("type", "--delay", "10", "Orders (local)");
            display.xdotool("key", "alt+f");
            display.xdotool("type", "--delay", "5", database.toString());
            display.xdotool("key", "alt+c"); // Test Connection: saves, then opens it by id in a job
            Thread.sleep(2500);
            display.screenshot(SCREENSHOTS.resolve("connection-dialog.png"));
            display.xdotool("windowfocus", "--sync", dialog);
            display.xdotool("key", "Return"); // Save
            awaitGone(display, dialog);
            Thread.sleep(1000);
            display.screenshot(SCREENSHOTS.resolve("connection-navigator.png"));
            display.key(main, "ctrl+q");
            assertEquals(0, workbench.awaitExit(Duration.ofSeconds(30)), workbench.log());
        }
        String listed = DoraCli.run(home, scratch, MASTER, "connections", "list");
        assertTrue(listed.lines().anyMatch(line -> line.startsWith("orders-local\tdevelopment\tread-write\tsqlite\t")
                && line.contains(database.toString())), "the vault does not list the new connection:\n" + listed);
        assertTrue(Files.exists(database), "Test Connection did not open the SQLite file");
    }

    /** The driver combo has the focus when the dialog opens: open it, take the SQLite entry. */
    private static void chooseSqlite(VirtualDisplay display) throws Exception {
        display.xdotool("key", "alt+r");
        display.xdotool("key", "space");
        Thread.sleep(400);
        display.xdotool("key", "End");
        display.xdotool("key", "Return");
        Thread.sleep(400);
    }

    private static String awaitDialog(VirtualDisplay display, Workbench workbench, String title) throws Exception {
        String window = display.awaitWindow(title, TIMEOUT, workbench.handle());
        assertNotNull(window, "no dialog '" + title + "'; log:\n" + workbench.log());
        display.xdotool("windowfocus", "--sync", window);
        Thread.sleep(300);
        return window;
    }

    private static void awaitGone(VirtualDisplay display, String window) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!display.xdotool("search", "--onlyvisible", "--name", ".").lines().anyMatch(window::equals)) {
                return;
            }
            Thread.sleep(100);
        }
        display.screenshot(SCREENSHOTS.resolve("connection-dialog-stuck.png"));
        fail("the dialog did not close: see " + SCREENSHOTS.resolve("connection-dialog-stuck.png"));
    }
}
