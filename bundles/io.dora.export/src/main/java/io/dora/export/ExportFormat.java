package io.dora.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The file formats a result can be exported to. */
public enum ExportFormat {
    /** RFC 4180 comma-separated values with a header line. */
    CSV("csv", "csv"),
    /** One JSON array of objects, one object per row. */
    JSON("json", "json"),
    /** JSON Lines: one object per row and line. */
    JSONL("jsonl", "jsonl");

    private final String id;
    private final String extension;

    ExportFormat(String id, String extension) {
        this.id = id;
        this.extension = extension;
    }

    public String id() {
        return id;
    }

    /** The usual file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** Parses an id strictly, case-insensitive. */
    public static ExportFormat parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (ExportFormat format : values()) {
            if (format.id.equals(wanted)) {
                return format;
            }
        }
        throw new IllegalArgumentException("Unknown export format '" + text + "': expected one of "
                + Arrays.stream(values()).map(ExportFormat::id).collect(Collectors.joining(", ")));
    }
}
