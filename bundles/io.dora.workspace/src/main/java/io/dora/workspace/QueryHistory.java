package io.dora.workspace;

import java.time.Duration;
import java.util.List;

/**
 * The workspace's query history, kept in its app database. A DS service. Every execution through the query
 * manager is recorded by the history's own query listener; {@link #record} is for other sources (imports,
 * tests). Writes go through a background writer, so recording never blocks the caller.
 */
public interface QueryHistory {

    /** Queues the entry for writing; returns at once. The entry's id is ignored (the store assigns one). */
    void record(HistoryEntry entry);

    /** Waits until everything queued before this call is written; false when that took longer than the timeout. */
    boolean flush(Duration timeout) throws InterruptedException;

    /** One page of the entries matching the search, newest first. */
    List<HistoryEntry> search(HistorySearch search);

    /** How many entries match the search, ignoring its offset and limit. */
    long count(HistorySearch search);

    /** Deletes the entries with these ids; returns how many were deleted. */
    int delete(List<Long> ids);

    /** Deletes every entry; returns how many were deleted. */
    int clear();

    /**
     * Calls the listener (on the writer's thread) after new entries were written or entries deleted, for
     * views that refresh. Closing the returned handle unsubscribes.
     */
    AutoCloseable onChange(Runnable listener);
}
