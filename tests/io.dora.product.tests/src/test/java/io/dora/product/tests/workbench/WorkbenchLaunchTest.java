package io.dora.product.tests.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the materialized workbench product under Xvfb as a user would: the window must appear within 60 s and
 * the Installed Plugins view (Alt+Shift+Q P) lists the bundles with their versions and states; two workbenches
 * run side by side on two workspaces, and a third one on a workspace in use is refused.
 * Screenshots go to target/screenshots.
 */
class WorkbenchLaunchTest {

    private static final Duration WINDOW_TIMEOUT = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

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
    void theWorkbenchWindowOpensAndQuitsCleanly() throws Exception {
        Path workspace = scratch.resolve("workspace");
        try (Workbench workbench = launch(workspace, "smoke")) {
            String window = awaitWindow(workbench, workspace);
            Thread.sleep(1500); // let the views paint before the screenshot
            Path shot = SCREENSHOTS.resolve("workbench.png");
            display.screenshot(shot);
            assertTrue(distinctColors(shot) > 20, "the screenshot looks blank: " + shot);

            List<String> plugins = copiedPlugins(window);
            display.screenshot(SCREENSHOTS.resolve("installed-plugins.png"));
            assertTrue(plugins.size() > 100, "Installed Plugins lists every bundle: " + plugins);
            assertTrue(plugins.stream().anyMatch(line -> line.matches("io\\.dora\\.core\t0\\.1\\.0\\..*\tActive\t.*")),
                    "io.dora.core is listed with its version, active: " + plugins);
            assertTrue(plugins.stream().anyMatch(line -> line.startsWith("io.dora.ui\t") && line.contains("\tActive\t")),
                    "the workbench bundle is listed, active: " + plugins);

            display.key(window, "ctrl+q");
            assertEquals(0, workbench.awaitExit(Duration.ofSeconds(30)), workbench.log());
        }
        assertTrue(Files.isDirectory(workspace.resolve(".metadata/.plugins/org.eclipse.e4.workbench")),
                "the workbench saved no state in its workspace");
        Path log = workspace.resolve(".metadata/dora/logs/dora.log");
        assertTrue(Files.isRegularFile(log), "the workbench wrote no log in its workspace");
        assertTrue(Files.readString(log).contains("workbench window shown"), "the log has no startup line: " + log);
    }

    @Test
    void twoWorkspacesRunSideBySideAndAWorkspaceInUseIsRefused() throws Exception {
        Path first = scratch.resolve("first");
        Path second = scratch.resolve("second");
        try (Workbench one = launch(first, "first"); Workbench two = launch(second, "second")) {
            String firstWindow = awaitWindow(one, first);
            String secondWindow = awaitWindow(two, second);
            assertTrue(one.isAlive() && two.isAlive(), "both workbenches run at the same time");

            try (Workbench intruder = launch(first, "intruder")) {
                String refusal = display.awaitWindow("^Workspace in use *$", WINDOW_TIMEOUT, intruder.handle());
                assertNotNull(refusal, "no 'Workspace in use' message; log:\n" + intruder.log());
                display.screenshot(SCREENSHOTS.resolve("workspace-in-use.png"));
                display.key(refusal, "Return");
                assertEquals(Workbench.EXIT_WORKSPACE_IN_USE, intruder.awaitExit(Duration.ofSeconds(30)),
                        intruder.log());
            }
            assertTrue(one.isAlive(), "the refused start must leave the running workbench alone");

            display.key(firstWindow, "ctrl+q");
            display.key(secondWindow, "ctrl+q");
            assertEquals(0, one.awaitExit(Duration.ofSeconds(30)), one.log());
            assertEquals(0, two.awaitExit(Duration.ofSeconds(30)), two.log());
        }
    }

    /** Alt+Shift+Q P shows the Installed Plugins view; Ctrl+A, Ctrl+C copies its rows (retried until shown). */
    private static List<String> copiedPlugins(String window) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<String> lines = List.of();
        while (Instant.now().isBefore(deadline) && lines.size() <= 1) {
            display.key(window, "alt+shift+q");
            display.key(window, "p");
            Thread.sleep(700);
            display.key(window, "ctrl+a");
            display.key(window, "ctrl+c");
            lines = display.clipboard().lines().filter(line -> line.contains("\t")).toList();
        }
        return lines;
    }

    private Workbench launch(Path workspace, String name) throws Exception {
        return Workbench.launch(Workbench.productHome(), display, workspace,
                Path.of("target", "workbench-logs", name + ".log"));
    }

    private static String awaitWindow(Workbench workbench, Path workspace) throws Exception {
        String window = display.awaitWindow(Workbench.titleOf(workspace), WINDOW_TIMEOUT, workbench.handle());
        assertNotNull(window, "no workbench window for " + workspace + " within " + WINDOW_TIMEOUT.toSeconds()
                + " s; log:\n" + workbench.log());
        return window;
    }

    static int distinctColors(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        Set<Integer> colors = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colors.add(image.getRGB(x, y));
            }
        }
        return colors.size();
    }
}
