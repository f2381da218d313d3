package io.dora.driver.mongo.internal;

import org.bson.BsonDocument;

/**
 * One statement translated to the command document sent with {@code runCommand}, and how to present the reply.
 *
 * @param database the database the command runs in
 * @param command  the command document; its first key names the command
 * @param shape    how the reply becomes results
 * @param field    for {@link Shape#COUNT} the column label, for {@link Shape#ARRAY} the reply's array field
 */
record MongoCommand(String database, BsonDocument command, Shape shape, String field) {

    enum Shape {
        /** A cursor reply streams its documents; a write reply is an update count; any other reply is one row. */
        DOCUMENTS,
        /** One number: the {@code count} of the cursor's first document (0 when none) or the reply's {@code n}. */
        COUNT,
        /** The elements of an array in the reply ({@code values} of distinct, {@code databases} of listDatabases). */
        ARRAY,
        /** {@code use <database>}: changes the session's database, sends nothing. */
        USE_DATABASE
    }

    static MongoCommand documents(String database, BsonDocument command) {
        return new MongoCommand(database, command, Shape.DOCUMENTS, null);
    }

    String name() {
        return command.isEmpty() ? "" : command.getFirstKey();
    }
}
