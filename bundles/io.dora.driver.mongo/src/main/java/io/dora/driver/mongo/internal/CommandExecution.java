package io.dora.driver.mongo.internal;

import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.MongoException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoDatabase;

import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.query.ColumnInfo;
import io.dora.core.query.ExecutionContext;
import io.dora.core.query.Notice;
import io.dora.core.query.ResultSink;
import io.dora.core.query.StatementOptions;
import io.dora.sql.mongo.MongoStatement;

/**
 * Runs one command: tags it with the query's comment, gives it the time left as {@code maxTimeMS}, and turns the
 * reply into results. Cursor replies stream: the first batch, then {@code getMore} with the fetch size, one batch
 * in memory at a time; a cursor left open (row limit, the sink said stop, cancel, failure) is killed.
 */
final class CommandExecution {

    /** Commands that accept {@code maxTimeMS} on every supported server version. */
    private static final Set<String> TIMED = Set.of("find", "aggregate", "count", "distinct", "findAndModify",
            "createIndexes", "listCollections", "listIndexes", "dbStats", "collStats");
    /** Commands that accepted {@code comment} before it became a generic argument (4.4). */
    private static final Set<String> COMMENTED_BEFORE_4_4 = Set.of("find", "aggregate", "count", "distinct");
    private static final Set<String> WRITES = Set.of("insert", "update", "delete");
    private static final Logger LOG = LoggerFactory.getLogger(CommandExecution.class);
    private static final List<String> REPLY_NOISE = List.of("ok", "$clusterTime", "operationTime");

    private final MongoDatabaseConnection owner;
    private final MongoStatement command;
    private final StatementOptions options;
    private final ExecutionContext context;
    private final ResultSink sink;
    private final Set<RunningOperation> running;
    private RunningOperation operation;
    private ClientSession clientSession;

    CommandExecution(MongoDatabaseConnection owner, MongoStatement command, StatementOptions options,
            ExecutionContext context, ResultSink sink, Set<RunningOperation> running) {
        this.owner = owner;
        this.command = command;
        this.options = options;
        this.context = context;
        this.sink = sink;
        this.running = running;
    }

    void run() {
        operation = new RunningOperation(owner, owner.commentFor(context.queryId()));
        BsonDocument prepared = prepare(command.command().clone());
        running.add(operation);
        context.setCanceller(operation::cancel);
        try {
            clientSession = owner.startClientSession();
            checkCancelled();
            BsonDocument reply = runCommand(command.database(), prepared);
            switch (command.shape()) {
                case COUNT -> count(reply);
                case ARRAY -> array(reply);
                default -> documents(reply);
            }
        } catch (MongoException e) {
            throw operation.isCancelled() ? cancelled(e) : MongoErrors.translate(e);
        } finally {
            context.setCanceller(null);
            operation.finish();
            running.remove(operation);
            if (clientSession != null) {
                clientSession.close();
            }
        }
    }

    private BsonDocument prepare(BsonDocument document) {
        String name = command.name();
        if (owner.commentsEverywhere() || COMMENTED_BEFORE_4_4.contains(name)) {
            document.put("comment", new BsonString(operation.comment()));
        }
        Instant deadline = context.deadline().orElse(null);
        if (deadline != null && TIMED.contains(name) && !document.containsKey("maxTimeMS")) {
            long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
            document.put("maxTimeMS", new BsonInt64(left));
        }
        BsonInt32 batchSize = new BsonInt32(batchSize());
        if (name.equals("find") && !document.containsKey("batchSize")) {
            document.put("batchSize", batchSize);
        } else if (document.isDocument("cursor") && !document.getDocument("cursor").containsKey("batchSize")) {
            document.getDocument("cursor").put("batchSize", batchSize);
        }
        return document;
    }

    /** The fetch size; under a row limit one document more, which tells whether rows were left unread. */
    private int batchSize() {
        return options.maxRows() > 0 ? (int) Math.min(options.fetchSize(), options.maxRows() + 1) : options.fetchSize();
    }

    private BsonDocument runCommand(String database, BsonDocument document) {
        MongoDatabase target = owner.queries().getDatabase(database);
        return clientSession == null ? target.runCommand(document, BsonDocument.class)
                : target.runCommand(clientSession, document, BsonDocument.class);
    }

    private void documents(BsonDocument reply) {
        if (reply.isDocument("cursor") && reply.getDocument("cursor").containsKey("firstBatch")) {
            stream(reply.getDocument("cursor"));
        } else if (WRITES.contains(command.name())) {
            written(reply);
        } else {
            REPLY_NOISE.forEach(reply::remove);
            emit(List.of(reply));
        }
    }

    private void written(BsonDocument reply) {
        String batchField = switch (command.name()) {
            case "insert" -> "documents";
            case "update" -> "updates";
            default -> "deletes";
        };
        int attempted = command.command().getArray(batchField, new BsonArray()).size();
        DoraException failure = MongoErrors.writeError(reply, attempted);
        if (failure != null) {
            throw failure;
        }
        long n = reply.getNumber("n", new BsonInt32(0)).longValue();
        if (command.name().equals("update")) {
            long modified = reply.getNumber("nModified", new BsonInt32(0)).longValue();
            int upserted = reply.getArray("upserted", new BsonArray()).size();
            sink.notice(new Notice("INFO", "Matched " + (n - upserted) + ", modified " + modified + ", upserted "
                    + upserted, null));
            sink.updateCount(modified + upserted);
        } else {
            sink.updateCount(n);
        }
    }

