package io.dora.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import io.dora.core.cli.CommandContext;
import io.dora.core.observe.QueryEnd.Outcome;
import io.dora.core.plugins.PluginInfo;
import io.dora.core.plugins.PluginInventory;
import io.dora.core.plugins.PluginState;

class ZipSupportBundleWriterTest {

    @TempDir
    Path workspace;
    private final List<LogbackLoggingService> started = new ArrayList<>();

    private LogbackLoggingService started(LogbackLoggingService service) {
        started.add(service);
        // as in Dora's products by the time a support bundle is asked for: the configuration is in place
        service.awaitConfigured();
        return service;
    }

    @AfterEach
    void stop() {
        started.forEach(LogbackLoggingService::deactivate);
    }
    @TempDir
    Path out;

    @Test
    void theZipHoldsLogsConfigurationPluginsAndFactsButNoSecret() throws Exception {
        TestIdentity identity = new TestIdentity(workspace, "feedc0de");
        LogbackLoggingService logging = started(new LogbackLoggingService(identity));
        // a secret in the user's files and in a careless log line; the connection's password in a query event
        Files.writeString(workspace.resolve(".metadata/dora/policy.json"),
                "{\"production\": {\"dangerous\": \"block\"}, \"vaultPassword\": \"" + Fixtures.PASSWORD + "\"}");
        LoggerFactory.getLogger("io.dora.careless").warn("retrying with password={}", Fixtures.PASSWORD);
        new QueryLogListener(logging).queryStarted(Fixtures.query(1, "orders", "ALTER ROLE app PASSWORD '" + Fixtures.PASSWORD + "'"));
        MicrometerMetricsService metrics = new MicrometerMetricsService(Fixtures.noConnections());
        metrics.queryEnded(Fixtures.query(1, "orders", "SELECT 1"), Fixtures.end(Outcome.SUCCEEDED, 5, 1));
        ZipSupportBundleWriter writer = new ZipSupportBundleWriter(logging, identity, plugins(), metrics);

        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Path zip = out.resolve("support.zip");
        int exit = new SupportBundleCommand(writer).run(new CommandContext(List.of("--output", zip.toString()),
                System.in, new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err, workspace));

        assertEquals(0, exit);
        assertEquals(zip.toAbsolutePath().toString(), stdout.toString(StandardCharsets.UTF_8).strip());
        Map<String, String> entries = read(zip);
        assertTrue(entries.keySet().containsAll(List.of("README.txt", "system.txt", "plugins.txt", "metrics.json",
                "config/logback.xml", "config/policy.json", "logs/dora.log")), entries.keySet().toString());
        assertTrue(entries.get("plugins.txt").contains("io.dora.core") && entries.get("plugins.txt").contains("0.1.0"));
        assertTrue(entries.get("system.txt").contains("java.version: " + System.getProperty("java.version")));
        assertTrue(entries.get("system.txt").contains("dora.session: feedc0de"));
        assertTrue(entries.get("config/policy.json").contains("\"dangerous\": \"block\""), "the policy itself is kept");
        assertTrue(entries.get("logs/dora.log").contains("retrying with password=***"));
        assertTrue(entries.get("metrics.json").contains("\"orders\""));
        entries.forEach((name, content) -> assertFalse(content.contains(Fixtures.PASSWORD), "secret in " + name));
    }

    @Test
    void aWrongArgumentIsAUsageError() throws Exception {
        SupportBundleCommand command = new SupportBundleCommand(null);
        assertEquals(2, command.run(new CommandContext(List.of("--frobnicate"), System.in, System.out,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), workspace)));
    }

    private static PluginInventory plugins() {
        return new PluginInventory() {
            @Override
            public List<PluginInfo> plugins() {
                return List.of(new PluginInfo(7, "io.dora.core", "Dora Core", "Dora", "0.1.0.qualifier",
                        PluginState.ACTIVE, false));
            }

            @Override
            public AutoCloseable onChange(Runnable listener) {
                return () -> { };
            }
        };
    }

    private static Map<String, String> read(Path zip) throws Exception {
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
