package io.dora.export.internal;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.Locale;

import io.dora.core.query.ColumnInfo;

/** How exported values are written as text: dates and times as ISO-8601, binary as base64, decimals plain. */
final class ValueText {

    private ValueText() {
    }

    /**
     * The text of a non-null value.
     *
     * @param zoned whether the column holds instants (a timestamp with time zone), written in UTC with a
     *              {@code Z}; other timestamps keep the wall-clock time the server sent
     */
    static String of(Object value, boolean zoned) {
        return switch (value) {
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            case java.sql.Timestamp timestamp -> zoned ? timestamp.toInstant().toString()
                    : timestamp.toLocalDateTime().toString();
            case java.sql.Date date -> date.toLocalDate().toString();
            case java.sql.Time time -> time.toLocalTime().toString();
            case java.util.Date date -> date.toInstant().toString();
            case BigDecimal decimal -> decimal.toPlainString();
            default -> String.valueOf(value);
        };
    }

    /** Whether the column's type is a timestamp with time zone ({@code timestamptz}, {@code ... WITH TIME ZONE}). */
    static boolean isZoned(ColumnInfo column) {
        String type = column.typeName() == null ? "" : column.typeName().toLowerCase(Locale.ROOT);
        return type.equals("timestamptz") || type.contains("with time zone");
    }
}
