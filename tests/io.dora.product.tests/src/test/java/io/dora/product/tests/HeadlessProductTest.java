package io.dora.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dora.workspace.HistoryEntry;
import io.dora.workspace.internal.AppDatabase;
import io.dora.workspace.internal.SqliteQueryHistory;

/** Runs the materialized headless product as a user would, with no display. */
class HeadlessProductTest {

    @TempDir
    Path scratch;

    record Run(int exitCode, String out, String err) {
    }

    private Run dora(String stdin, String... args) throws IOException, InterruptedException {
        return dora(Map.of(), stdin, args);
    }

    /** @param environment extra variables, e.g. the vault's master password */
    private Run dora(Map<String, String> environment, String stdin, String... args) throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("dora.cli.home"));
        List<String> command = new ArrayList<>(List.of(home.resolve("dora-cli").toString()));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile(scratch, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().remove("DISPLAY");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("DORA_CLI_CONFIGURATION", scratch.resolve("configuration").toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "dora-cli did not finish");
        return new Run(process.exitValue(), out, Files.readString(stderr));
    }

    @Test
    void printsItsVersionWithoutADisplay() throws Exception {
        Run run = dora("", "--version");
        assertEquals(0, run.exitCode(), run.out());
        assertTrue(run.out().startsWith("Dora Workbench 0.1.0"), run.out());
    }

    @Test
    void helpListsTheCommandsContributedAsServices() throws Exception {
        Run run = dora("", "--help");
        assertEquals(0, run.exitCode(), run.out());
        assertTrue(run.out().contains("plugins"), run.out());
        assertTrue(run.out().contains("sql"), run.out());
    }

    @Test
    void pluginsListsDorasBundlesAndTheirStates() throws Exception {
        Run run = dora("", "plugins");
        assertEquals(0, run.exitCode(), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("io.dora.core ") && l.endsWith("Active")), run.out());
        assertTrue(run.out().contains("io.dora.driver.postgres"), run.out());
        // a bundle that is only Resolved never gets its DS components (drivers, commands) registered; a fragment
        // (SLF4J's binding to Logback) never becomes active
        assertTrue(run.out().lines().filter(l -> l.startsWith("io.dora."))
                .allMatch(l -> l.endsWith("Active") || l.endsWith("Starting")
                        || l.startsWith("io.dora.logging.slf4j ") && l.endsWith("Fragment")), run.out());
    }

    @Test
    void sqlCheckFailsAPipelineOnAPolicyViolation() throws Exception {
        Run run = dora("SELECT 1;\nDELETE FROM users;\n", "-data", scratch.resolve("ws").toString(), "sql", "check",
                "--dialect", "postgres", "--environment", "production", "-");
        assertEquals(1, run.exitCode(), run.out());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.out());
        assertTrue(lines.get(0).contains("\"decision\":\"ALLOW\""), lines.get(0));
        assertTrue(lines.get(1).contains("\"decision\":\"BLOCK\"") && lines.get(1).contains("missing-where"), lines.get(1));
    }

    @Test
    void logsAsJsonLinesIntoTheWorkspaceThroughSlf4jAndLogback() throws Exception {
        Path workspace = scratch.resolve("logged");
        Run run = dora("", "-data", workspace.toString(), "plugins");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        // SLF4J bound to Logback by name (slf4j.provider): no "No SLF4J providers were found", no line at all
        assertFalse(run.err().contains("SLF4J"), run.err());
        Path log = workspace.resolve(".metadata/dora/logs/dora.log");
        assertTrue(Files.isRegularFile(workspace.resolve(".metadata/dora/logback.xml")), "the editable configuration");
        List<String> lines = Files.readAllLines(log);
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"Logging to ") && l.contains("\"session_id\"")), lines.toString());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("{") && l.endsWith("}")), "JSON lines: " + lines);
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("io.dora.logging ") && l.endsWith("Active")), run.out());
    }

    /** Class-data sharing (dora-jvm.sh): a run writes the archive at its exit, later ones map its classes. */
    @Test
    void laterRunsMapTheClassesAnEarlierRunArchived() throws Exception {
        Path home = scratch.resolve("cds-home");
        // archives of other installations: one unused for 61 days (removed, say), one in use
        Path cache = Files.createDirectories(home.resolve(".cache/dora/cds"));
        Path unused = Files.write(cache.resolve("workbench-1-2.jsa"), new byte[16]);
        Files.setAttribute(unused, "lastAccessTime", FileTime.from(Instant.now().minus(Duration.ofDays(61))));
        Path inUse = Files.write(cache.resolve("workbench-3-4.jsa"), new byte[16]);

        assertPrintsOnlyItsVersion(dora(Map.of("HOME", home.toString()), "", "--version"));
        assertEquals(List.of(inUse), archives(home).stream().filter(a -> a.getFileName().toString()
                .startsWith("workbench-")).toList(), "the unused one is gone, the other stays");
        assertEquals(1, archives(home).stream().filter(a -> a.getFileName().toString().startsWith("cli-")).count(),
                "one archive of this installation in the user's cache");

        Path classes = scratch.resolve("classes.log");
        assertPrintsOnlyItsVersion(dora(Map.of("HOME", home.toString(),
                "DORA_VMARGS", "-Xlog:class+load=info:file=" + classes), "", "--version"));
        String loaded = Files.readString(classes);
        // the framework (class path, unsigned by the build) and a bundle's class (Equinox's loader) alike
        assertTrue(sharedIn(loaded, "org.eclipse.osgi.internal.framework.EquinoxContainer"), "framework class");
        assertTrue(sharedIn(loaded, "io.dora.cli.internal.CliApplication"), "bundle class");
    }

    @Test
    void runsSideBySideWriteTheArchiveOnceAndAnArchiveFromElsewhereIsReplaced() throws Exception {
        Path home = scratch.resolve("cds-side-by-side");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Run>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> dora(Map.of("HOME", home.toString(),
                        "DORA_VMARGS", "-Xlog:cds*=info:file=" + home + "/cds-%p.log"), "", "--version")));
            }
            for (Future<Run> run : runs) {
                assertPrintsOnlyItsVersion(run.get(3, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        List<Path> logs;
        try (Stream<Path> files = Files.list(home)) {
            logs = files.filter(f -> f.getFileName().toString().startsWith("cds-")).toList();
        }
        assertEquals(3, logs.size());
        long writers = 0;
        for (Path log : logs) {
            writers += Files.readString(log).contains("Written dynamic archive") ? 1 : 0;
        }
        assertEquals(1, writers, "exactly one of the runs side by side writes the archive");

        // a dump cut short (a crash, a kill) leaves the file without its header, which the JVM writes last:
        // the start script removes it, and the run writes the archive anew
        Path archive = archives(home).get(0);
        Files.write(archive, new byte[4096]);
        assertPrintsOnlyItsVersion(dora(Map.of("HOME", home.toString()), "", "--version"));
        Path classes = scratch.resolve("classes-after-repair.log");
        assertPrintsOnlyItsVersion(dora(Map.of("HOME", home.toString(),
                "DORA_VMARGS", "-Xlog:class+load=info:file=" + classes), "", "--version"));
        assertTrue(sharedIn(Files.readString(classes), "io.dora.cli.internal.CliApplication"), "archive written anew");
    }

    private static void assertPrintsOnlyItsVersion(Run run) {
        assertEquals(0, run.exitCode(), run.out() + run.err());
        // the JVM prints archive warnings on standard output, dora-cli's data: none may get there
        assertEquals(1, run.out().lines().count(), run.out());
        assertTrue(run.out().startsWith("Dora Workbench 0.1.0"), run.out());
    }

    private static List<Path> archives(Path home) throws IOException {
        try (Stream<Path> files = Files.list(home.resolve(".cache/dora/cds"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    private static boolean sharedIn(String classLoadLog, String className) {
        return classLoadLog.lines().anyMatch(l -> l.contains(" " + className + " source: shared objects file"));
    }

    @Test
    void historyListsTheWorkspacesQueries() throws Exception {
        Path workspace = scratch.resolve("history");
        SqliteQueryHistory history = new SqliteQueryHistory(AppDatabase.fileOf(workspace));
        Instant started = Instant.parse("2026-11-01T10:00:00Z");
        for (String statement : List.of("SELECT * FROM orders", "DELETE FROM carts", "SELECT 1 FROM orders")) {
            started = started.plusSeconds(60);
            history.record(new HistoryEntry(0, "", "orders-prod", "Orders", "production", "postgres", statement,
                    started, Duration.ofMillis(7), 1, HistoryEntry.Outcome.SUCCEEDED, null));
        }
        assertTrue(history.flush(Duration.ofSeconds(10)));
        history.close();

        Run run = dora("", "-data", workspace.toString(), "history", "--search", "orders", "--json");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.out());
        assertTrue(lines.get(0).contains("\"statement\":\"SELECT 1 FROM orders\""), "newest first: " + lines);

        Run usage = dora("", "-data", workspace.toString(), "history", "--limit", "none");
        assertEquals(2, usage.exitCode(), usage.out() + usage.err());
    }

    @Test
    void exportStreamsAResultFromTheSampleAndFromAVaultConnection() throws Exception {
        Path workspace = scratch.resolve("export");
        // the vault and the policy files live under user.home: a throw-away one
        Map<String, String> vault = Map.of("DORA_VAULT_PASSWORD", "correct horse battery",
                "DORA_VMARGS", "-Duser.home=" + scratch.resolve("home"));
        Path tracks = scratch.resolve("tracks.csv");
        Run sample = dora(vault, "", "-data", workspace.toString(), "export", "--connection", "dora-sample-sqlite",
                "--output", tracks.toString(), "--sql", "SELECT track_id, name, unit_price FROM track ORDER BY track_id");
        assertEquals(0, sample.exitCode(), sample.out() + sample.err());
        List<String> lines = Files.readAllLines(tracks);
        assertEquals(601, lines.size());
        assertEquals("track_id,name,unit_price", lines.get(0));
        assertTrue(sample.out().startsWith("600 rows, "), sample.out());

        // a production connection saved in the vault, opened by id
        Path database = scratch.resolve("ledger.db");
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = sqlite.createStatement()) {
            statement.execute("CREATE TABLE entry (id INTEGER PRIMARY KEY, memo TEXT, amount REAL)");
            statement.execute("INSERT INTO entry WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                    + " WHERE i < 12000) SELECT i, CASE WHEN i % 2 = 0 THEN NULL ELSE 'memo ' || i END, i / 4.0 FROM n");
        }
        assertEquals(0, dora(vault, "", "connections", "init").exitCode());
        Run added = dora(vault, "", "connections", "add", "--id", "ledger", "--driver", "sqlite", "--environment",
                "production", "--database", database.toString());
        assertEquals(0, added.exitCode(), added.err());
        Path entries = scratch.resolve("entries.jsonl");
        Run cut = dora(vault, "SELECT id, memo, amount FROM entry ORDER BY id", "-data", workspace.toString(), "export",
                "--connection", "ledger", "--format", "jsonl", "--output", entries.toString(), "-");
        // production's row limit (10,000 by default) cuts the result: the file holds what the policy allowed
        assertEquals(1, cut.exitCode(), cut.out() + cut.err());
        assertTrue(cut.err().contains("row limit (maxRows)"), cut.err());
        List<String> rows = Files.readAllLines(entries);
        assertEquals(10_000, rows.size());
        assertEquals("{\"id\":1,\"memo\":\"memo 1\",\"amount\":0.25}", rows.get(0));
        assertEquals("{\"id\":2,\"memo\":null,\"amount\":0.5}", rows.get(1));

        Run refused = dora(vault, "", "-data", workspace.toString(), "export", "--connection", "ledger", "--output",
                scratch.resolve("deleted.csv").toString(), "--sql", "DELETE FROM entry");
        assertEquals(1, refused.exitCode(), refused.out() + refused.err());
        assertTrue(refused.err().contains("[POLICY] An export runs only statements that read"), refused.err());
        assertFalse(Files.exists(scratch.resolve("deleted.csv")));
    }

    @Test
    void metricsMeasureTheCommandTheyWrap() throws Exception {
        Path workspace = scratch.resolve("metrics");
        Run run = dora(Map.of("DORA_VMARGS", "-Duser.home=" + scratch.resolve("home")), "", "-data",
                workspace.toString(), "metrics", "export", "--connection", "dora-sample-sqlite", "--output",
                scratch.resolve("tracks.csv").toString(), "--sql", "SELECT * FROM track");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("600 rows, "), run.out());
        String metrics = lines.get(lines.size() - 1);
        assertTrue(metrics.startsWith("{") && metrics.contains("\"connection\":\"dora-sample-sqlite\"")
                && metrics.contains("\"driver\":\"sqlite\"") && metrics.contains("\"count\":1,"), metrics);
    }

    @Test
    void aConnectionsSecretReachesNeitherTheLogNorTheSupportZip() throws Exception {
        Path workspace = scratch.resolve("secret");
        String secret = "Wq9-secret-" + Long.toHexString(System.nanoTime());
        Map<String, String> environment = Map.of("DORA_VAULT_PASSWORD", "correct horse battery", "DORA_VMARGS",
                "-Duser.home=" + scratch.resolve("home"), "DORA_CONNECTION_PASSWORD", secret);
        assertEquals(0, dora(environment, "", "connections", "init").exitCode());
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Run added = dora(environment, "", "connections", "add", "--id", "billing", "--driver", "postgres",
                "--environment", "production", "--host", "127.0.0.1", "--port", Integer.toString(closedPort),
                "--database", "billing", "--user", "dora");
        assertEquals(0, added.exitCode(), added.out() + added.err());
        // the connect fails (nothing listens there) after the vault handed the secret to the driver
        Run failed = dora(environment, "", "-data", workspace.toString(), "export", "--connection", "billing",
                "--sql", "SELECT 1");
        assertEquals(3, failed.exitCode(), failed.out() + failed.err());
        Path zip = scratch.resolve("secret-support.zip");
        assertEquals(0, dora(environment, "", "-data", workspace.toString(), "support-bundle", "--output",
                zip.toString()).exitCode());

        assertFalse((failed.out() + failed.err()).contains(secret), "the secret on the terminal");
        String log = Files.readString(workspace.resolve(".metadata/dora/logs/dora.log"));
        assertTrue(log.contains("billing"), "the failed connect is logged: " + log);
        assertFalse(log.contains(secret), "the secret in the log");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                assertFalse(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(secret),
                        "the secret in the support zip's " + entry.getName());
            }
        }
    }

    @Test
    void supportBundleWritesOneZipWithLogsPluginsAndFacts() throws Exception {
        Path workspace = scratch.resolve("support");
        Path zip = scratch.resolve("support.zip");
        Run run = dora("", "-data", workspace.toString(), "support-bundle", "--output", zip.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals(zip.toString(), run.out().strip());
        List<String> entries = new ArrayList<>();
        String plugins = "";
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.add(entry.getName());
                String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (entry.getName().equals("plugins.txt")) {
                    plugins = content;
                }
            }
        }
        assertTrue(entries.containsAll(List.of("logs/dora.log", "config/logback.xml", "plugins.txt", "system.txt",
                "metrics.json")), entries.toString());
        assertTrue(plugins.contains("io.dora.core") && plugins.contains("ch.qos.logback.classic"), plugins);
    }

    @Test
    void anUnknownCommandIsAUsageError() throws Exception {
        assertEquals(2, dora("", "frobnicate").exitCode());
    }
}
