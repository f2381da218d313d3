package io.dora.sql.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.dora.sql.safety.Classification;
import io.dora.sql.safety.DangerousRule;
import io.dora.sql.safety.SqlClassifier;
import io.dora.sql.safety.StatementCategory;
import io.dora.sql.script.SqlDialect;

class PolicyEvaluatorTest {

    private static final EnvironmentPolicy OPEN = new EnvironmentPolicy(false, DangerousMode.ALLOW, false, 0, 0);
    private static final EnvironmentPolicy PRODUCTION = new EnvironmentPolicy(false, DangerousMode.CONFIRM, true, 0, 0);

    private final PolicyEvaluator evaluator = new PolicyEvaluator();
    private final SqlClassifier classifier = new SqlClassifier(SqlDialect.POSTGRES);

    private Decision decide(String sql, EnvironmentPolicy policy, boolean readOnly) {
        return evaluator.evaluate(classifier.classify(sql), policy, readOnly).decision();
    }

    @Test
    void readOnlyConnectionBlocksEveryWriteWhateverThePolicy() {
        for (String write : List.of("DELETE FROM t WHERE id = 1", "CREATE TABLE x (a int)", "NOTIFY c", "FOO BAR",
                "SELECT nextval('s')", "SET ROLE admin")) {
            assertEquals(Decision.BLOCK, decide(write, OPEN, true), write);
        }
        for (String allowed : List.of("SELECT 1", "SHOW search_path", "BEGIN", "COMMIT", "SET search_path TO x")) {
            assertEquals(Decision.ALLOW, decide(allowed, OPEN, true), allowed);
        }
    }

    @Test
    void readOnlyEnvironmentBlocksWritesAndNamesTheSetting() {
        EnvironmentPolicy readOnly = new EnvironmentPolicy(true, DangerousMode.ALLOW, false, 0, 0);
        PolicyDecision decision = evaluator.evaluate(classifier.classify("INSERT INTO t VALUES (1)"), readOnly, false);
        assertEquals(Decision.BLOCK, decision.decision());
        assertEquals(List.of("readOnly: the environment is read-only, WRITE statements are blocked"), decision.reasons());
    }

    @Test
    void dangerousRulesFollowTheDangerousSetting() {
        assertEquals(Decision.ALLOW, decide("DROP TABLE t", OPEN, false));
        assertEquals(Decision.CONFIRM, decide("DROP TABLE t", PRODUCTION, false));
        EnvironmentPolicy blocking = new EnvironmentPolicy(false, DangerousMode.BLOCK, false, 0, 0);
        PolicyDecision decision = evaluator.evaluate(classifier.classify("TRUNCATE t"), blocking, false);
        assertEquals(Decision.BLOCK, decision.decision());
        assertEquals(List.of(DangerousRule.TRUNCATE), decision.broken());
        assertEquals(List.of("truncate: " + DangerousRule.TRUNCATE.reason() + " (dangerous=block)"), decision.reasons());
    }

    @Test
    void requireWhereBlocksMissingAndTrivialWhereEvenWhenDangerousIsAllowed() {
        EnvironmentPolicy requireWhere = new EnvironmentPolicy(false, DangerousMode.ALLOW, true, 0, 0);
        assertEquals(Decision.BLOCK, decide("DELETE FROM t", requireWhere, false));
        assertEquals(Decision.BLOCK, decide("UPDATE t SET a = 1 WHERE 1 = 1", requireWhere, false));
        assertEquals(Decision.ALLOW, decide("DELETE FROM t WHERE id = 1", requireWhere, false));
        assertEquals(Decision.ALLOW, decide("DELETE FROM t", OPEN, false));
    }

    @Test
    void unknownStatementsNeedConfirmationInProductionAndCountAsWrites() {
        Classification unknown = classifier.classify("FROBNICATE everything");
        assertEquals(StatementCategory.UNKNOWN, unknown.category());
        assertEquals(Decision.CONFIRM, evaluator.evaluate(unknown, PRODUCTION, false).decision());
        assertEquals(Decision.BLOCK, evaluator.evaluate(unknown, OPEN, true).decision());
    }

    @Test
    void aSecondStatementCannotHideBehindAHarmlessFirstOne() {
        Classification both = classifier.classify("SELECT 1; DROP TABLE t");
        assertEquals(StatementCategory.DDL, both.category());
        assertEquals(List.of(DangerousRule.DROP), both.rules());
    }
}
