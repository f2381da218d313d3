package io.dora.sql.policy;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.dora.core.connection.Environment;

/** The policy in force for every environment, each value with the source it came from. */
public final class EffectivePolicy {

    /** A value and where it was set: {@code built-in}, a file path, or {@code env DORA_POLICY_...}. */
    public record Setting(Object value, String source) {
    }

    private final Map<Environment, Map<PolicyKey, Setting>> settings = new EnumMap<>(Environment.class);

    EffectivePolicy() {
        for (Environment environment : Environment.values()) {
            settings.put(environment, new EnumMap<>(PolicyKey.class));
        }
    }

    void set(Environment environment, PolicyKey key, Object value, String source) {
        settings.get(environment).put(key, new Setting(value, source));
    }

    public Setting setting(Environment environment, PolicyKey key) {
        return settings.get(environment).get(key);
    }

    public EnvironmentPolicy forEnvironment(Environment environment) {
        return new EnvironmentPolicy((Boolean) value(environment, PolicyKey.READ_ONLY),
                (DangerousMode) value(environment, PolicyKey.DANGEROUS),
                (Boolean) value(environment, PolicyKey.REQUIRE_WHERE),
                (Integer) value(environment, PolicyKey.MAX_ROWS),
                (Integer) value(environment, PolicyKey.STATEMENT_TIMEOUT));
    }

    private Object value(Environment environment, PolicyKey key) {
        return setting(environment, key).value();
    }

    /** One line per value: {@code production.dangerous = confirm  (built-in)}. */
    public String describe(Environment only) {
        StringBuilder text = new StringBuilder();
        for (Environment environment : Environment.values()) {
            if (only != null && only != environment) {
                continue;
            }
            for (PolicyKey key : PolicyKey.values()) {
                Setting setting = setting(environment, key);
                String value = String.valueOf(setting.value()).toLowerCase(Locale.ROOT);
                text.append(String.format("%-30s = %-8s (%s)%n", environment.id() + "." + key.fileKey(), value,
                        setting.source()));
            }
        }
        return text.toString();
    }
}
