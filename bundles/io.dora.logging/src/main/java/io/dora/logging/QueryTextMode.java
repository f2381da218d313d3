package io.dora.logging;

import java.util.Locale;

/** How much of a query's text the query events in the log carry. */
public enum QueryTextMode {
    /** Literals (strings, numbers) replaced by {@code ?}, comments dropped: the shape without the data. */
    REDACTED,
    /** The text as sent. Literals may hold personal data or secrets: for development workspaces only. */
    FULL,
    /** No text at all. */
    OMITTED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static QueryTextMode parse(String text) {
        for (QueryTextMode mode : values()) {
            if (mode.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown query text mode '" + text + "': expected redacted, full or omitted");
    }
}
