package io.dora.product.tests.workbench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL editor's results against a real PostgreSQL, all in one run (releng/bench-results.sh): a
 * 1,000,000-row query in the real workbench, the time until its first rows show (from the editor's log line),
 * the time to scroll to the last row with End in the grid, and the workbench's live heap after a full GC
 * before the query and at the last row, with their ratio. Usage: ResultsBenchmark [rows] [scroll limit in s]
 */
public final class ResultsBenchmark {

    private static final Pattern SHOWN_AFTER = Pattern.compile("shown after (\\d+) ms");
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private ResultsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long limitSeconds = args.length > 1 ? Long.parseLong(args[1]) : 1200;
        String missing = VirtualDisplay.missingTools("xclip");
        if (missing != null) {
            System.err.println("bench-results: " + missing);
            System.exit(2);
        }
        Path scratch = Files.createTempDirectory("dora-bench-results");
        Path workspace = scratch.resolve("workspace");
        try (PostgresWorkbench postgres = PostgresWorkbench.start(); VirtualDisplay display = VirtualDisplay.start()) {
            postgres.saveConnection(scratch.resolve("workspace-home"), scratch);
            try (Workbench workbench = Workbench.launch(Workbench.productHome(), display, workspace,
                    scratch.resolve("workbench.log"))) {
                String window = display.awaitWindow(Workbench.titleOf(workspace), PostgresWorkbench.TIMEOUT,
                        workbench.handle());
                if (window == null) {
                    throw new AssertionError("no workbench window:\n" + workbench.log());
                }
                PostgresWorkbench.unlockVault(display, workbench, window);
                PostgresWorkbench.openEditor(display, workbench, window, workspace);
                long jvm = jvmPid(workbench.handle());
                long heapBefore = liveHeapKb(jvm);

                int mark = PostgresWorkbench.logLines(workspace);
                display.key(window, "ctrl+a");
                display.xdotool("type", "--delay", "5",
                        "SELECT n, md5(n::text) AS hash, now() AS at FROM generate_series(1, " + rows + ") AS n");
                long runNanos = System.nanoTime();
                display.key(window, "ctrl+Return");
                String first = PostgresWorkbench.awaitLog(workspace, "first ", mark, workbench);
                long seenMillis = (System.nanoTime() - runNanos) / 1_000_000;
                Matcher shown = SHOWN_AFTER.matcher(first);
                long firstMillis = shown.find() ? Long.parseLong(shown.group(1)) : -1;
                System.out.printf(Locale.ROOT, "first rows of %,d shown after %d ms (editor's log; %d ms from the"
                        + " key press as the benchmark saw the log line)%n", rows, firstMillis, seenMillis);

                display.key(window, "F6");
                long scrollNanos = System.nanoTime();
                long nextReport = scrollNanos + 10_000_000_000L;
                long reached = 0;
                int presses = 0;
                while (reached < rows && System.nanoTime() - scrollNanos < limitSeconds * 1_000_000_000L) {
                    // End moves the selection to the last row that arrived, asking for the next page; GTK's
                    // Ctrl+End would move only the focus, not the selection that Ctrl+C copies
                    display.key(window, "End");
                    presses++;
                    reached = selectedRow(display, window, reached);
                    if (System.nanoTime() > nextReport) {
                        nextReport += 10_000_000_000L;
                        System.out.printf(Locale.ROOT, "  ... row %,d after %.0f s%n", reached,
                                (System.nanoTime() - scrollNanos) / 1e9);
                    }
                }
                double scrollSeconds = (System.nanoTime() - scrollNanos) / 1e9;
                display.screenshot(Path.of("target", "screenshots", "bench-results-last-row.png"));
                if (reached < rows) {
                    System.out.printf(Locale.ROOT, "scrolling stopped at the limit of %d s: row %,d of %,d reached"
                            + " (%,.0f rows/s, %d End presses)%n", limitSeconds, reached, rows,
                            reached / scrollSeconds, presses);
                } else {
                    System.out.printf(Locale.ROOT, "last row (%,d) reached by End after %.1f s (%d presses,"
                            + " %,.0f rows/s)%n", rows, scrollSeconds, presses, rows / scrollSeconds);
                }
                long heapAfter = liveHeapKb(jvm);
                System.out.printf(Locale.ROOT, "workbench live heap after a full GC: %,d KB before the query,"
                        + " %,d KB at the last row reached; ratio after/before %.2f%n", heapBefore, heapAfter,
                        (double) heapAfter / heapBefore);
                display.key(window, "ctrl+q");
                workbench.awaitExit(Duration.ofSeconds(30));
            }
        }
        System.exit(0); // embedded PostgreSQL leaves non-daemon threads behind
    }

    /** The row number of the grid's selection, copied with Ctrl+C; the previous value while nothing copies. */
    private static long selectedRow(VirtualDisplay display, String window, long previous) throws Exception {
        display.setClipboard("-");
        display.key(window, "ctrl+c");
        String field = display.clipboard().lines().findFirst().orElse("").split("\t")[0];
        return field.matches("\\d+") ? Long.parseLong(field) : previous;
    }

    /** The workbench's JVM: the launch script's child, or the script's process itself when it exec'd java. */
    private static long jvmPid(ProcessHandle launched) {
        return launched.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(launched.pid());
    }

    /** The used heap after a full GC (jcmd GC.run, then GC.heap_info), in KB. */
    private static long liveHeapKb(long pid) throws Exception {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher used = USED.matcher(info);
        if (!used.find()) {
            throw new AssertionError("no 'used' figure in jcmd GC.heap_info:\n" + info);
        }
        return Long.parseLong(used.group(1));
    }

    private static String jcmd(long pid, String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new AssertionError("jcmd " + pid + " " + command + " failed:\n" + out);
        }
        return out;
    }
}
