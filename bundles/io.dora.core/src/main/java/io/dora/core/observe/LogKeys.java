package io.dora.core.observe;

import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.MDC;

import io.dora.core.connection.ConnectionSpec;

/**
 * The MDC keys of Dora's log lines. {@link #WORKSPACE} and {@link #SESSION_ID} are on every line once logging
 * is configured; the others are set while Dora works on a connection or runs a query.
 */
public final class LogKeys {

    /** The workspace folder's name. */
    public static final String WORKSPACE = "workspace";
    /** This run of Dora (see {@link RunIdentity#sessionId()}). */
    public static final String SESSION_ID = "session_id";
    /** The connection spec's id. */
    public static final String CONNECTION_ID = "connection_id";
    /** The query's id, as in {@code QueryId#toString()} and in the SQL comment sent to the server. */
    public static final String QUERY_ID = "query_id";
    /** The connection's environment ({@code production}, ...). */
    public static final String ENVIRONMENT = "environment";

    private LogKeys() {
    }

    /** Runs work with the connection's keys in the MDC, and gives the caller's MDC back afterwards. */
    public static <T> T withConnection(ConnectionSpec spec, Supplier<T> work) {
        Map<String, String> outer = MDC.getCopyOfContextMap();
        MDC.put(CONNECTION_ID, spec.id());
        MDC.put(ENVIRONMENT, spec.environment().id());
        try {
            return work.get();
        } finally {
            MDC.setContextMap(outer == null ? Map.of() : outer);
        }
    }
}
