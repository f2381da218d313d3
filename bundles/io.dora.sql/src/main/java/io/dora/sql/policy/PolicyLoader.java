package io.dora.sql.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dora.core.connection.Environment;

/**
 * Builds the effective policy from, in increasing precedence: the built-in defaults, the policy files in the
 * order given (user file, then workspace file), then {@code DORA_POLICY_<ENVIRONMENT>_<KEY>} variables. A
 * missing file is skipped; a bad file, key or value is a {@link PolicyException}, never ignored.
 */
public final class PolicyLoader {

    public static final String VARIABLE_PREFIX = "DORA_POLICY_";
    public static final String BUILT_IN = "built-in";

    private final ObjectMapper json = new ObjectMapper();

    /** {@code ~/.dora/policy.json}. */
    public static Path userPolicyFile(Path home) {
        return home.resolve(".dora").resolve("policy.json");
    }

    /** {@code <workspace>/.metadata/dora/policy.json}. */
    public static Path workspacePolicyFile(Path workspace) {
        return workspace.resolve(".metadata").resolve("dora").resolve("policy.json");
    }

    /**
     * @param files       policy files in increasing precedence; missing ones are skipped
     * @param environment the process environment (only {@code DORA_POLICY_*} entries are read)
     */
    public EffectivePolicy load(List<Path> files, Map<String, String> environment) {
        EffectivePolicy policy = defaults();
        for (Path file : files) {
            applyFile(policy, file);
        }
        applyVariables(policy, environment);
        return policy;
    }

    /**
     * The built-in defaults: development and test allow everything; staging asks before dangerous statements;
     * production asks before dangerous statements, refuses UPDATE/DELETE without a real WHERE and caps results
     * at 10,000 rows. No timeout anywhere: maintenance legitimately runs long, so a timeout is a site decision.
     */
    public static EffectivePolicy defaults() {
        EffectivePolicy policy = new EffectivePolicy();
        for (Environment environment : Environment.values()) {
            boolean production = environment == Environment.PRODUCTION;
            boolean careful = production || environment == Environment.STAGING;
            policy.set(environment, PolicyKey.READ_ONLY, false, BUILT_IN);
            policy.set(environment, PolicyKey.DANGEROUS, careful ? DangerousMode.CONFIRM : DangerousMode.ALLOW,
                    BUILT_IN);
            policy.set(environment, PolicyKey.REQUIRE_WHERE, production, BUILT_IN);
            policy.set(environment, PolicyKey.MAX_ROWS, production ? 10_000 : 0, BUILT_IN);
            policy.set(environment, PolicyKey.STATEMENT_TIMEOUT, 0, BUILT_IN);
        }
        return policy;
    }

    private void applyFile(EffectivePolicy policy, Path file) {
        JsonNode root;
        try {
            root = json.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            return;
        } catch (JsonProcessingException e) {
            throw new PolicyException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new PolicyException(file + ": cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new PolicyException(file + ": expected a JSON object with environments as keys ("
                    + environmentIds() + ")");
        }
        for (Map.Entry<String, JsonNode> environmentEntry : root.properties()) {
            Environment environment = parseEnvironment(environmentEntry.getKey(), file.toString());
            if (!environmentEntry.getValue().isObject()) {
                throw new PolicyException(file + ": '" + environmentEntry.getKey() + "' must be an object of settings");
            }
            for (Map.Entry<String, JsonNode> entry : environmentEntry.getValue().properties()) {
                String where = file + ": " + environment.id() + "." + entry.getKey();
                PolicyKey key = PolicyKey.fromFileKey(entry.getKey());
                if (key == null) {
                    throw new PolicyException(where + ": unknown key, expected one of " + fileKeys());
                }
                if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
                    throw new PolicyException(where + ": expected " + key.accepted());
                }
                policy.set(environment, key, parse(key, entry.getValue().asText(), where), file.toString());
            }
        }
    }

    private static void applyVariables(EffectivePolicy policy, Map<String, String> variables) {
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith(VARIABLE_PREFIX)) {
                continue;
            }
            String rest = name.substring(VARIABLE_PREFIX.length());
            Environment environment = null;
            PolicyKey key = null;
            for (Environment candidate : Environment.values()) {
                String prefix = candidate.id().toUpperCase(Locale.ROOT) + "_";
                if (rest.startsWith(prefix)) {
                    environment = candidate;
                    key = PolicyKey.fromVariableSuffix(rest.substring(prefix.length()));
                }
            }
            if (environment == null || key == null) {
                throw new PolicyException("environment variable " + name + ": unknown, expected " + VARIABLE_PREFIX
                        + "<ENVIRONMENT>_<KEY> with ENVIRONMENT one of " + environmentIds().toUpperCase(Locale.ROOT)
                        + " and KEY one of " + variableKeys());
            }
            String source = "env " + name;
            policy.set(environment, key, parse(key, variable.getValue(), "environment variable " + name), source);
        }
    }

    private static Object parse(PolicyKey key, String text, String where) {
        try {
            return key.parse(text);
        } catch (IllegalArgumentException e) {
            throw new PolicyException(where + ": " + e.getMessage(), e);
        }
    }

    private static Environment parseEnvironment(String id, String where) {
        try {
            return Environment.parse(id);
        } catch (IllegalArgumentException e) {
            throw new PolicyException(where + ": " + e.getMessage(), e);
        }
    }

    private static String environmentIds() {
        List<String> ids = new ArrayList<>();
        for (Environment environment : Environment.values()) {
            ids.add(environment.id());
        }
        return String.join(", ", ids);
    }

    private static String fileKeys() {
        List<String> keys = new ArrayList<>();
        for (PolicyKey key : PolicyKey.values()) {
            keys.add(key.fileKey());
        }
        return String.join(", ", keys);
    }

    private static String variableKeys() {
        List<String> keys = new ArrayList<>();
        for (PolicyKey key : PolicyKey.values()) {
            keys.add(key.variableSuffix());
        }
        return String.join(", ", keys);
    }
}
