package io.dora.sql.policy;

import java.util.Locale;

/** A setting of an environment's policy, with its name in files and in environment variables. */
public enum PolicyKey {
    READ_ONLY("readOnly", "true, false"),
    DANGEROUS("dangerous", "allow, confirm, block"),
    REQUIRE_WHERE("requireWhere", "true, false"),
    MAX_ROWS("maxRows", "a whole number >= 0 (0: no limit)"),
    STATEMENT_TIMEOUT("statementTimeout", "a whole number of seconds >= 0 (0: none)");

    private final String fileKey;
    private final String accepted;

    PolicyKey(String fileKey, String accepted) {
        this.fileKey = fileKey;
        this.accepted = accepted;
    }

    /** The key in {@code policy.json}. */
    public String fileKey() {
        return fileKey;
    }

    /** The suffix in {@code DORA_POLICY_<ENVIRONMENT>_<KEY>}. */
    public String variableSuffix() {
        return name();
    }

    public String accepted() {
        return accepted;
    }

    /**
     * Parses a value strictly.
     *
     * @return a Boolean, a DangerousMode or an Integer
     * @throws IllegalArgumentException naming the accepted values
     */
    public Object parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (this) {
            case READ_ONLY, REQUIRE_WHERE -> {
                if (value.equals("true") || value.equals("false")) {
                    return Boolean.valueOf(value);
                }
            }
            case DANGEROUS -> {
                for (DangerousMode mode : DangerousMode.values()) {
                    if (mode.name().equalsIgnoreCase(value)) {
                        return mode;
                    }
                }
            }
            case MAX_ROWS, STATEMENT_TIMEOUT -> {
                if (value.matches("\\d{1,9}")) {
                    return Integer.valueOf(value);
                }
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not valid for " + fileKey + ": expected " + accepted);
    }

    public static PolicyKey fromFileKey(String key) {
        for (PolicyKey policyKey : values()) {
            if (policyKey.fileKey.equals(key)) {
                return policyKey;
            }
        }
        return null;
    }

    public static PolicyKey fromVariableSuffix(String suffix) {
        for (PolicyKey policyKey : values()) {
            if (policyKey.name().equals(suffix)) {
                return policyKey;
            }
        }
        return null;
    }
}
