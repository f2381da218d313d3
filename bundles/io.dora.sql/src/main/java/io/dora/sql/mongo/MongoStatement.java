package io.dora.sql.mongo;

import org.bson.BsonDocument;

/**
 * One statement translated to the command document sent with {@code runCommand}, and how to present the reply.
 * The command is mutable ({@link BsonDocument}): callers that add fields work on a {@code clone()}.
 *
 * @param database the database the command runs in
 * @param command  the command document; its first key names the command
 * @param shape    how the reply becomes results
 * @param field    for {@link Shape#COUNT} the column label, for {@link Shape#ARRAY} the reply's array field
 */
public record MongoStatement(String database, BsonDocument command, Shape shape, String field) {

    /** How the reply becomes results. */
    public enum Shape {
        /** A cursor reply streams its documents; a write reply is an update count; any other reply is one row. */
        DOCUMENTS,
        /** One number: the {@code count} of the cursor's first document (0 when none) or the reply's {@code n}. */
        COUNT,
        /** The elements of an array in the reply ({@code values} of distinct, {@code databases} of listDatabases). */
        ARRAY,
        /** {@code use <database>}: changes the session's database, sends nothing. */
        USE_DATABASE
    }

    static MongoStatement documents(String database, BsonDocument command) {
        return new MongoStatement(database, command, Shape.DOCUMENTS, null);
    }

    /** The command's name (its first key); empty for {@code use}. */
    public String name() {
        return command.isEmpty() ? "" : command.getFirstKey();
    }
}
