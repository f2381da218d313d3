package io.dora.product.tests.workbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One materialized workbench product started on a workspace, on a virtual display. */
public final class Workbench implements AutoCloseable {

    /** The window title starts with this, followed by the workspace path. */
    public static final String TITLE = "Dora Workbench";
    /** The exit code of a workbench refused because its workspace is locked (DoraApplication). */
    public static final int EXIT_WORKSPACE_IN_USE = 13;

    private final Process process;
    private final Path log;
    private final Path workspace;
    private final long startedNanos;

    private Workbench(Process process, Path log, Path workspace, long startedNanos) {
        this.process = process;
        this.log = log;
        this.workspace = workspace;
        this.startedNanos = startedNanos;
    }

    public static Workbench launch(Path productHome, VirtualDisplay display, Path workspace, Path log)
            throws IOException {
        return launch(productHome, display, workspace, log, Map.of());
    }

    /** @param environment extra variables for the start script, e.g. DORA_JVM_TUNING=off */
    public static Workbench launch(Path productHome, VirtualDisplay display, Path workspace, Path log,
            Map<String, String> environment) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(productHome.resolve("dora").toString(), "-data",
                workspace.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DISPLAY", display.name());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // the user's vault, policy and ssh folder live under user.home: a test never touches the real ones
        builder.environment().put("DORA_VMARGS", "-Duser.home=" + workspace.resolveSibling(workspace.getFileName() + "-home"));
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        return new Workbench(builder.start(), log, workspace, started);
    }

    /** The product as the build materialized it (system property set by the test module's pom). */
    public static Path productHome() {
        return Path.of(System.getProperty("dora.workbench.home",
                "product/target/products/io.dora.workbench.product/linux/gtk/x86_64/dora"));
    }

    /** A title regex (POSIX extended, as xdotool reads it) matching this workspace's window only; the
     *  workbench pads its title with a space. */
    public static String titleOf(Path workspace) {
        return "^" + TITLE + " .*" + workspace.toString().replaceAll("[\\\\.\\[\\]()*+?{}|^$]", "\\\\$0") + " *$";
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public Duration sinceStart() {
        return sinceStartUntil(System.nanoTime());
    }

    /** From the process start to a moment read from System.nanoTime(). */
    public Duration sinceStartUntil(long nanoTime) {
        return Duration.ofNanos(nanoTime - startedNanos);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end; -1 when it is still running after the timeout. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** What the process printed, then the platform's own log of the workspace when there is one (the launcher's
     *  "An error has occurred. See the log file" points there, and a test's temp workspace goes away). */
    public String log() throws IOException {
        String out = Files.exists(log) ? Files.readString(log) : "";
        Path platformLog = workspace.resolve(".metadata/.log");
        return Files.exists(platformLog) ? out + "\n--- " + platformLog + ":\n" + Files.readString(platformLog) : out;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
