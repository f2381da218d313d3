package io.dora.core.connection;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a connection points. Drives the safety policy and the colour of everything bound to it. */
public enum Environment {
    DEVELOPMENT("development"),
    TEST("test"),
    STAGING("staging"),
    PRODUCTION("production");

    private final String id;

    Environment(String id) {
        this.id = id;
    }

    /** The lower-case name used in files, on the command line and in logs. */
    public String id() {
        return id;
    }

    /**
     * Parses an environment strictly: one of the four ids, case-insensitive, nothing else.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Environment parse(String text) {
        if (text != null) {
            String wanted = text.trim().toLowerCase(Locale.ROOT);
            for (Environment environment : values()) {
                if (environment.id.equals(wanted)) {
                    return environment;
                }
            }
        }
        throw new IllegalArgumentException("Unknown environment '" + text + "': expected one of "
                + Arrays.stream(values()).map(Environment::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
