package io.dora.sql.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dora.core.cli.CliExit;
import io.dora.core.cli.CommandContext;

class SqlCliCommandTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> variables, String stdin, String... args) throws IOException {
        CommandContext context = new CommandContext(List.of(args),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                temp.resolve("workspace"));
        return new SqlCliCommand(variables, temp.resolve("home")).run(context);
    }

    private List<JsonNode> lines() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) {
            nodes.add(json.readTree(line));
        }
        return nodes;
    }

    @Test
    void checkPrintsOneJsonObjectPerStatementAndPassesSafeScripts() throws IOException {
        int exit = run(Map.of(), "SELECT 1;\nUPDATE t SET a = 1 WHERE id = 2;", "check", "--dialect", "postgres", "-");

        assertEquals(CliExit.OK, exit);
        List<JsonNode> lines = lines();
        assertEquals(2, lines.size());
        assertEquals("READ", lines.get(0).get("category").asText());
        assertEquals("ALLOW", lines.get(0).get("decision").asText());
        assertEquals(0, lines.get(0).get("start").asInt());
        assertEquals(8, lines.get(0).get("end").asInt());
        assertEquals(2, lines.get(1).get("line").asInt());
        assertEquals("WRITE", lines.get(1).get("category").asText());
    }

    @Test
    void confirmFailsTheCheckBecauseNobodyCanConfirmInAPipeline() throws IOException {
        Path script = temp.resolve("drop.sql");
        Files.writeString(script, "DROP TABLE t;");
        int exit = run(Map.of(), "", "check", "--dialect", "mysql", "--environment", "staging", script.toString());

        assertEquals(CliExit.NEGATIVE, exit);
        JsonNode line = lines().get(0);
        assertEquals("CONFIRM", line.get("decision").asText());
        assertEquals("drop", line.get("rules").get(0).asText());
        assertTrue(line.get("reasons").get(0).asText().startsWith("drop: "));
    }

    @Test
    void developmentAllowsWhatProductionBlocks() throws IOException {
        assertEquals(CliExit.NEGATIVE, run(Map.of(), "DELETE FROM t", "check", "--dialect", "sqlite", "-"));
        assertEquals("BLOCK", lines().get(0).get("decision").asText());
        out.reset();
        assertEquals(CliExit.OK, run(Map.of(), "DELETE FROM t", "check", "--dialect", "sqlite", "--environment",
                "development", "-"));
    }

    @Test
    void explicitPolicyFileAndVariablesApply() throws IOException {
        Path policy = temp.resolve("policy.json");
        Files.writeString(policy, "{\"production\": {\"dangerous\": \"allow\", \"requireWhere\": false}}");
        assertEquals(CliExit.OK, run(Map.of(), "DROP TABLE t", "check", "--dialect", "postgres", "--policy",
                policy.toString(), "-"));
        assertEquals(CliExit.NEGATIVE, run(Map.of("DORA_POLICY_PRODUCTION_DANGEROUS", "block"), "DROP TABLE t",
                "check", "--dialect", "postgres", "--policy", policy.toString(), "-"));
    }

    @Test
    void workspacePolicyIsUsedWithoutPolicyOption() throws IOException {
        Path file = temp.resolve("workspace/.metadata/dora/policy.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"production\": {\"readOnly\": true}}");
        assertEquals(CliExit.NEGATIVE, run(Map.of(), "INSERT INTO t VALUES (1)", "check", "--dialect", "postgres", "-"));
        assertTrue(lines().get(0).get("reasons").get(0).asText().startsWith("readOnly:"));
    }

    @Test
    void readOnlyOptionBlocksWrites() throws IOException {
        assertEquals(CliExit.NEGATIVE, run(Map.of(), "NOTIFY c", "check", "--dialect", "postgres", "--environment",
                "development", "--read-only", "-"));
    }

    @Test
    void usageErrorsExitTwoWithOneLine() throws IOException {
        assertEquals(CliExit.USAGE, run(Map.of(), "", "check", "-"));
        assertEquals(CliExit.USAGE, run(Map.of(), "", "check", "--dialect", "oracle", "-"));
        assertEquals(CliExit.USAGE, run(Map.of(), "", "frobnicate"));
        assertEquals(CliExit.USAGE, run(Map.of(), "", "check", "--dialect", "postgres", "--environment", "prod", "-"));
        assertEquals(4, err.toString(StandardCharsets.UTF_8).lines().count());
    }

    @Test
    void unreadableScriptOrPolicyExitsThree() throws IOException {
        assertEquals(CliExit.FAILURE, run(Map.of(), "", "check", "--dialect", "postgres",
                temp.resolve("missing.sql").toString()));
        assertEquals(CliExit.FAILURE, run(Map.of("DORA_POLICY_PRODUCTION_DANGEROUS", "maybe"), "", "check", "--dialect",
                "postgres", "-"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("DORA_POLICY_PRODUCTION_DANGEROUS"));
    }

    @Test
    void policyPrintsEveryValueWithItsSource() throws IOException {
        assertEquals(CliExit.OK, run(Map.of("DORA_POLICY_PRODUCTION_MAX_ROWS", "5"), "", "policy", "--environment",
                "production"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(5, text.lines().count());
        assertTrue(text.contains("production.dangerous") && text.contains("(built-in)"));
        assertTrue(text.contains("(env DORA_POLICY_PRODUCTION_MAX_ROWS)"));
    }
}
