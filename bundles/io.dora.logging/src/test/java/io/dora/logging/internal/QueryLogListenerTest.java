package io.dora.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import com.fasterxml.jackson.databind.JsonNode;

import io.dora.core.observe.LogKeys;
import io.dora.core.observe.QueryEnd.Outcome;
import io.dora.core.observe.QueryEvent;
import io.dora.logging.QueryTextMode;

/** The query start and end events in the JSON log, as the query manager triggers them. */
class QueryLogListenerTest {

    private static final String SQL = "SELECT * FROM users WHERE email = 'ann@example.org' AND pin = 4711";

    @TempDir
    Path workspace;
    private final List<LogbackLoggingService> started = new ArrayList<>();

    private LogbackLoggingService started(LogbackLoggingService service) {
        started.add(service);
        // as Dora's products by the time a query runs: the configuration, read on a thread of its own, is in place
        service.awaitConfigured();
        return service;
    }

    @AfterEach
    void stop() {
        started.forEach(LogbackLoggingService::deactivate);
    }

    @Test
    void startAndEndAreOneLineEachWithTheQueryKeysAndRedactedText() throws Exception {
        LogbackLoggingService logging = started(new LogbackLoggingService(new TestIdentity(workspace, "0ddba11")));
        QueryLogListener listener = new QueryLogListener(logging);
        runAs(listener, Fixtures.query(7, "orders", SQL), Outcome.SUCCEEDED);

        JsonNode start = LogLines.withMessage(logging.logFile(), "Query q7 started").get(0);
        assertEquals("io.dora.query", start.path("loggerName").asText());
        assertEquals("SELECT * FROM users WHERE email = ? AND pin = ?", keyValue(start, "text"));
        JsonNode end = LogLines.withMessage(logging.logFile(), "Query q7 succeeded").get(0);
        assertEquals("succeeded", keyValue(end, "outcome"));
        assertEquals("12", keyValue(end, "rows"));
        assertEquals("35", keyValue(end, "duration_ms"));
        for (JsonNode line : new JsonNode[] { start, end }) {
            JsonNode mdc = line.path("mdc");
            assertEquals("q7", mdc.path(LogKeys.QUERY_ID).asText());
            assertEquals("orders", mdc.path(LogKeys.CONNECTION_ID).asText());
            assertEquals("production", mdc.path(LogKeys.ENVIRONMENT).asText());
            assertEquals("0ddba11", mdc.path(LogKeys.SESSION_ID).asText());
            assertEquals(workspace.getFileName().toString(), mdc.path(LogKeys.WORKSPACE).asText());
        }
        String everything = Files.readString(logging.logFile());
        assertFalse(everything.contains("ann@example.org") || everything.contains("4711"), "literals are redacted");
        assertFalse(everything.contains(Fixtures.PASSWORD), "the connection's password never appears");
    }

    @Test
    void theTextModeIsASettingOfTheWorkspace() throws Exception {
        LogbackLoggingService logging = started(new LogbackLoggingService(new TestIdentity(workspace, "0ddba11")));
        QueryLogListener listener = new QueryLogListener(logging);
        logging.setQueryTextMode(QueryTextMode.OMITTED);
        runAs(listener, Fixtures.query(8, "orders", SQL), Outcome.TIMEOUT);
        logging.setQueryTextMode(QueryTextMode.FULL);
        runAs(listener, Fixtures.query(9, "orders", SQL), Outcome.CANCELLED);

        assertTrue(LogLines.withMessage(logging.logFile(), "Query q8 started").get(0).path("formattedMessage").asText()
                .endsWith("started on 'Orders orders'"));
        assertEquals("timeout", keyValue(LogLines.withMessage(logging.logFile(), "Query q8 timeout").get(0), "outcome"));
        assertEquals(SQL, keyValue(LogLines.withMessage(logging.logFile(), "Query q9 started").get(0), "text"));
        assertEquals(QueryTextMode.FULL, LoggingSettings.load(logging.settingsFile()).queryText());
    }

    /** As the query manager does: MDC keys set around the start and end events on the query's thread. */
    private static void runAs(QueryLogListener listener, QueryEvent query, Outcome outcome) {
        MDC.put(LogKeys.CONNECTION_ID, query.spec().id());
        MDC.put(LogKeys.ENVIRONMENT, query.spec().environment().id());
        MDC.put(LogKeys.QUERY_ID, query.id().toString());
        try {
            listener.queryStarted(query);
            LoggerFactory.getLogger("io.dora.driver").info("connecting as {}", query.spec());
            listener.queryEnded(query, Fixtures.end(outcome, 35, 12));
        } finally {
            MDC.clear();
        }
    }

    /** Logback writes key-value pairs as a list of one-entry objects. */
    static String keyValue(JsonNode line, String key) {
        for (JsonNode pair : line.path("kvpList")) {
            if (pair.has(key)) {
                return pair.path(key).asText();
            }
        }
        throw new AssertionError("No " + key + " in " + line);
    }
}
