package io.dora.product.tests.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB connection in the real workbench, keyboard only: the vault (made with dora-cli in a temp user.home)
 * holds a connection to an in-JVM mongo-java-server on a random loopback port; after Unlock Vault, Ctrl+] opens
 * an editor on it, two shell statements typed on two lines run one at a time with Ctrl+Enter (insertMany, then
 * find; the mouse only puts the cursor back into the script), and the documents tree shows the result: the first document copied from it (Ctrl+C) is its JSON, and
 * once expanded its first field is the {@code _id} the insert made. Then the Connections view expands the
 * connection down to the collection's Columns, Keys and Indexes, and Copy Name (Ctrl+C) on the last row gives
 * the index's name. Screenshots: target/screenshots/mongo-documents.png, mongo-navigator.png.
 */
class MongoEditorUiTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String MASTER = "mongo ui test";
    private static final String INSERT = "db.people.insertMany([{name: 'Ann', address: {city: 'Oslo', "
            + "geo: {lat: 59.9, lon: 10.7}}, tags: ['dba', 'ops']}, {name: 'Bob', age: 42}])";
    private static final String FIND = "db.people.find({}).sort({name: 1})";

    private static VirtualDisplay display;
    private static MongoServer server;
    private static InetSocketAddress address;

    @TempDir
    Path scratch;

    @BeforeAll
    static void start() throws Exception {
        display = UiTests.startDisplay("xclip");
        try {
            server = new MongoServer(new MemoryBackend());
            address = server.bind();
        } catch (RuntimeException | LinkageError e) {
            if ("true".equals(System.getenv("CI"))) {
                fail("mongo-java-server could not start: " + e);
            }
            Assumptions.abort("mongo-java-server could not start: " + e);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.shutdownNow();
        }
        if (display != null) {
            display.close();
        }
    }

    @Test
    void shellStatementsRunWithCtrlEnterAndTheDocumentsShowAsATree() throws Exception {
        Path workspace = scratch.resolve("workspace");
        Path home = scratch.resolve("workspace-home"); // the user.home Workbench.launch gives this workspace
        DoraCli.run(home, scratch, MASTER, "connections", "init");
        DoraCli.run(home, scratch, MASTER, "connections", "add", "--id", "mongo-ui", "--name", "Mongo UI test",
                "--driver", "mongo", "--environment", "development", "--host", address.getHostString(), "--port",
                Integer.toString(address.getPort()), "--database", "shop");
        try (Workbench workbench = Workbench.launch(Workbench.productHome(), display, workspace,
                Path.of("target", "workbench-logs", "mongo-editor.log"))) {
            String window = display.awaitWindow(Workbench.titleOf(workspace), TIMEOUT, workbench.handle());
            assertNotNull(window, "no workbench window; log:\n" + workbench.log());
            Thread.sleep(2500); // the key bindings are live once the window has painted
            unlockVault(workbench, window);

            display.key(window, "ctrl+bracketright");
            String chooser = display.awaitWindow("^Open SQL Editor *$", TIMEOUT, workbench.handle());
            assertNotNull(chooser, "Ctrl+] opened no connection chooser; log:\n" + workbench.log());
            display.key(chooser, "End"); // the built-in sample first, then the vault's connections
            display.key(chooser, "Return");
            Thread.sleep(2000);

            display.xdotool("windowfocus", "--sync", window);
            display.xdotool("type", "--delay", "10", INSERT);
            display.key(window, "ctrl+Return");
            Thread.sleep(2000);
            display.key(window, "Return");
            display.xdotool("type", "--delay", "10", FIND);

            String document = runFindAndCopyTheFirstDocument(window);
            assertTrue(document.startsWith("{\"_id\": {\"$oid\": \"") && document.contains("\"city\": \"Oslo\""),
                    "the first document of the tree, copied: " + document + "\nlog:\n" + workbench.log());
            display.key(window, "plus"); // expands the document
            display.key(window, "Down");
            String firstField = copySelection(window);
            assertTrue(firstField.strip().matches("_id: [0-9a-f]{24}"), "the first field, copied: " + firstField);
            display.key(window, "Down"); // name
            display.key(window, "Down"); // address
            display.key(window, "plus");
            display.key(window, "Down"); // address.city
            display.key(window, "Down"); // address.geo
            display.key(window, "plus");
            display.key(window, "ctrl+m"); // maximizes the editor for the picture
            Thread.sleep(800);
            display.screenshot(SCREENSHOTS.resolve("mongo-documents.png"));
            display.key(window, "ctrl+m");

            String index = expandNavigator(window);
            display.screenshot(SCREENSHOTS.resolve("mongo-navigator.png"));
            assertEquals("_id_", index, "Copy Name on the navigator's last row, the collection's index");

            display.key(window, "ctrl+q");
            assertEquals(0, workbench.awaitExit(Duration.ofSeconds(30)), workbench.log());
        }
    }

    private static void unlockVault(Workbench workbench, String window) throws Exception {
        display.key(window, "ctrl+alt+u");
        String dialog = display.awaitWindow("^Unlock Vault *$", TIMEOUT, workbench.handle());
        assertNotNull(dialog, "Ctrl+Alt+U opened no Unlock Vault dialog; log:\n" + workbench.log());
        display.xdotool("windowfocus", "--sync", dialog);
        display.xdotool("type", "--delay", "10", MASTER);
        display.xdotool("key", "Return");
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (display.xdotool("search", "--onlyvisible", "--name", "^Unlock Vault *$").lines()
                .anyMatch(dialog::equals) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }

    /**
     * Ctrl+Enter on the last line, F6 to the rows and Ctrl+C, until the clipboard holds the first document. A
     * Ctrl+Enter while the insert still runs is refused, so this repeats (the find changes nothing); a click in
     * the script puts the focus back there each time, wherever the F6 before left it.
     */
    private static String runFindAndCopyTheFirstDocument(String window) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            display.xdotool("mousemove", "760", "200", "click", "1");
            display.key(window, "ctrl+End");
            display.key(window, "ctrl+Return");
            Thread.sleep(1500);
            display.key(window, "F6");
            String text = copySelection(window);
            if (text.startsWith("{")) {
                return text;
            }
        }
        display.screenshot(SCREENSHOTS.resolve("mongo-documents-failed.png"));
        return display.clipboard();
    }

    private static String copySelection(String window) throws Exception {
        display.key(window, "ctrl+c");
        Thread.sleep(300);
        return display.clipboard();
    }

    /**
     * Selects the MongoDB connection in the Connections view (a click on its first row, then End: the vault's
     * connections follow the sample) and expands it level by level as the levels load (GTK's "*" expands what
     * has loaded); then copies the name of the last row, the collection's last index.
     */
    private static String expandNavigator(String window) throws Exception {
        display.xdotool("mousemove", "80", "101", "click", "1");
        display.key(window, "End");
        for (int level = 0; level < 4; level++) {
            display.key(window, "asterisk");
            Thread.sleep(2000);
        }
        display.key(window, "End");
        return copySelection(window).strip();
    }
}
