package io.dora.sql.internal.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.Environment;
import io.dora.core.safety.GuardDecision;
import io.dora.core.safety.StatementVerdict;
import io.dora.core.safety.Verdict;
import io.dora.sql.policy.PolicyException;
import io.dora.sql.policy.PolicyLoader;

class SqlStatementGuardTest {

    @TempDir
    Path home;

    private final SqlStatementGuard builtIn = new SqlStatementGuard(PolicyLoader::defaults);

    private static ConnectionSpec connection(Environment environment, boolean readOnly) {
        return ConnectionSpec.builder("c", "postgres").environment(environment).readOnly(readOnly).build();
    }

    private static List<Verdict> verdicts(GuardDecision decision) {
        return decision.verdicts().stream().map(StatementVerdict::verdict).toList();
    }

    @Test
    void productionConfirmsDangerousStatementsAndBlocksUpdatesWithoutWhere() {
        GuardDecision decision = builtIn.check(connection(Environment.PRODUCTION, false), "postgres",
                List.of("SELECT 1", "DROP TABLE t", "DELETE FROM t", "UPDATE t SET x = 1 WHERE id = 2"));
        assertEquals(List.of(Verdict.ALLOW, Verdict.CONFIRM, Verdict.BLOCK, Verdict.ALLOW), verdicts(decision));
        assertEquals(List.of("drop"), decision.verdicts().get(1).rules());
        assertEquals(List.of("missing-where"), decision.verdicts().get(2).rules());
        assertTrue(decision.verdicts().get(2).reasons().get(0).startsWith("missing-where:"));
        assertEquals(10_000, decision.maxRows());
        assertEquals(Duration.ZERO, decision.statementTimeout());
    }

    @Test
    void aReadOnlyConnectionBlocksEveryWriteEvenInDevelopment() {
        GuardDecision decision = builtIn.check(connection(Environment.DEVELOPMENT, true), "postgres",
                List.of("SELECT * FROM t", "INSERT INTO t VALUES (1)", "SELECT nextval('s')",
                        "WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d", "FROBNICATE t"));
        assertEquals(List.of(Verdict.ALLOW, Verdict.BLOCK, Verdict.BLOCK, Verdict.BLOCK, Verdict.BLOCK), verdicts(decision));
        assertEquals(List.of("read-only"), decision.verdicts().get(1).rules());
        assertEquals(List.of("read-only"), decision.verdicts().get(4).rules(),
                "unrecognised text is a write; development allows the dangerous rule itself");
    }

    @Test
    void unrecognisedStatementsAreNeverAllowedSilentlyInProduction() {
        GuardDecision decision = builtIn.check(connection(Environment.PRODUCTION, false), "mysql", List.of("FROBNICATE t"));
        assertEquals(List.of(Verdict.CONFIRM), verdicts(decision));
        assertEquals(List.of("unrecognised"), decision.verdicts().get(0).rules());
        GuardDecision unknownLanguage = builtIn.check(connection(Environment.PRODUCTION, false), "cql", List.of("SELECT 1"));
        assertEquals(List.of(Verdict.CONFIRM), verdicts(unknownLanguage));
    }

    @Test
    void mongoCommandsAreJudgedWithTheirOwnClassifier() {
        GuardDecision decision = builtIn.check(connection(Environment.DEVELOPMENT, true), "mongo",
                List.of("{\"find\": \"users\", \"filter\": {}}", "{\"delete\": \"users\", \"deletes\": [{\"q\": {}, \"limit\": 0}]}"));
        assertEquals(List.of(Verdict.ALLOW, Verdict.BLOCK), verdicts(decision));
    }

    @Test
    void thePolicyFilesAreReadAtEveryCheckAndABrokenOneFailsClosed(@TempDir Path workspace) throws Exception {
        SqlStatementGuard guard = new SqlStatementGuard(SqlStatementGuard.standardPolicy(home, workspace, Map.of()));
        Path file = PolicyLoader.workspacePolicyFile(workspace);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"staging\": {\"dangerous\": \"block\", \"statementTimeout\": 30, \"maxRows\": 100}}");
        GuardDecision decision = guard.check(connection(Environment.STAGING, false), "sqlite", List.of("DROP TABLE t"));
        assertEquals(List.of(Verdict.BLOCK), verdicts(decision));
        assertEquals(Duration.ofSeconds(30), decision.statementTimeout());
        assertEquals(100, decision.maxRows());

        Files.writeString(file, "{\"staging\": {\"dangerous\": \"maybe\"}}");
        var error = assertThrows(PolicyException.class,
                () -> guard.check(connection(Environment.STAGING, false), "sqlite", List.of("SELECT 1")));
        assertTrue(error.getMessage().contains("staging.dangerous"), error.getMessage());
    }

    @Test
    void theWorkspaceComesFromTheInstanceArea() {
        assertEquals(Path.of("/ws/one/"), SqlStatementGuard.workspace("file:/ws/one/"));
        assertEquals(null, SqlStatementGuard.workspace(null));
    }
}
