package io.dora.product.tests.workbench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Launches the workbench on fresh workspaces and prints the median time from process start to the window
 * (releng/bench-startup.sh): N launches as shipped, side by side with N launches of a plain JVM
 * (DORA_JVM_TUNING=off: no class-data sharing archive, default JIT thresholds and heap), alternating so that
 * both meet the same machine.
 */
public final class StartupBenchmark {

    private static final double TARGET_SECONDS = 3.0;
    private static final Map<String, String> AS_SHIPPED = Map.of();
    private static final Map<String, String> PLAIN_JVM = Map.of("DORA_JVM_TUNING", "off");

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int launches = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String missing = VirtualDisplay.missingTools();
        if (missing != null) {
            System.err.println("bench-startup: " + missing);
            System.exit(2);
        }
        System.out.println(VirtualDisplay.onPath("xev") ? "window shown: when the X server maps it (xev)"
                : "window shown: polled every 0.1 s with xdotool (x11-utils' xev gives the moment the X server maps"
                        + " it, without polling)");
        Path scratch = Files.createTempDirectory("dora-bench-startup");
        List<Duration> shipped = new ArrayList<>();
        List<Duration> plainJvm = new ArrayList<>();
        try (VirtualDisplay display = VirtualDisplay.start()) {
            // writes the archive when this installation has none yet (at its exit), as a user's first start does
            Duration first = launch(display, scratch, "warm-up", AS_SHIPPED);
            System.out.printf(Locale.ROOT, "warm-up launch: %.2f s%n", first.toMillis() / 1000.0);
            for (int i = 1; i <= launches; i++) {
                shipped.add(report("as shipped", i, launch(display, scratch, "shipped-" + i, AS_SHIPPED)));
                plainJvm.add(report("DORA_JVM_TUNING=off", i, launch(display, scratch, "off-" + i, PLAIN_JVM)));
            }
        }
        double median = median(shipped);
        double medianPlain = median(plainJvm);
        System.out.printf(Locale.ROOT, "median of %d launches, process start to workbench window: %.2f s"
                + " (target %.1f s, ratio %.2f)%n", launches, median, TARGET_SECONDS, median / TARGET_SECONDS);
        System.out.printf(Locale.ROOT, "plain JVM (DORA_JVM_TUNING=off): %.2f s (ratio as shipped / plain: %.2f)%n",
                medianPlain, median / medianPlain);
    }

    private static Duration launch(VirtualDisplay display, Path scratch, String name, Map<String, String> environment)
            throws Exception {
        Path workspace = scratch.resolve("workspace-" + name);
        try (WindowMaps maps = WindowMaps.watch(display);
                Workbench workbench = Workbench.launch(Workbench.productHome(), display, workspace,
                        scratch.resolve("launch-" + name + ".log"), environment)) {
            String window;
            Duration time;
            if (maps != null) {
                WindowMaps.Mapped shown = maps.await(display, Pattern.compile(Workbench.titleOf(workspace)),
                        Duration.ofSeconds(60), workbench.handle());
                window = shown == null ? null : shown.window();
                time = shown == null ? null : workbench.sinceStartUntil(shown.nanoTime());
            } else {
                window = display.awaitWindow(Workbench.titleOf(workspace), Duration.ofSeconds(60), workbench.handle());
                time = workbench.sinceStart();
            }
            if (window == null) {
                System.err.println("bench-startup: no window on launch " + name + "\n" + workbench.log());
                System.exit(1);
            }
            display.key(window, "ctrl+q");
            workbench.awaitExit(Duration.ofSeconds(60));
            return time;
        }
    }

    private static Duration report(String kind, int launch, Duration time) {
        System.out.printf(Locale.ROOT, "launch %d, %s: %.2f s%n", launch, kind, time.toMillis() / 1000.0);
        return time;
    }

    private static double median(List<Duration> times) {
        List<Duration> sorted = times.stream().sorted(Comparator.naturalOrder()).toList();
        return sorted.get(sorted.size() / 2).toMillis() / 1000.0;
    }
}
