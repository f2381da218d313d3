package io.dora.sql.mongo;

import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;

import io.dora.sql.mongo.MongoShell.Call;

/**
 * Translates the collection methods of the shell ({@code db.c.find(...)}, {@code .aggregate}, {@code .insertOne},
 * ...) and their chained cursor methods to the command documents the server runs.
 */
final class CollectionMethods {

    private final String database;
    private final String collection;
    private final Call call;
    private final ShellText text;

    private CollectionMethods(String database, String collection, Call call, ShellText text) {
        this.database = database;
        this.collection = collection;
        this.call = call;
        this.text = text;
    }

    static MongoStatement translate(String database, String collection, Call call, List<Call> chain, ShellText text) {
        return new CollectionMethods(database, collection, call, text).translate(chain);
    }

    private MongoStatement translate(List<Call> chain) {
        String method = call.method();
        if (!method.equals("find") && !method.equals("aggregate")) {
            noChain(chain);
        }
        return switch (method) {
            case "find" -> find(chain);
            case "findOne" -> documents(findCommand().append("limit", new BsonInt32(1))
                    .append("singleBatch", BsonBoolean.TRUE));
            case "aggregate" -> aggregate(chain);
            case "countDocuments" -> countDocuments();
            case "estimatedDocumentCount" -> new MongoStatement(database, command("count"), MongoStatement.Shape.COUNT, "count");
            case "count" -> new MongoStatement(database, command("count").append("query", documentAt(0, true)),
                    MongoStatement.Shape.COUNT, "count");
            case "distinct" -> new MongoStatement(database, command("distinct").append("key", fieldName())
                    .append("query", documentAt(1, true)), MongoStatement.Shape.ARRAY, "values");
            case "insertOne" -> insert(new BsonArray(List.of(documentAt(0, false))));
            case "insertMany" -> insert(documentsAt(0));
            case "updateOne", "updateMany", "replaceOne" -> update();
            case "deleteOne", "deleteMany" -> documents(command("delete").append("deletes", new BsonArray(List.of(
                    new BsonDocument("q", documentAt(0, false))
                            .append("limit", new BsonInt32(method.equals("deleteOne") ? 1 : 0))))));
            case "getIndexes" -> documents(command("listIndexes"));
            case "createIndex" -> createIndex();
            case "dropIndex" -> documents(command("dropIndexes").append("index", argument(0)));
            case "drop" -> documents(command("drop"));
            default -> throw text.error(call.position(), "Unknown collection method ." + method + "(): use find,"
                    + " findOne, aggregate, countDocuments, estimatedDocumentCount, count, distinct, insertOne,"
                    + " insertMany, updateOne, updateMany, replaceOne, deleteOne, deleteMany, getIndexes, createIndex,"
                    + " dropIndex or drop");
        };
    }

    private MongoStatement find(List<Call> chain) {
        BsonDocument find = findCommand();
        if (call.arguments().size() > 2) {
            find.putAll(documentAt(2, true));
        }
        for (Call link : chain) {
            switch (link.method()) {
                case "sort", "projection", "hint", "collation", "min", "max" -> find.put(link.method(), onlyArgument(link));
                case "limit", "skip", "batchSize", "maxTimeMS" -> find.put(link.method(), number(link));
                case "count" -> {
                    BsonDocument count = command("count").append("query", find.getDocument("filter"));
                    copy(find, count, "limit", "skip", "hint", "collation");
                    return new MongoStatement(database, count, MongoStatement.Shape.COUNT, "count");
                }
                case "explain" -> {
                    return explain(find, link);
                }
                case "toArray", "pretty" -> {
                    // presentation helpers of the shell: the results look the same without them
                }
                default -> throw text.error(link.position(), "." + link.method() + "() is not supported after find():"
                        + " use sort, limit, skip, projection, hint, collation, batchSize, maxTimeMS, count or explain");
            }
        }
        return documents(find);
    }

    private BsonDocument findCommand() {
        BsonDocument find = command("find").append("filter", documentAt(0, true));
        BsonDocument projection = documentAt(1, true);
        if (!projection.isEmpty()) {
            find.append("projection", projection);
        }
        return find;
    }

    private MongoStatement aggregate(List<Call> chain) {
        BsonValue pipeline = argument(0);
        if (!pipeline.isArray()) {
            throw text.error(call.position(), "aggregate() needs the pipeline as an array of stages, e.g. [{$match: {}}]");
        }
        BsonDocument aggregate = command("aggregate").append("pipeline", pipeline).append("cursor", new BsonDocument());
        aggregate.putAll(documentAt(1, true));
        for (Call link : chain) {
            switch (link.method()) {
                case "explain" -> {
                    return explain(aggregate, link);
                }
                case "toArray", "pretty" -> {
                    // presentation helpers of the shell
                }
                default -> throw text.error(link.position(), "." + link.method() + "() is not supported after aggregate()");
            }
        }
        return documents(aggregate);
    }

