package io.dora.sql.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.bson.BsonDocument;
import org.bson.BsonType;
import org.junit.jupiter.api.Test;

import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.sql.safety.DangerousRule;
import io.dora.sql.safety.StatementCategory;

/** The shell forms and what they become, without a server. */
class MongoShellTest {

    private static MongoStatement parse(String statement) {
        return MongoShell.parse(statement, "shop");
    }

    private static void assertCommand(String expectedJson, String statement) {
        assertEquals(BsonDocument.parse(expectedJson), parse(statement).command(), statement);
    }

    private static DoraException syntaxError(String statement) {
        DoraException error = assertThrows(DoraException.class, () -> parse(statement));
        assertEquals(ErrorKind.SYNTAX, error.kind());
        return error;
    }

    @Test
    void translatesFindWithItsChain() {
        assertCommand("{find: 'users', filter: {age: {$gt: 30}}, projection: {name: 1}, sort: {age: -1}, limit: 10, skip: 5}",
                "db.users.find({age: {$gt: 30}}, {name: 1}).sort({age: -1}).limit(10).skip(5);");
        assertCommand("{find: 'users', filter: {}}", "  db.users.find()  // all of them");
        assertCommand("{find: 'users', filter: {url: 'http://x/*y*/', a: 1}}",
                "db.users.find({\n  url: 'http://x/*y*/', // a URL, not a comment\n  /* the other one */ a: 1\n})");
        assertCommand("{count: 'users', query: {a: 1}, limit: 3}", "db.users.find({a: 1}).limit(3).count()");
        assertCommand("{explain: {find: 'users', filter: {}}, verbosity: 'executionStats'}",
                "db.users.find().explain('executionStats')");
    }

    @Test
    void namesCollectionsAndDatabasesInEveryShellWay() {
        MongoStatement dotted = parse("db.system.profile.find()");
        assertEquals("system.profile", dotted.command().getString("find").getValue());
        assertEquals("shop", dotted.database());
        assertEquals("odd name", parse("db.getCollection(\"odd name\").find()").command().getString("find").getValue());
        assertEquals("x-y", parse("db['x-y'].countDocuments()").command().getString("aggregate").getValue());
        MongoStatement sibling = parse("db.getSiblingDB('archive').orders.deleteOne({_id: 1})");
        assertEquals("archive", sibling.database());
        assertEquals("orders", sibling.command().getString("delete").getValue());
        assertEquals("analytics", parse("use analytics").database());
        assertEquals(MongoStatement.Shape.USE_DATABASE, parse("use analytics;").shape());
    }

    @Test
    void readsRelaxedShellValues() {
        BsonDocument filter = parse("db.c.find({_id: ObjectId('5f1d7a3e9b1e8a0001a1b2c3'), at: {$gte: ISODate('2024-01-31')},"
                + " n: NumberLong(5), d: NumberDecimal('1.5'), name: /^ad/i, 'quoted key': \"x\", })").command().getDocument("filter");
        assertEquals(BsonType.OBJECT_ID, filter.get("_id").getBsonType());
        assertEquals(BsonType.DATE_TIME, filter.getDocument("at").get("$gte").getBsonType());
        assertEquals(BsonType.INT64, filter.get("n").getBsonType());
        assertEquals(BsonType.DECIMAL128, filter.get("d").getBsonType());
        assertEquals(BsonType.REGULAR_EXPRESSION, filter.get("name").getBsonType());
        assertEquals("x", filter.getString("quoted key").getValue());
    }

    @Test
    void translatesWritesAndGivesInsertsAnIdFirst() {
        BsonDocument insert = parse("db.users.insertOne({name: 'Ada'})").command();
        BsonDocument document = insert.getArray("documents").get(0).asDocument();
        assertEquals("_id", document.getFirstKey());
        assertEquals(BsonType.OBJECT_ID, document.get("_id").getBsonType());
        assertEquals(2, parse("db.users.insertMany([{_id: 1}, {_id: 2}], {ordered: false})").command().getArray("documents").size());
        assertCommand("{update: 'users', updates: [{q: {a: 1}, u: {$set: {b: 2}}, multi: true, upsert: true}]}",
                "db.users.updateMany({a: 1}, {$set: {b: 2}}, {upsert: true})");
        assertCommand("{update: 'users', updates: [{q: {_id: 1}, u: {name: 'x'}, multi: false}]}",
                "db.users.replaceOne({_id: 1}, {name: 'x'})");
        assertCommand("{delete: 'users', deletes: [{q: {a: 1}, limit: 1}]}", "db.users.deleteOne({a: 1})");
        assertCommand("{delete: 'users', deletes: [{q: {}, limit: 0}]}", "db.users.deleteMany({})");
        assertCommand("{createIndexes: 'users', indexes: [{key: {name: 1, age: -1}, unique: true, name: 'name_1_age_-1'}]}",
                "db.users.createIndex({name: 1, age: -1}, {unique: true})");
    }

