package io.dora.driver.mongo.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.BsonDocument;

import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.Session;
import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.query.ExecutionContext;
import io.dora.core.query.Notice;
import io.dora.core.query.ResultSink;
import io.dora.core.query.StatementOptions;
import io.dora.sql.mongo.MongoClassifier;
import io.dora.sql.mongo.MongoShell;
import io.dora.sql.mongo.MongoStatement;
import io.dora.sql.safety.Classification;
import io.dora.sql.safety.StatementCategory;

/**
 * A line of work on a MongoDB connection. It holds only its current database ({@code use <db>}); each statement
 * runs on a pooled connection of the query client, so statements may run in parallel and nothing is pinned.
 * There are no transactions (yet).
 */
final class MongoSession implements Session {

    private static final String DEFAULT_DATABASE = "test";

    private final MongoDatabaseConnection owner;
    private final MongoClassifier classifier = new MongoClassifier();
    private final Set<RunningOperation> running = ConcurrentHashMap.newKeySet();
    private volatile String database;
    private volatile boolean closed;

    MongoSession(MongoDatabaseConnection owner) {
        this.owner = owner;
        this.database = owner.spec().database().isEmpty() ? DEFAULT_DATABASE : owner.spec().database();
    }

    @Override
    public DatabaseConnection connection() {
        return owner;
    }

    /** The database that commands without one run in. */
    String database() {
        return database;
    }

    @Override
    public void execute(String statement, StatementOptions options, ExecutionContext context, ResultSink sink) {
        requireOpen();
        MongoStatement command = MongoShell.parse(statement, database);
        if (command.shape() == MongoStatement.Shape.USE_DATABASE) {
            database = command.database();
            sink.notice(new Notice("INFO", "switched to db " + database, null));
            return;
        }
        if (owner.spec().readOnly()) {
            refuseWrites(command.command());
        }
        new CommandExecution(owner, command, options, context, sink, running).run();
    }

    /**
     * MongoDB has no read-only session: on a read-only connection the driver itself refuses every command that is
     * not a read, as the SQL safety classifier sees it (unknown commands count as writes).
     */
    private void refuseWrites(BsonDocument command) {
        Classification classification = classifier.classifyCommand(MongoClassifier.asMap(command));
        if (classification.category() != StatementCategory.READ) {
            throw new DoraException(ErrorKind.UNSUPPORTED, "The connection is read-only: '" + command.getFirstKey()
                    + "' is refused (" + classification.category() + ")");
        }
    }

    @Override
    public void begin() {
        throw noTransactions();
    }

    @Override
    public void commit() {
        throw noTransactions();
    }

    @Override
    public void rollback() {
        throw noTransactions();
    }

    @Override
    public void setAutoCommit(boolean autoCommit) {
        if (!autoCommit) {
            throw noTransactions();
        }
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
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        running.forEach(RunningOperation::cancel);
        owner.sessionClosed(this);
    }

    private DoraException noTransactions() {
        requireOpen();
        return new DoraException(ErrorKind.UNSUPPORTED, "MongoDB sessions in Dora have no transactions");
    }

    private void requireOpen() {
        if (closed) {
            throw new DoraException(ErrorKind.CLOSED, "The session is closed");
        }
    }
}
