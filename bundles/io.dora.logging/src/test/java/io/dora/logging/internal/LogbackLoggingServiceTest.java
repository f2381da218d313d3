package io.dora.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import com.fasterxml.jackson.databind.JsonNode;

import io.dora.core.observe.LogKeys;
import io.dora.logging.LogLevel;

/** Logback configured for a real workspace folder, as the products do at start. */
class LogbackLoggingServiceTest {

    private static final Logger PROBE = LoggerFactory.getLogger("io.dora.probe");

    @TempDir
    Path workspace;
    private final List<LogbackLoggingService> started = new ArrayList<>();

    /** Like DS: one service per start; the tests share the JVM's one Logback context. */
    private LogbackLoggingService start() {
        LogbackLoggingService service = new LogbackLoggingService(new TestIdentity(workspace, "5e55101d"));
        started.add(service);
        service.awaitConfigured();
        return service;
    }

    @AfterEach
    void stop() {
        started.forEach(LogbackLoggingService::deactivate);
    }

    @Test
    void firstStartWritesTheDefaultConfigurationAndJsonLinesWithTheMdcKeys() throws Exception {
        LogbackLoggingService logging = start();
        assertTrue(Files.readString(logging.configFile()).contains("SizeAndTimeBasedRollingPolicy"));
        assertEquals(workspace.resolve(".metadata/dora/logs/dora.log"), logging.logFile());

        MDC.put(LogKeys.CONNECTION_ID, "orders-prod");
        MDC.put(LogKeys.QUERY_ID, "q42");
        MDC.put(LogKeys.ENVIRONMENT, "production");
        try {
            PROBE.warn("about a query", new IllegalStateException("boom"));
        } finally {
            MDC.clear();
        }

        JsonNode line = LogLines.withMessage(logging.logFile(), "about a query").get(0);
        assertEquals("WARN", line.path("level").asText());
        assertEquals("io.dora.probe", line.path("loggerName").asText());
        assertEquals(Thread.currentThread().getName(), line.path("threadName").asText());
        assertTrue(line.path("timestamp").asLong() > 0);
        JsonNode mdc = line.path("mdc");
        assertEquals(workspace.getFileName().toString(), mdc.path(LogKeys.WORKSPACE).asText());
        assertEquals("5e55101d", mdc.path(LogKeys.SESSION_ID).asText());
        assertEquals("orders-prod", mdc.path(LogKeys.CONNECTION_ID).asText());
        assertEquals("q42", mdc.path(LogKeys.QUERY_ID).asText());
        assertEquals("production", mdc.path(LogKeys.ENVIRONMENT).asText());
        assertEquals("java.lang.IllegalStateException", line.path("throwable").path("className").asText());
    }

