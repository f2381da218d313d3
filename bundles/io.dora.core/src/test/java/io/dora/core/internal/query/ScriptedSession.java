package io.dora.core.internal.query;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.Environment;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.Session;
import io.dora.core.error.DoraDatabaseException;
import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.query.ColumnInfo;
import io.dora.core.query.ExecutionContext;
import io.dora.core.query.ResultSink;
import io.dora.core.query.StatementOptions;

/**
 * A session whose "statements" are commands: {@code rows N} streams N rows, {@code fail} fails like a
 * server would, {@code sleep} blocks until its canceller is called (like a server-side cancel).
 */
final class ScriptedSession implements Session {

    final CountDownLatch sleeping = new CountDownLatch(1);
    final List<String> executed = new CopyOnWriteArrayList<>();
    volatile int cancellerCalls;
    volatile StatementOptions lastOptions;
    private final ConnectionSpec spec;
    private final DatabaseConnection connection;

    /** A session on a development connection. */
    ScriptedSession() {
        this(ConnectionSpec.builder("scripted", "scripted").environment(Environment.DEVELOPMENT).build());
    }

    ScriptedSession(ConnectionSpec spec) {
        this.spec = spec;
        this.connection = new ScriptedConnection(this, spec);
    }

    @Override
    public void execute(String statement, StatementOptions options, ExecutionContext context, ResultSink sink) {
        executed.add(statement);
        lastOptions = options;
        if (statement.startsWith("rows ")) {
            sink.resultSetStarted(List.of(new ColumnInfo("n", "int", java.sql.Types.INTEGER, "java.lang.Integer", false)));
            int count = Integer.parseInt(statement.substring(5));
            for (int i = 0; i < count; i++) {
                sink.row(new Object[] { i });
            }
            sink.resultSetEnded(count, false);
        } else if (statement.equals("fail")) {
            throw new DoraDatabaseException(ErrorKind.SYNTAX, "ERROR: syntax error at or near \"fail\"", "42601", 0, null);
        } else if (statement.equals("sleep")) {
            CountDownLatch cancelled = new CountDownLatch(1);
            context.setCanceller(() -> {
                cancellerCalls++;
                cancelled.countDown();
            });
            sleeping.countDown();
            try {
                if (!cancelled.await(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("never cancelled");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            context.setCanceller(null);
            throw new DoraDatabaseException(ErrorKind.SERVER, "canceling statement due to user request", "57014", 0, null);
        } else {
            sink.updateCount(1);
        }
    }

    @Override
    public DatabaseConnection connection() {
        return connection;
    }

    @Override
    public void begin() {
        throw new DoraException(ErrorKind.UNSUPPORTED, "no transactions");
    }

    @Override
    public void commit() {
        begin();
    }

    @Override
    public void rollback() {
        begin();
    }

    @Override
    public void setAutoCommit(boolean autoCommit) {
        begin();
    }

    @Override
    public boolean isAutoCommit() {
        return true;
    }

    @Override
    public boolean isInTransaction() {
        return false;
    }

    @Override
    public boolean isPinned() {
        return false;
    }

    @Override
    public boolean isClosed() {
        return false;
    }

    @Override
    public void close() {
    }
}
