package io.dora.workspace.internal;

import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.dora.core.observe.QueryEnd;
import io.dora.core.observe.QueryEvent;
import io.dora.core.observe.QueryListener;
import io.dora.workspace.HistoryEntry;
import io.dora.workspace.QueryHistory;

/**
 * Feeds every execution through the query manager into the query history. It only queues the entry (the
 * history writes in the background), so the query's thread does not wait. The spec's password is never read.
 */
@Component(service = QueryListener.class)
public final class HistoryRecorder implements QueryListener {

    private final QueryHistory history;

    @Activate
    public HistoryRecorder(@Reference QueryHistory history) {
        this.history = history;
    }

    @Override
    public void queryStarted(QueryEvent query) {
        // recorded once it ended, with its outcome
    }

    @Override
    public void queryEnded(QueryEvent query, QueryEnd end) {
        history.record(entry(query, end, Instant.now()));
    }

    static HistoryEntry entry(QueryEvent query, QueryEnd end, Instant endedAt) {
        return new HistoryEntry(0, query.id().toString(), query.spec().id(), query.spec().name(),
                query.spec().environment().id(), query.driver().id(),
                String.join(";\n", query.request().statements()), endedAt.minus(end.elapsed()), end.elapsed(),
                end.rows() + end.updated(), HistoryEntry.Outcome.valueOf(end.outcome().name()), end.error());
    }
}