    private void count(BsonDocument reply) {
        long count;
        if (reply.isDocument("cursor")) {
            BsonDocument cursor = reply.getDocument("cursor");
            BsonArray batch = cursor.getArray("firstBatch");
            count = batch.isEmpty() ? 0 : batch.get(0).asDocument().getNumber(command.field()).longValue();
            killCursor(cursor);
        } else {
            count = reply.getNumber("n", new BsonInt32(0)).longValue();
        }
        sink.resultSetStarted(List.of(new ColumnInfo(command.field(), "long", Types.OTHER, Long.class.getName(), false)));
        sink.row(new Object[] {count});
        sink.resultSetEnded(1, false);
    }

    /** The elements of an array in the reply; scalars (distinct's values) become one-field documents. */
    private void array(BsonDocument reply) {
        String label = command.command().getString("key", new BsonString("value")).getValue();
        List<BsonDocument> documents = new ArrayList<>();
        for (BsonValue element : reply.getArray(command.field(), new BsonArray())) {
            documents.add(element.isDocument() ? element.asDocument() : new BsonDocument(label, element));
        }
        emit(documents);
    }

    /** Results that are already in memory (a reply), as one result set. */
    private void emit(List<BsonDocument> documents) {
        DocumentRows rows = new DocumentRows(documents);
        sink.resultSetStarted(rows.columns());
        long count = 0;
        boolean truncated = false;
        for (BsonDocument document : documents) {
            if (options.maxRows() > 0 && count >= options.maxRows()) {
                truncated = true;
                break;
            }
            count++;
            if (!sink.row(rows.row(document))) {
                truncated = count < documents.size();
                break;
            }
        }
        sink.resultSetEnded(count, truncated);
    }

    private void stream(BsonDocument cursor) {
        Cursor open = new Cursor(cursor);
        try {
            BsonArray batch = cursor.getArray("firstBatch");
            while (batch.isEmpty() && open.id != 0) {
                batch = getMore(open);
            }
            List<BsonDocument> firstPage = batch.stream().map(BsonValue::asDocument).toList();
            DocumentRows rows = new DocumentRows(firstPage);
            sink.resultSetStarted(rows.columns());
            long count = 0;
            boolean truncated = false;
            reading: while (true) {
                for (BsonValue document : batch) {
                    if (options.maxRows() > 0 && count >= options.maxRows()) {
                        truncated = true;
                        break reading;
                    }
                    checkCancelled();
                    count++;
                    if (!sink.row(rows.row(document.asDocument()))) {
                        truncated = true;
                        break reading;
                    }
                }
                if (open.id == 0) {
                    break;
                }
                batch = getMore(open);
            }
            if (rows.documentsWithOtherFields() > 0) {
                sink.notice(new Notice("INFO", rows.documentsWithOtherFields() + " documents have fields that the"
                        + " first batch did not have: they are in the " + DocumentRows.DOCUMENT_COLUMN + " column", null));
            }
            sink.resultSetEnded(count, truncated);
        } finally {
            if (open.id != 0) {
                killCursor(open);
            }
        }
    }

    /** A server cursor: its id (0 once exhausted) and namespace. */
    private static final class Cursor {
        long id;
        final String database;
        final String collection;

        Cursor(BsonDocument reply) {
            id = reply.getNumber("id").longValue();
            String namespace = reply.getString("ns").getValue();
            int dot = namespace.indexOf('.');
            database = namespace.substring(0, dot);
            collection = namespace.substring(dot + 1);
        }
    }

    private BsonArray getMore(Cursor cursor) {
        checkCancelled();
        BsonDocument getMore = new BsonDocument("getMore", new BsonInt64(cursor.id))
                .append("collection", new BsonString(cursor.collection))
                .append("batchSize", new BsonInt32(batchSize()));
        if (owner.commentsEverywhere()) {
            getMore.append("comment", new BsonString(operation.comment()));
        }
        BsonDocument reply = runCommand(cursor.database, getMore).getDocument("cursor");
        cursor.id = reply.getNumber("id").longValue();
        return reply.getArray("nextBatch");
    }

    private void killCursor(BsonDocument cursorReply) {
        Cursor cursor = new Cursor(cursorReply);
        if (cursor.id != 0) {
            killCursor(cursor);
        }
    }

    /** Best effort: a cursor that cannot be killed times out on the server (10 minutes by default). */
    private void killCursor(Cursor cursor) {
        try {
            runCommand(cursor.database, new BsonDocument("killCursors", new BsonString(cursor.collection))
                    .append("cursors", new BsonArray(List.of(new BsonInt64(cursor.id)))));
            cursor.id = 0;
        } catch (MongoException e) {
            LOG.debug("killCursors failed: {}", e.getMessage());
        }
    }

    private void checkCancelled() {
        if (operation.isCancelled() || context.isCancelled()) {
            throw new DoraException(ErrorKind.CANCELLED, "The query was cancelled");
        }
    }

    private static DoraException cancelled(MongoException failure) {
        DoraException translated = MongoErrors.translate(failure);
        return translated.kind() == ErrorKind.TIMEOUT || translated.kind() == ErrorKind.CANCELLED ? translated
                : new DoraException(ErrorKind.CANCELLED, "The query was cancelled", failure);
    }
}
