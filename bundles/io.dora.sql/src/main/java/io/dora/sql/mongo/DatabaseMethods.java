package io.dora.sql.mongo;

import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

import io.dora.sql.mongo.MongoShell.Call;

/** Translates the database-level shell methods ({@code db.runCommand(...)}, {@code db.stats()}, ...) to commands. */
final class DatabaseMethods {

    private DatabaseMethods() {
    }

    static MongoStatement translate(String database, Call call, ShellText text) {
        return switch (call.method()) {
            case "runCommand" -> MongoStatement.documents(database, commandArgument(call, text));
            case "adminCommand" -> MongoStatement.documents("admin", commandArgument(call, text));
            case "getCollectionNames", "getCollectionInfos" -> MongoStatement.documents(database,
                    new BsonDocument("listCollections", new BsonInt32(1))
                            .append("filter", optionalDocument(call, 0, text))
                            .append("nameOnly", BsonBoolean.valueOf(call.method().equals("getCollectionNames"))));
            case "createCollection" -> {
                BsonDocument command = new BsonDocument("create", new BsonString(name(call, text)));
                command.putAll(optionalDocument(call, 1, text));
                yield MongoStatement.documents(database, command);
            }
            case "createView" -> {
                if (call.arguments().size() < 3 || !call.arguments().get(2).isArray()) {
                    throw text.error(call.position(), "createView(name, source, pipeline) needs the pipeline as an array");
                }
                BsonDocument command = new BsonDocument("create", new BsonString(name(call, text)))
                        .append("viewOn", new BsonString(stringAt(call, 1, text)))
                        .append("pipeline", call.arguments().get(2));
                yield MongoStatement.documents(database, command);
            }
            case "dropDatabase" -> MongoStatement.documents(database, new BsonDocument("dropDatabase", new BsonInt32(1)));
            case "stats" -> MongoStatement.documents(database, new BsonDocument("dbStats", new BsonInt32(1)));
            case "version" -> MongoStatement.documents(database, new BsonDocument("buildInfo", new BsonInt32(1)));
            default -> throw text.error(call.position(), "Unknown database method db." + call.method()
                    + "(): use runCommand, adminCommand, getCollectionNames, getCollectionInfos, createCollection,"
                    + " createView, dropDatabase, stats or version, or db.<collection>.<method>(...)");
        };
    }

    private static BsonDocument commandArgument(Call call, ShellText text) {
        if (call.arguments().size() != 1 || !call.arguments().get(0).isDocument()
                || call.arguments().get(0).asDocument().isEmpty()) {
            throw text.error(call.position(), call.method() + "() needs one command document, e.g. {ping: 1}");
        }
        return call.arguments().get(0).asDocument();
    }

    private static String name(Call call, ShellText text) {
        return stringAt(call, 0, text);
    }

    private static String stringAt(Call call, int index, ShellText text) {
        if (call.arguments().size() <= index || !call.arguments().get(index).isString()) {
            throw text.error(call.position(), call.method() + "() needs a name as argument " + (index + 1));
        }
        return call.arguments().get(index).asString().getValue();
    }

    private static BsonDocument optionalDocument(Call call, int index, ShellText text) {
        if (call.arguments().size() <= index) {
            return new BsonDocument();
        }
        BsonValue value = call.arguments().get(index);
        if (!value.isDocument()) {
            throw text.error(call.position(), call.method() + "() expects a document as argument " + (index + 1));
        }
        return value.asDocument();
    }
}
