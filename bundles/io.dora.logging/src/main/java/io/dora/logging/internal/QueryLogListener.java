package io.dora.logging.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import io.dora.core.observe.QueryEnd;
import io.dora.core.observe.QueryEvent;
import io.dora.core.observe.QueryListener;
import io.dora.logging.LoggingService;
import io.dora.logging.QueryTextMode;
import io.dora.sql.redact.LiteralRedactor;
import io.dora.sql.script.SqlDialect;

/**
 * One log event when a query starts and one when it ends, on logger {@code io.dora.query}, with the query's
 * MDC keys (set by the query manager) and its facts as key-value pairs. The text follows the workspace's
 * {@link QueryTextMode}; text that cannot be redacted (a language the redactor does not know) is left out.
 */
@Component(service = QueryListener.class)
public final class QueryLogListener implements QueryListener {

    static final String LOGGER = "io.dora.query";
    /** Scripts can be long; the log keeps their start. */
    static final int MAX_TEXT = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final LoggingService logging;

    @Activate
    public QueryLogListener(@Reference LoggingService logging) {
        this.logging = logging;
    }

    @Override
    public void queryStarted(QueryEvent query) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        var event = LOG.atInfo()
                .addKeyValue("event", "query_start")
                .addKeyValue("driver", query.driver().id())
                .addKeyValue("statements", query.request().statements().size());
        Optional<String> text = text(query);
        text.ifPresent(t -> event.addKeyValue("text", t));
        event.log("Query {} started on '{}'{}", query.id(), query.spec().name(), text.map(t -> ": " + t).orElse(""));
    }

    @Override
    public void queryEnded(QueryEvent query, QueryEnd end) {
        Level level = end.outcome() == QueryEnd.Outcome.FAILED ? Level.WARN : Level.INFO;
        if (!LOG.isEnabledForLevel(level)) {
            return;
        }
        long millis = end.elapsed().toMillis();
        var event = LOG.atLevel(level)
                .addKeyValue("event", "query_end")
                .addKeyValue("driver", query.driver().id())
                .addKeyValue("outcome", end.outcome().id())
                .addKeyValue("duration_ms", millis)
                .addKeyValue("statements", end.statements())
                .addKeyValue("rows", end.rows())
                .addKeyValue("updated", end.updated());
        if (end.errorKind() != null) {
            event.addKeyValue("error_kind", end.errorKind().name());
        }
        event.log("Query {} {} in {} ms: {} rows read, {} updated{}", query.id(), end.outcome().id(), millis,
                end.rows(), end.updated(), end.error() == null ? "" : " (" + end.error() + ")");
    }

    private Optional<String> text(QueryEvent query) {
        QueryTextMode mode = logging.queryTextMode();
        if (mode == QueryTextMode.OMITTED) {
            return Optional.empty();
        }
        List<String> statements = query.request().statements();
        String joined = String.join("; ", statements);
        if (mode == QueryTextMode.REDACTED) {
            Optional<SqlDialect> dialect = dialect(query.driver().dialect());
            if (dialect.isEmpty()) {
                return Optional.empty();
            }
            LiteralRedactor redactor = new LiteralRedactor(dialect.get());
            joined = String.join("; ", statements.stream().map(s -> redactor.redact(s).strip()).toList());
        }
        return Optional.of(joined.length() > MAX_TEXT ? joined.substring(0, MAX_TEXT) + "…" : joined);
    }

    private static Optional<SqlDialect> dialect(String id) {
        try {
            return Optional.of(SqlDialect.parse(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
