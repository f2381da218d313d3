package io.dora.sql.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dora.sql.safety.Classification;
import io.dora.sql.safety.DangerousRule;
import io.dora.sql.safety.StatementCategory;

class MongoClassifierTest {

    private final MongoClassifier classifier = new MongoClassifier();

    private static void assertClassified(StatementCategory category, List<DangerousRule> rules, Classification actual) {
        assertEquals(category, actual.category());
        assertEquals(rules, actual.rules());
    }

    @Test
    void readsAndWritesInShellForm() {
        assertClassified(StatementCategory.READ, List.of(), classifier.classifyMethod("find", List.of(Map.of("a", 1))));
        assertClassified(StatementCategory.READ, List.of(), classifier.classifyMethod("countDocuments", List.of()));
        assertClassified(StatementCategory.WRITE, List.of(), classifier.classifyMethod("insertOne", List.of(Map.of())));
        assertClassified(StatementCategory.WRITE, List.of(),
                classifier.classifyMethod("deleteMany", List.of(Map.of("status", "old"))));
        assertClassified(StatementCategory.WRITE, List.of(),
                classifier.classifyMethod("updateOne", List.of(Map.of(), Map.of("$set", Map.of("a", 1)))));
    }

    @Test
    void emptyFiltersOnManyDocumentsAreDangerous() {
        assertClassified(StatementCategory.WRITE, List.of(DangerousRule.NO_FILTER),
                classifier.classifyMethod("deleteMany", List.of(Map.of())));
        assertClassified(StatementCategory.WRITE, List.of(DangerousRule.NO_FILTER),
                classifier.classifyMethod("updateMany", List.of(Map.of(), Map.of("$set", Map.of("a", 1)))));
        assertClassified(StatementCategory.WRITE, List.of(DangerousRule.NO_FILTER),
                classifier.classifyMethod("remove", List.of()));
    }

    @Test
    void aggregateWithOutOrMergeWrites() {
        assertClassified(StatementCategory.READ, List.of(),
                classifier.classifyMethod("aggregate", List.of(List.of(Map.of("$match", Map.of("a", 1))))));
        assertClassified(StatementCategory.WRITE, List.of(),
                classifier.classifyMethod("aggregate", List.of(List.of(Map.of("$match", Map.of()), Map.of("$out", "x")))));
        assertClassified(StatementCategory.WRITE, List.of(), classifier.classifyCommand(
                "{\"aggregate\": \"c\", \"pipeline\": [{\"$merge\": {\"into\": \"y\"}}], \"cursor\": {}}"));
    }

    @Test
    void dropsAndAdministrationAreDdlWithRules() {
        assertClassified(StatementCategory.DDL, List.of(DangerousRule.DROP), classifier.classifyMethod("drop", List.of()));
        assertClassified(StatementCategory.DDL, List.of(DangerousRule.DROP_DATABASE),
                classifier.classifyCommand("{\"dropDatabase\": 1}"));
        assertClassified(StatementCategory.DDL, List.of(), classifier.classifyMethod("createIndex", List.of(Map.of("a", 1))));
        assertClassified(StatementCategory.SIDE_EFFECT, List.of(DangerousRule.SERVER_CONTROL),
                classifier.classifyCommand("{\"killOp\": 1, \"op\": 12}"));
    }

    @Test
    void commandDocumentsCheckEveryBatchedFilter() {
        assertClassified(StatementCategory.WRITE, List.of(DangerousRule.NO_FILTER), classifier.classifyCommand(
                "{\"delete\": \"users\", \"deletes\": [{\"q\": {}, \"limit\": 0}]}"));
        assertClassified(StatementCategory.WRITE, List.of(), classifier.classifyCommand(
                "{\"delete\": \"users\", \"deletes\": [{\"q\": {}, \"limit\": 1}]}"));
        assertClassified(StatementCategory.WRITE, List.of(DangerousRule.NO_FILTER), classifier.classifyCommand(
                "{\"update\": \"users\", \"updates\": [{\"q\": {\"a\": 1}, \"u\": {}}, {\"q\": {}, \"u\": {}, \"multi\": true}]}"));
        assertClassified(StatementCategory.READ, List.of(), classifier.classifyCommand("{\"find\": \"users\", \"filter\": {}}"));
        assertClassified(StatementCategory.TRANSACTION_CONTROL, List.of(),
                classifier.classifyCommand("{\"commitTransaction\": 1}"));
    }

    @Test
    void unknownOrMalformedFailsClosed() {
        assertClassified(StatementCategory.UNKNOWN, List.of(DangerousRule.UNRECOGNISED),
                classifier.classifyCommand("{\"frobnicate\": 1}"));
        assertClassified(StatementCategory.UNKNOWN, List.of(DangerousRule.UNRECOGNISED),
                classifier.classifyCommand("not json"));
        assertClassified(StatementCategory.UNKNOWN, List.of(DangerousRule.UNRECOGNISED),
                classifier.classifyMethod("mapReduce", List.of()));
        assertClassified(StatementCategory.UNKNOWN, List.of(DangerousRule.UNRECOGNISED),
                classifier.classifyMethod("aggregate", List.of("not a pipeline")));
    }
}
