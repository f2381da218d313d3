package io.dora.ui.sql.internal.text;

import java.util.Set;

/** The words of MongoDB statements highlighted in the editor: the shell's commands, the methods Dora translates, value constructors. */
final class MongoShellWords {

    static final Set<String> ALL = Set.of("""
            db use show dbs databases collections tables getCollection getSiblingDB
            find findOne sort limit skip projection hint collation batchSize maxTimeMS min max count explain toArray
            pretty aggregate countDocuments estimatedDocumentCount distinct insertOne insertMany updateOne updateMany
            replaceOne deleteOne deleteMany getIndexes createIndex dropIndex drop runCommand adminCommand
            getCollectionNames getCollectionInfos createCollection createView dropDatabase stats version
            new ObjectId ISODate Date NumberLong NumberInt NumberDecimal UUID Timestamp BinData MinKey MaxKey
            true false null undefined
            """.split("\\s+"));

    private MongoShellWords() {
    }
}
