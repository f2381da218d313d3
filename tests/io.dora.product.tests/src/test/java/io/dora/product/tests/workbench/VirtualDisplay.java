package io.dora.product.tests.workbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A throw-away Xvfb X server on a free display number, so UI tests never touch a real desktop. */
public final class VirtualDisplay implements AutoCloseable {

    private final Process server;
    private final String name;

    private VirtualDisplay(Process server, String name) {
        this.server = server;
        this.name = name;
    }

    /** What is missing of Xvfb, xdotool and the extra tools (.ci/run installs them); null when nothing. */
    public static String missingTools(String... extraTools) {
        List<String> tools = new ArrayList<>(List.of("Xvfb", "xdotool"));
        tools.addAll(List.of(extraTools));
        for (String tool : tools) {
            if (!onPath(tool)) {
                return tool + " is not installed (.ci/run installs it from Debian's packages)";
            }
        }
        return null;
    }

    public static VirtualDisplay start() throws IOException, InterruptedException {
        for (int number = 90 + (int) (ProcessHandle.current().pid() % 50); number < 400; number++) {
            Path socket = Path.of("/tmp/.X11-unix/X" + number);
            if (Files.exists(socket) || Files.exists(Path.of("/tmp/.X" + number + "-lock"))) {
                continue;
            }
            // -noreset: by default the server resets when its last client leaves, and a workbench started right
            // after another one quit would then fail to open the display (gtk_init_check() failed)
            Process server = new ProcessBuilder("Xvfb", ":" + number, "-screen", "0", "1280x800x24", "-nolisten", "tcp",
                    "-noreset").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
            while (server.isAlive() && !Files.exists(socket) && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            if (server.isAlive() && Files.exists(socket) && ownsLock(server, number)) {
                return new VirtualDisplay(server, ":" + number);
            }
            server.destroyForcibly(); // lost a race for this number to another X server: try the next one
        }
        throw new IOException("no free X display number for Xvfb");
    }

    /**
     * Whether the server holds the display's lock file: when another Xvfb took the number first, the socket
     * seen is the other one's, and ours is about to exit (the other display would go away with its owner).
     */
    private static boolean ownsLock(Process server, int number) throws IOException, InterruptedException {
        Path lock = Path.of("/tmp/.X" + number + "-lock");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (server.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                String pid = Files.readString(lock).strip();
                if (!pid.isEmpty()) {
                    return pid.equals(Long.toString(server.pid()));
                }
            } catch (IOException e) {
                // not written yet
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** The value of DISPLAY for programs that should draw here. */
    public String name() {
        return name;
    }

    /** Runs an xdotool command on this display and returns its output (empty when nothing matched). */
    public String xdotool(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "xdotool";
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DISPLAY", name);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        process.waitFor();
        return out;
    }

    /** The id of the first visible window whose title matches the regular expression, waiting up to the timeout. */
    public String awaitWindow(String titleRegex, Duration timeout, ProcessHandle owner)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            String found = xdotool("search", "--onlyvisible", "--name", titleRegex);
            if (!found.isEmpty() && !found.contains("Error")) {
                return found.lines().findFirst().orElseThrow();
            }
            if (owner != null && !owner.isAlive()) {
                return null;
            }
            Thread.sleep(100);
        }
        return null;
    }

    /** Sends a key chord (xdotool syntax, e.g. "ctrl+q") to the window after giving it the focus. */
    public void key(String window, String chord) throws IOException, InterruptedException {
        xdotool("windowfocus", "--sync", window);
        xdotool("key", "--clearmodifiers", chord);
    }

    /** The text on this display's clipboard (xclip), empty when there is none. */
    public String clipboard() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("xclip", "-o", "-selection", "clipboard")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DISPLAY", name);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        return process.waitFor() == 0 ? out : "";
    }

    /** Puts the text on this display's clipboard (xclip keeps serving it until another program takes it). */
    public void setClipboard(String text) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("xclip", "-i", "-selection", "clipboard")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DISPLAY", name);
        Process process = builder.start();
        try (var in = process.getOutputStream()) {
            in.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        process.waitFor();
    }

    /** Saves the whole screen as a PNG, through a child JVM bound to this display. */
    public void screenshot(Path png) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes = Path.of(codeSource()).toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classes, ScreenCapture.class.getName(), png.toString())
                .redirectErrorStream(true);
        builder.environment().put("DISPLAY", name);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("screenshot failed: " + out);
        }
    }

    private static java.net.URI codeSource() {
        try {
            return ScreenCapture.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        server.destroy();
        try {
            server.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