    /** The count of matching documents, as an aggregation (the way the drivers do it). */
    private MongoStatement countDocuments() {
        BsonDocument options = documentAt(1, true);
        BsonArray pipeline = new BsonArray();
        pipeline.add(new BsonDocument("$match", documentAt(0, true)));
        if (options.containsKey("skip")) {
            pipeline.add(new BsonDocument("$skip", options.get("skip")));
        }
        if (options.containsKey("limit")) {
            pipeline.add(new BsonDocument("$limit", options.get("limit")));
        }
        pipeline.add(BsonDocument.parse("{$group: {_id: 1, count: {$sum: 1}}}"));
        BsonDocument aggregate = command("aggregate").append("pipeline", pipeline).append("cursor", new BsonDocument());
        copy(options, aggregate, "hint", "collation", "maxTimeMS");
        return new MongoStatement(database, aggregate, MongoStatement.Shape.COUNT, "count");
    }

    /** Inserts get an {@code _id} made here, as the drivers do, so the server's order of fields is kept. */
    private MongoStatement insert(BsonArray documents) {
        BsonArray withIds = new BsonArray();
        for (BsonValue value : documents) {
            BsonDocument document = value.asDocument();
            if (document.containsKey("_id")) {
                withIds.add(document);
            } else {
                BsonDocument withId = new BsonDocument("_id", new BsonObjectId());
                withId.putAll(document);
                withIds.add(withId);
            }
        }
        BsonDocument insert = command("insert").append("documents", withIds);
        if (call.method().equals("insertMany")) {
            copy(documentAt(1, true), insert, "ordered");
        }
        return documents(insert);
    }

    private MongoStatement update() {
        BsonValue change = argument(1);
        boolean replace = call.method().equals("replaceOne");
        if (replace ? !change.isDocument() : !change.isDocument() && !change.isArray()) {
            throw text.error(call.position(), call.method() + "() needs " + (replace ? "the replacement document"
                    : "an update document ({$set: ...}) or pipeline") + " as argument 2");
        }
        BsonDocument statement = new BsonDocument("q", documentAt(0, false)).append("u", change)
                .append("multi", BsonBoolean.valueOf(call.method().equals("updateMany")));
        copy(documentAt(2, true), statement, "upsert", "arrayFilters", "hint", "collation");
        return documents(command("update").append("updates", new BsonArray(List.of(statement))));
    }

    private MongoStatement createIndex() {
        BsonDocument keys = documentAt(0, false);
        BsonDocument index = new BsonDocument("key", keys);
        index.putAll(documentAt(1, true));
        if (!index.containsKey("name")) {
            StringBuilder name = new StringBuilder();
            keys.forEach((field, direction) -> name.append(name.isEmpty() ? "" : "_").append(field).append('_')
                    .append(direction.isNumber() ? String.valueOf(direction.asNumber().intValue())
                            : direction.isString() ? direction.asString().getValue() : "1"));
            index.put("name", new BsonString(name.toString()));
        }
        return documents(command("createIndexes").append("indexes", new BsonArray(List.of(index))));
    }

    private MongoStatement explain(BsonDocument explained, Call link) {
        BsonValue verbosity = link.arguments().isEmpty() ? new BsonString("queryPlanner") : link.arguments().get(0);
        if (verbosity.isBoolean()) {
            verbosity = new BsonString(verbosity.asBoolean().getValue() ? "allPlansExecution" : "queryPlanner");
        }
        return documents(new BsonDocument("explain", explained).append("verbosity", verbosity));
    }

    private MongoStatement documents(BsonDocument command) {
        return MongoStatement.documents(database, command);
    }

    private BsonDocument command(String name) {
        return new BsonDocument(name, new BsonString(collection));
    }

    private BsonValue argument(int index) {
        if (call.arguments().size() <= index) {
            throw text.error(call.position(), call.method() + "() needs at least " + (index + 1) + " argument"
                    + (index == 0 ? "" : "s"));
        }
        return call.arguments().get(index);
    }

    private BsonDocument documentAt(int index, boolean optional) {
        if (optional && call.arguments().size() <= index) {
            return new BsonDocument();
        }
        BsonValue value = argument(index);
        if (!value.isDocument()) {
            throw text.error(call.position(), call.method() + "() expects a document as argument " + (index + 1));
        }
        return value.asDocument();
    }

    private BsonArray documentsAt(int index) {
        BsonValue value = argument(index);
        if (!value.isArray() || value.asArray().isEmpty()
                || value.asArray().stream().anyMatch(element -> !element.isDocument())) {
            throw text.error(call.position(), call.method() + "() needs a non-empty array of documents");
        }
        return value.asArray();
    }

    private BsonValue fieldName() {
        BsonValue key = argument(0);
        if (!key.isString()) {
            throw text.error(call.position(), "distinct() needs the field name as a string");
        }
        return key;
    }

    private BsonValue onlyArgument(Call link) {
        if (link.arguments().size() != 1) {
            throw text.error(link.position(), "." + link.method() + "() takes one argument");
        }
        return link.arguments().get(0);
    }

    private BsonValue number(Call link) {
        BsonValue value = onlyArgument(link);
        if (!value.isNumber()) {
            throw text.error(link.position(), "." + link.method() + "() takes a number");
        }
        return new BsonInt32(value.asNumber().intValue());
    }

    private void noChain(List<Call> chain) {
        if (!chain.isEmpty()) {
            throw text.error(chain.get(0).position(), "Nothing can be chained after ." + call.method() + "()");
        }
    }

    private static void copy(BsonDocument from, BsonDocument to, String... keys) {
        for (String key : keys) {
            if (from.containsKey(key)) {
                to.put(key, from.get(key));
            }
        }
    }
}
