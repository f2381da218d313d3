package io.dora.ui.sql.internal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class StatementLocatorTest {

    private static final String SCRIPT = "SELECT 1;\n\nSELECT ';' AS x;\n-- note\nSELECT 3";

    @Test
    void theStatementUnderTheCursorIsTheOneItIsInOrFollows() {
        StatementLocator locator = new StatementLocator("sqlite");
        assertEquals(Optional.of("SELECT 1"), locator.at(SCRIPT, 0));
        assertEquals(Optional.of("SELECT 1"), locator.at(SCRIPT, 9));
        assertEquals(Optional.of("SELECT ';' AS x"), locator.at(SCRIPT, SCRIPT.indexOf("AS")));
        assertEquals(Optional.of("SELECT 3"), locator.at(SCRIPT, SCRIPT.length()));
    }

    @Test
    void aScriptSplitsWithTheDialectsRules() {
        assertEquals(List.of("SELECT 1", "SELECT ';' AS x", "SELECT 3"), new StatementLocator("sqlite").split(SCRIPT));
        assertEquals(List.of("db.c.find({})"), new StatementLocator("mongo").split("  db.c.find({})\n"));
        assertEquals(List.of("anything; at all"), new StatementLocator("cassandra").split(" anything; at all "));
    }

    @Test
    void mongoStatementsSplitAtLineBreaksAndCtrlEnterTakesTheOneUnderTheCursor() {
        String script = "use shop\ndb.users.find({age: {$gt: 30}})\n  .limit(5)\n\ndb.users.countDocuments({})";
        StatementLocator locator = new StatementLocator("mongo");
        assertEquals(3, locator.split(script).size());
        assertEquals(Optional.of("db.users.find({age: {$gt: 30}})\n  .limit(5)"),
                locator.at(script, script.indexOf("limit")));
        assertEquals(Optional.of("db.users.find({age: {$gt: 30}})\n  .limit(5)"),
                locator.at(script, script.indexOf("\n\n") + 1));
    }

    @Test
    void literalsAreMaskedInTheLog() {
        assertEquals(false, StatementLocator.forLog("SELECT * FROM t WHERE pw = 'secret'", "sqlite").contains("secret"));
        assertEquals("db.users.find(\u2026", StatementLocator.forLog("db.users.find({pw: 'secret'})", "mongo"));
        assertEquals("{\u2026", StatementLocator.forLog("{find: 'users', filter: {pw: 'secret'}}", "mongo"));
    }
}