    @Test
    void linesLoggedWhileTheConfigurationIsReadAreWrittenOnceInOrderAfterIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        LogbackLoggingService logging = new LogbackLoggingService(new TestIdentity(workspace, "5e55101d"),
                task -> new Thread(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    task.run();
                }).start());
        started.add(logging);
        PROBE.info("held 1");
        PROBE.debug("held below the configured level");
        Thread other = new Thread(() -> {
            MDC.put(LogKeys.QUERY_ID, "q7");
            PROBE.info("held 2");
            PROBE.atInfo().addKeyValue("rows", 3).log("held 3");
        }, "other-logger");
        other.start();
        other.join();
        assertFalse(Files.exists(logging.logFile()), "nothing is written before the configuration is in place");

        release.countDown();
        logging.awaitConfigured();
        PROBE.info("after the configuration");

        List<String> messages = LogLines.read(logging.logFile()).stream().map(line -> line.path("formattedMessage").asText())
                .filter(message -> message.startsWith("held") || message.startsWith("after") || message.startsWith("Logging to"))
                .toList();
        assertEquals(5, messages.size(), "each line once: " + messages);
        assertTrue(messages.get(0).startsWith("Logging to"), messages.toString());
        assertEquals(List.of("held 1", "held 2", "held 3", "after the configuration"), messages.subList(1, 5));
        JsonNode second = LogLines.withMessage(logging.logFile(), "held 2").get(0);
        assertEquals("other-logger", second.path("threadName").asText(), "the thread that logged it");
        assertEquals("q7", second.path("mdc").path(LogKeys.QUERY_ID).asText());
        assertEquals("5e55101d", second.path("mdc").path(LogKeys.SESSION_ID).asText(), "the run's keys too");
        assertTrue(LogLines.withMessage(logging.logFile(), "held 3").get(0).path("kvpList").toString().contains("rows"),
                "key-value pairs are kept");
        long held = LogLines.withMessage(logging.logFile(), "held 1").get(0).path("timestamp").asLong();
        long after = LogLines.withMessage(logging.logFile(), "after the configuration").get(0).path("timestamp").asLong();
        assertTrue(held <= after, "the time it was logged");
    }

    @Test
    void aLevelSetAtRunTimeTakesEffectAtOnceSurvivesAReloadAndCanBeRemoved() throws Exception {
        LogbackLoggingService logging = start();
        PROBE.debug("hidden before");
        logging.setLevel("io.dora.probe", LogLevel.DEBUG);
        PROBE.debug("shown at once");
        assertEquals(LogLevel.DEBUG, logging.effectiveLevel("io.dora.probe.child"));
        assertTrue(Files.readString(logging.settingsFile()).contains("level.io.dora.probe=DEBUG"));

        logging.reload();
        PROBE.debug("shown after reload");
        assertEquals(Map.of("io.dora.probe", LogLevel.DEBUG), LoggingSettings.load(logging.settingsFile()).levels(),
                "kept for the next start");

        logging.setLevel("io.dora.probe", null);
        PROBE.debug("hidden again");
        assertEquals(LogLevel.INFO, logging.effectiveLevel("io.dora.probe"));

        assertTrue(LogLines.withMessage(logging.logFile(), "hidden").isEmpty());
        assertEquals(1, LogLines.withMessage(logging.logFile(), "shown after reload").size());
        assertEquals(1, LogLines.withMessage(logging.logFile(), "shown at once").size());
    }

    @Test
    void anEditedConfigurationIsReloadedWithoutARestart() throws Exception {
        writeConfig("1 seconds", "10MB", "INFO");
        LogbackLoggingService logging = start();
        logging.setLevel("io.dora.kept", LogLevel.ERROR);
        assertEquals(LogLevel.INFO, logging.effectiveLevel("io.dora.scanned"));

        writeConfig("1 seconds", "10MB", "TRACE");
        // Logback notices the change at its next scan, within scanPeriod; the run-time levels come back when that
        // reconfiguration ends, a moment after the file's own levels apply
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while ((logging.effectiveLevel("io.dora.scanned") != LogLevel.TRACE
                || logging.effectiveLevel("io.dora.kept") != LogLevel.ERROR) && System.nanoTime() < deadline) {
            Files.setLastModifiedTime(logging.configFile(), FileTime.fromMillis(System.currentTimeMillis()));
            Thread.sleep(200);
        }
        assertEquals(LogLevel.TRACE, logging.effectiveLevel("io.dora.scanned"), "the edited file applies");
        assertEquals(LogLevel.ERROR, logging.effectiveLevel("io.dora.kept"), "run-time levels are applied again");
    }

    @Test
    void theLogRotatesAtTheConfiguredSize() throws Exception {
        writeConfig("1 hour", "20KB", "INFO");
        LogbackLoggingService logging = start();
        String filler = "x".repeat(200);
        for (int i = 0; i < 1_000; i++) {
            PROBE.info("line {} {}", i, filler);
        }
        List<Path> rotated;
        try (Stream<Path> files = Files.list(logging.logDirectory())) {
            rotated = files.filter(p -> !p.getFileName().toString().equals("dora.log")).toList();
        }
        // about 280 KB written in 20 KB files
        assertTrue(rotated.size() >= 5, "rotated files: " + rotated);
        assertTrue(Files.size(logging.logFile()) < 40 * 1024, "the current file stays near the size: " + Files.size(logging.logFile()));
        assertFalse(LogLines.read(logging.logFile()).isEmpty());
    }

    @Test
    void aBrokenConfigurationFallsBackToTheDefaultsAndSaysSo() throws Exception {
        Path config = workspace.resolve(".metadata/dora/logback.xml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "<configuration><appender name='X' class='no.such.Appender'/><root level='INFO'>"
                + "<appender-ref ref='X'/></root></configuration>");
        LogbackLoggingService logging = start();
        List<JsonNode> complaint = LogLines.withMessage(logging.logFile(), "has errors");
        assertEquals("ERROR", complaint.get(0).path("level").asText());
        PROBE.info("still logged");
        assertEquals(1, LogLines.withMessage(logging.logFile(), "still logged").size());
    }

    /** The default configuration with another scan period, file size and level of {@code io.dora.scanned}. */
    private void writeConfig(String scanPeriod, String maxFileSize, String scannedLevel) throws IOException {
        String defaults = new String(LogbackLoggingService.class.getResourceAsStream(LogbackLoggingService.DEFAULT_CONFIG)
                .readAllBytes(), StandardCharsets.UTF_8);
        String config = defaults.replace("scanPeriod=\"5 seconds\"", "scanPeriod=\"" + scanPeriod + "\"")
                .replace("<maxFileSize>10MB</maxFileSize>", "<maxFileSize>" + maxFileSize + "</maxFileSize><checkIncrement>0 seconds</checkIncrement>")
                .replace("<root level=", "<logger name=\"io.dora.scanned\" level=\"" + scannedLevel + "\"/>\n  <root level=");
        Path file = workspace.resolve(".metadata/dora/logback.xml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, config);
    }
}
