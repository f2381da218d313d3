package io.dora.workspace.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.core.observe.RunIdentity;
import io.dora.workspace.HistoryEntry;
import io.dora.workspace.HistorySearch;
import io.dora.workspace.QueryHistory;

/**
 * The query history in the workspace database. {@link #record} only queues: one writer thread takes what is
 * queued in batches and writes each batch in one transaction, so query threads never wait on the disk. When the
 * queue is full (the disk stalls), new entries are dropped with a warning rather than blocking queries.
 */
@Component(service = QueryHistory.class)
public final class SqliteQueryHistory implements QueryHistory {

    static final int QUEUE_CAPACITY = 10_000;
    static final int MAX_BATCH = 500;

    private static final Logger LOG = LoggerFactory.getLogger(SqliteQueryHistory.class);
    private static final String COLUMNS = "id, query_id, connection_id, connection_name, environment, driver, "
            + "statement, started_at, duration_ms, row_count, outcome, error";

    private final AppDatabase database;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;

    /** Asks the writer to signal once everything queued before it is written. */
    private record Flush(CountDownLatch written) {
    }

    private static final Object STOP = new Object();

    @Activate
    public SqliteQueryHistory(@Reference RunIdentity identity) {
        this(AppDatabase.fileOf(identity.workspace()));
    }

    public SqliteQueryHistory(Path databaseFile) {
        database = AppDatabase.open(databaseFile);
        writer = new Thread(this::writeLoop, "dora-history-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void record(HistoryEntry entry) {
        if (!queue.offer(entry)) {
            long count = dropped.incrementAndGet();
            if (count == 1 || count % 1_000 == 0) {
                LOG.warn("The query history writer is behind; {} entries dropped so far", count);
            }
        }
    }

    @Override
    public boolean flush(Duration timeout) throws InterruptedException {
        Flush flush = new Flush(new CountDownLatch(1));
        if (!writer.isAlive() || !queue.offer(flush, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        return flush.written().await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void writeLoop() {
        List<Object> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            List<HistoryEntry> entries = batch.stream().filter(HistoryEntry.class::isInstance)
                    .map(HistoryEntry.class::cast).toList();
            if (!entries.isEmpty()) {
                write(entries);
            }
            boolean stop = false;
            for (Object item : batch) {
                if (item instanceof Flush flush) {
                    flush.written().countDown();
                }
                stop |= item == STOP;
            }
            batch.clear();
            if (stop) {
                return;
            }
        }
    }

    private void write(List<HistoryEntry> entries) {
        try {
            database.inTransaction(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO query_history (" + COLUMNS
                        + ") VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (HistoryEntry entry : entries) {
                        bind(insert, entry);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return null;
            });
            changed();
        } catch (RuntimeException e) {
            LOG.warn("{} query history entries could not be written: {}", entries.size(), e.getMessage());
        }
    }

    private static void bind(PreparedStatement insert, HistoryEntry entry) throws SQLException {
        insert.setString(1, entry.queryId());
        insert.setString(2, entry.connectionId());
        insert.setString(3, entry.connectionName());
        insert.setString(4, entry.environment());
        insert.setString(5, entry.driver());
        insert.setString(6, entry.statement());
        insert.setLong(7, entry.startedAt().toEpochMilli());
        insert.setLong(8, entry.duration().toMillis());
        insert.setLong(9, entry.rows());
        insert.setString(10, entry.outcome().id());
        if (entry.error() == null) {
            insert.setNull(11, Types.VARCHAR);
        } else {
            insert.setString(11, entry.error());
        }
    }

    @Override
    public List<HistoryEntry> search(HistorySearch search) {
        Where where = Where.of(search);
        String sql = "SELECT " + COLUMNS + " FROM query_history" + where.sql
                + " ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?";
        return database.read(c -> {
            try (PreparedStatement select = where.prepare(c, sql)) {
                select.setInt(where.parameters.size() + 1, search.limit());
                select.setInt(where.parameters.size() + 2, search.offset());
                List<HistoryEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(entry(rows));
                    }
                }
                return entries;
            }
        });
    }

    @Override
    public long count(HistorySearch search) {
        Where where = Where.of(search);
        return database.read(c -> {
            try (PreparedStatement select = where.prepare(c, "SELECT count(*) FROM query_history" + where.sql);
                    ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        });
    }

    private static HistoryEntry entry(ResultSet rows) throws SQLException {
        return new HistoryEntry(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getString(7), Instant.ofEpochMilli(rows.getLong(8)),
                Duration.ofMillis(rows.getLong(9)), rows.getLong(10), HistoryEntry.Outcome.parse(rows.getString(11)),
                rows.getString(12));
    }

    /** A search's WHERE clause and its parameters. */
    private record Where(String sql, List<Object> parameters) {

        static Where of(HistorySearch search) {
            List<String> conditions = new ArrayList<>();
            List<Object> parameters = new ArrayList<>();
            search.textFilter().ifPresent(text -> {
                conditions.add("statement LIKE ? ESCAPE '\\'");
                parameters.add("%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            });
            if (search.connectionId() != null) {
                conditions.add("connection_id = ?");
                parameters.add(search.connectionId());
            }
            if (search.outcome() != null) {
                conditions.add("outcome = ?");
                parameters.add(search.outcome().id());
            }
            if (search.from() != null) {
                conditions.add("started_at >= ?");
                parameters.add(search.from().toEpochMilli());
            }
            if (search.until() != null) {
                conditions.add("started_at < ?");
                parameters.add(search.until().toEpochMilli());
            }
            return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), parameters);
        }

        PreparedStatement prepare(Connection connection, String fullSql) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(fullSql);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return statement;
        }
    }

    @Override
    public int delete(List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        int deleted = database.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM query_history WHERE id = ?")) {
                int count = 0;
                for (long id : ids) {
                    delete.setLong(1, id);
                    count += delete.executeUpdate();
                }
                return count;
            }
        });
        changed();
        return deleted;
    }

    @Override
    public int clear() {
        int deleted = database.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM query_history")) {
                return delete.executeUpdate();
            }
        });
        changed();
        return deleted;
    }

    @Override
    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void changed() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("A query history listener failed", e);
            }
        }
    }

    /** Writes what is queued, then closes the database. */
    @Deactivate
    public void close() throws InterruptedException {
        if (writer.isAlive()) {
            queue.put(STOP);
            writer.join(TimeUnit.SECONDS.toMillis(10));
        }
        database.close();
    }
}
