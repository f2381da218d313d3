package io.dora.sql.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dora.core.connection.Environment;

class PolicyLoaderTest {

    @TempDir
    Path temp;

    private Path write(String name, String json) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    @Test
    void builtInDefaultsAreStrictestInProduction() {
        EffectivePolicy policy = new PolicyLoader().load(List.of(temp.resolve("missing.json")), Map.of());
        assertEquals(new EnvironmentPolicy(false, DangerousMode.CONFIRM, true, 10_000, 0),
                policy.forEnvironment(Environment.PRODUCTION));
        assertEquals(new EnvironmentPolicy(false, DangerousMode.CONFIRM, false, 0, 0),
                policy.forEnvironment(Environment.STAGING));
        assertEquals(new EnvironmentPolicy(false, DangerousMode.ALLOW, false, 0, 0),
                policy.forEnvironment(Environment.DEVELOPMENT));
        assertEquals(PolicyLoader.BUILT_IN, policy.setting(Environment.TEST, PolicyKey.DANGEROUS).source());
    }

    @Test
    void workspaceFileOverridesUserFileAndVariablesOverrideBoth() throws IOException {
        Path user = write("user.json", "{\"production\": {\"dangerous\": \"block\", \"maxRows\": 50}}");
        Path workspace = write("workspace.json", "{\"production\": {\"maxRows\": 500, \"readOnly\": true}}");
        EffectivePolicy policy = new PolicyLoader().load(List.of(user, workspace),
                Map.of("DORA_POLICY_PRODUCTION_MAX_ROWS", "1000", "PATH", "/bin"));

        assertEquals(new EnvironmentPolicy(true, DangerousMode.BLOCK, true, 1000, 0),
                policy.forEnvironment(Environment.PRODUCTION));
        assertEquals(user.toString(), policy.setting(Environment.PRODUCTION, PolicyKey.DANGEROUS).source());
        assertEquals(workspace.toString(), policy.setting(Environment.PRODUCTION, PolicyKey.READ_ONLY).source());
        assertEquals("env DORA_POLICY_PRODUCTION_MAX_ROWS",
                policy.setting(Environment.PRODUCTION, PolicyKey.MAX_ROWS).source());
        assertTrue(policy.describe(Environment.PRODUCTION).lines()
                .anyMatch(line -> line.matches("production\\.maxRows += 1000 +\\(env DORA_POLICY_PRODUCTION_MAX_ROWS\\)")));
    }

    @Test
    void variablesSetEveryKey() {
        EffectivePolicy policy = new PolicyLoader().load(List.of(), Map.of("DORA_POLICY_STAGING_DANGEROUS", "BLOCK",
                "DORA_POLICY_STAGING_READ_ONLY", "true", "DORA_POLICY_STAGING_REQUIRE_WHERE", "true",
                "DORA_POLICY_STAGING_STATEMENT_TIMEOUT", "30", "DORA_POLICY_STAGING_MAX_ROWS", "7"));
        assertEquals(new EnvironmentPolicy(true, DangerousMode.BLOCK, true, 7, 30),
                policy.forEnvironment(Environment.STAGING));
    }

    @Test
    void badValueNamesFileKeyAndAcceptedValues() throws IOException {
        Path file = write("bad.json", "{\"production\": {\"dangerous\": \"maybe\"}}");
        PolicyException error = assertThrows(PolicyException.class,
                () -> new PolicyLoader().load(List.of(file), Map.of()));
        assertEquals(file + ": production.dangerous: 'maybe' is not valid for dangerous: expected allow, confirm, block",
                error.getMessage());
    }

    @Test
    void unknownKeyEnvironmentOrShapeIsAnError() throws IOException {
        Path key = write("key.json", "{\"production\": {\"maxrows\": 5}}");
        assertTrue(assertThrows(PolicyException.class, () -> new PolicyLoader().load(List.of(key), Map.of()))
                .getMessage().contains("production.maxrows: unknown key, expected one of readOnly, dangerous"));
        Path environment = write("env.json", "{\"prod\": {}}");
        assertTrue(assertThrows(PolicyException.class, () -> new PolicyLoader().load(List.of(environment), Map.of()))
                .getMessage().contains("Unknown environment 'prod'"));
        Path notJson = write("broken.json", "{\"production\": ");
        assertTrue(assertThrows(PolicyException.class, () -> new PolicyLoader().load(List.of(notJson), Map.of()))
                .getMessage().startsWith(notJson + ": not valid JSON"));
        Path array = write("array.json", "{\"production\": {\"maxRows\": [1]}}");
        assertTrue(assertThrows(PolicyException.class, () -> new PolicyLoader().load(List.of(array), Map.of()))
                .getMessage().endsWith("production.maxRows: expected a whole number >= 0 (0: no limit)"));
    }

    @Test
    void badOrUnknownVariableIsAnError() {
        PolicyException bad = assertThrows(PolicyException.class, () -> new PolicyLoader().load(List.of(),
                Map.of("DORA_POLICY_PRODUCTION_MAX_ROWS", "-1")));
        assertEquals("environment variable DORA_POLICY_PRODUCTION_MAX_ROWS: '-1' is not valid for maxRows: "
                + "expected a whole number >= 0 (0: no limit)", bad.getMessage());
        PolicyException unknown = assertThrows(PolicyException.class, () -> new PolicyLoader().load(List.of(),
                Map.of("DORA_POLICY_PROD_DANGEROUS", "block")));
        assertTrue(unknown.getMessage().startsWith("environment variable DORA_POLICY_PROD_DANGEROUS: unknown"));
    }

    @Test
    void standardFileLocations() {
        assertEquals(Path.of("home", ".dora", "policy.json"), PolicyLoader.userPolicyFile(Path.of("home")));
        assertEquals(Path.of("ws", ".metadata", "dora", "policy.json"), PolicyLoader.workspacePolicyFile(Path.of("ws")));
    }
}
