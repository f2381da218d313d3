package io.dora.product.tests.workbench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Launches the workbench N times on fresh workspaces and prints the median time to the window (releng/bench-startup.sh). */
public final class StartupBenchmark {

    private static final double TARGET_SECONDS = 3.0;

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int launches = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String missing = VirtualDisplay.missingTools();
        if (missing != null) {
            System.err.println("bench-startup: " + missing);
            System.exit(2);
        }
        Path scratch = Files.createTempDirectory("dora-bench-startup");
        List<Duration> times = new ArrayList<>();
        try (VirtualDisplay display = VirtualDisplay.start()) {
            for (int i = 1; i <= launches; i++) {
                Path workspace = scratch.resolve("workspace-" + i);
                try (Workbench workbench = Workbench.launch(Workbench.productHome(), display, workspace,
                        scratch.resolve("launch-" + i + ".log"))) {
                    String window = display.awaitWindow(Workbench.titleOf(workspace), Duration.ofSeconds(60),
                            workbench.handle());
                    Duration time = workbench.sinceStart();
                    if (window == null) {
                        System.err.println("bench-startup: no window on launch " + i + "\n" + workbench.log());
                        System.exit(1);
                    }
                    times.add(time);
                    System.out.printf(Locale.ROOT, "launch %d: %.2f s%n", i, time.toMillis() / 1000.0);
                    display.key(window, "ctrl+q");
                    workbench.awaitExit(Duration.ofSeconds(30));
                }
            }
        }
        times.sort(Comparator.naturalOrder());
        double median = times.get(times.size() / 2).toMillis() / 1000.0;
        System.out.printf(Locale.ROOT, "median of %d launches, process start to workbench window: %.2f s"
                + " (target %.1f s, ratio %.2f)%n", launches, median, TARGET_SECONDS, median / TARGET_SECONDS);
    }
}