    @Test
    void countsAndListsHaveTheirShapes() {
        MongoStatement count = parse("db.users.countDocuments({a: 1}, {limit: 5})");
        assertEquals(MongoStatement.Shape.COUNT, count.shape());
        assertEquals(BsonDocument.parse("{aggregate: 'users', pipeline: [{$match: {a: 1}}, {$limit: 5},"
                + " {$group: {_id: 1, count: {$sum: 1}}}], cursor: {}}"), count.command());
        MongoStatement distinct = parse("db.users.distinct('city', {age: 3})");
        assertEquals(MongoStatement.Shape.ARRAY, distinct.shape());
        assertEquals("values", distinct.field());
        assertEquals("databases", parse("show dbs").field());
        assertCommand("{listCollections: 1, nameOnly: true}", "show collections");
        assertCommand("{ping: 1}", "db.runCommand({ping: 1})");
        assertEquals("admin", parse("db.adminCommand({listDatabases: 1})").database());
        assertCommand("{dbStats: 1}", "db.stats()");
    }

    @Test
    void errorsNameTheLineAndColumn() {
        assertTrue(syntaxError("db.users.find({name: 'Ada})").getMessage().contains("This string is not closed (line 1, column 22)"));
        assertTrue(syntaxError("db.users.find({a: 1]").getMessage().contains("Expected '}' but found ']' (line 1, column 20)"));
        String nested = syntaxError("db.users.insertMany([\n  {a: 1},\n  {b: ObjectId('nope')}\n])").getMessage();
        assertTrue(nested.contains("line 3, column 7"), nested);
        assertTrue(nested.contains("Cannot read this value"), nested);
        assertTrue(syntaxError("db.users.find() db.users.find()").getMessage().contains("column 17"));
        assertTrue(syntaxError("db.nope()").getMessage().contains("Unknown database method db.nope()"));
        assertTrue(syntaxError("SELECT * FROM users").getMessage().contains("Expected a command document"));
        assertTrue(syntaxError("db.users.find().sort({a: 1}).forEach()").getMessage().contains(".forEach() is not supported"));
        assertTrue(syntaxError("db.users.insertOne('x')").getMessage().contains("expects a document"));
        assertTrue(syntaxError("{find: 'users'").getMessage().contains("never closed (line 1, column 1)"));
    }

    @Test
    void theSafetyClassifierSeesTheCommandThatIsSent() {
        MongoClassifier classifier = new MongoClassifier();
        assertEquals(StatementCategory.READ, classifier.classifyCommand(map("db.users.find({a: 1})")).category());
        assertEquals(StatementCategory.READ, classifier.classifyCommand(map("db.users.countDocuments()")).category());
        assertEquals(StatementCategory.WRITE, classifier.classifyCommand(map("db.users.aggregate([{$match: {}}, {$out: 'x'}])")).category());
        assertEquals(StatementCategory.WRITE, classifier.classifyCommand(map("db.users.aggregate([{$merge: {into: 'x'}}])")).category());
        assertTrue(classifier.classifyCommand(map("db.users.deleteMany({})")).rules().contains(DangerousRule.NO_FILTER));
        assertTrue(classifier.classifyCommand(map("db.users.updateMany({}, {$set: {a: 1}})")).rules().contains(DangerousRule.NO_FILTER));
        assertEquals(java.util.List.of(), classifier.classifyCommand(map("db.users.deleteMany({a: 1})")).rules());
        assertEquals(StatementCategory.DDL, classifier.classifyCommand(map("db.users.drop()")).category());
    }

    @Test
    void theClassifierJudgesStatementTextByItsCommand() {
        MongoClassifier classifier = new MongoClassifier();
        assertEquals(StatementCategory.READ, classifier.classifyCommand("db.users.find({_id: ObjectId('5f1d7a3e9b1e8a0001a1b2c3')})").category());
        assertEquals(StatementCategory.READ, classifier.classifyCommand("{find: 'users', filter: {at: ISODate('2024-01-01')}}").category());
        assertTrue(classifier.classifyCommand("db.getCollection('users').deleteMany({})").rules().contains(DangerousRule.NO_FILTER));
        assertEquals(StatementCategory.WRITE, classifier.classifyCommand("db.users.aggregate([{$merge: 'x'}])").category());
        assertEquals(StatementCategory.SESSION_SETTING, classifier.classifyCommand("use archive").category());
        assertEquals(StatementCategory.UNKNOWN, classifier.classifyCommand("db.users.find(").category());
    }

    private static Map<String, Object> map(String statement) {
        return MongoClassifier.asMap(parse(statement).command());
    }
}
