package io.dora.product.tests.workbench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The top-level windows of a display as the X server maps them (xev listening to the root window's MapNotify
 * events): the moment a window is shown, without polling for it, which on a 2-core machine would also take CPU
 * from the program being measured.
 */
final class WindowMaps implements AutoCloseable {

    /** A window (its id as xdotool prints it) and System.nanoTime() when it was mapped. */
    record Mapped(String window, long nanoTime) {
    }

    /** The second line of xev's report: "    event 0x..., window 0x40000f, override NO". */
    private static final Pattern MAPPED_WINDOW = Pattern.compile("event 0x\\p{XDigit}+, window 0x(\\p{XDigit}+)");

    private final Process xev;
    private final BlockingQueue<Mapped> mapped = new LinkedBlockingQueue<>();

    private WindowMaps(Process xev) {
        this.xev = xev;
        Thread.ofPlatform().daemon().name("xev-reader").start(this::read);
    }

    /** Null when xev (x11-utils) is not installed. */
    static WindowMaps watch(VirtualDisplay display) throws IOException {
        if (!VirtualDisplay.onPath("xev")) {
            return null;
        }
        ProcessBuilder builder = new ProcessBuilder("xev", "-display", display.name(), "-root", "-event", "substructure")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        return new WindowMaps(builder.start());
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(xev.getInputStream(), StandardCharsets.UTF_8))) {
            boolean mapNotify = false;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                long now = System.nanoTime();
                Matcher window = MAPPED_WINDOW.matcher(line);
                if (mapNotify && window.find()) {
                    mapped.add(new Mapped(Long.toString(Long.parseLong(window.group(1), 16)), now));
                }
                mapNotify = line.startsWith("MapNotify event");
            }
        } catch (IOException e) {
            // xev ended
        }
    }

    /** The first window mapped whose title matches, or null after the timeout or when the owner ended. */
    Mapped await(VirtualDisplay display, Pattern title, Duration timeout, ProcessHandle owner)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && owner.isAlive()) {
            Mapped next = mapped.poll(200, TimeUnit.MILLISECONDS);
            if (next != null && title.matcher(display.xdotool("getwindowname", next.window())).find()) {
                return next;
            }
        }
        return null;
    }

    @Override
    public void close() {
        xev.destroy();
    }
}
