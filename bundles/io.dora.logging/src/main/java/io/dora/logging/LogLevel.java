package io.dora.logging;

import java.util.Locale;

/** The levels a logger can be set to; {@link #OFF} silences it. */
public enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR, OFF;

    /** Parses a level name, case-insensitive. @throws IllegalArgumentException naming the accepted values */
    public static LogLevel parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Unknown log level '" + text + "': expected TRACE, DEBUG, INFO, WARN, ERROR or OFF");
        }
    }
}
