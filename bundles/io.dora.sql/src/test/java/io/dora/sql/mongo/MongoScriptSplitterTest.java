package io.dora.sql.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.dora.sql.script.StatementSpan;

class MongoScriptSplitterTest {

    private static List<String> texts(String script) {
        return new MongoScriptSplitter().split(script).stream().map(StatementSpan::text).toList();
    }

    @Test
    void splitsAtSemicolonsAndAtLineBreaksAfterCompleteStatements() {
        assertEquals(List.of("use shop", "db.users.find({})", "show collections", "db.a.count()"),
                texts("use shop\ndb.users.find({});\n\nshow collections; db.a.count()"));
    }

    @Test
    void keepsDocumentsAndArgumentsThatSpanLinesTogether() {
        String command = "{\n  find: 'users',\n  filter: {age: {$gt: 30}}\n}";
        String pipeline = "db.orders.aggregate([\n  {$match: {status: 'A'}},\n  {$group: {_id: '$cust'}}\n])";
        assertEquals(List.of(command, pipeline), texts(command + "\n" + pipeline + ";"));
    }

    @Test
    void aChainOnTheNextLineOrAnOpenEndingContinuesTheStatement() {
        String chained = "db.users.find({})\n  .sort({name: 1})\n  // the first ten\n  .limit(10)";
        String dotAtTheEnd = "db.users.\n  find()";
        assertEquals(List.of(chained, dotAtTheEnd), texts(chained + "\n" + dotAtTheEnd));
    }

    @Test
    void quotesCommentsAndRegularExpressionsDoNotSplit() {
        String strings = "db.t.insertOne({a: 'x;y', b: \"}\\\";\", c: /;[)]\\//i})";
        String comment = "db.t.find() /* ; \n ; */";
        assertEquals(List.of(strings, "db.t.find()"), texts(strings + "\n" + comment + "\n// only a comment;\n"));
    }

    @Test
    void skipsEmptyStatementsAndReportsPositions() {
        String script = ";;\n  // header\n  db.a.find()\n\tdb.b.find();";
        List<StatementSpan> spans = new MongoScriptSplitter().split(script);
        assertEquals(new StatementSpan("db.a.find()", script.indexOf("db.a"), script.indexOf("db.a") + 11, 3, 3),
                spans.get(0));
        assertEquals(4, spans.get(1).line());
        assertEquals(2, spans.get(1).column());
        assertEquals(List.of(), texts("  \n // nothing\n ; "));
    }

    @Test
    void everyStatementItSplitsParsesAlone() {
        String script = "use shop\ndb.users.find({age: {$gt: 30}})\n  .limit(5)\n{ping: 1}\ndb.users.countDocuments({})";
        for (String statement : texts(script)) {
            MongoShell.parse(statement, "test"); // throws on a piece that is not a whole statement
        }
        assertEquals(4, texts(script).size());
    }
}
