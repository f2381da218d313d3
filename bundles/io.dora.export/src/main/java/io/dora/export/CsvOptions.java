package io.dora.export;

import java.util.Objects;

/**
 * How a CSV file is written. Fields are quoted as RFC 4180 says (when they hold the delimiter, a quote or a
 * line break); lines end with CRLF.
 *
 * @param delimiter     the field separator; not a quote, CR or LF
 * @param nullMarker    what a NULL is written as; empty by default, and then an empty string is written as
 *                      {@code ""} so that the two stay distinct
 * @param byteOrderMark whether the file starts with a UTF-8 byte order mark, which Excel needs to read UTF-8
 */
public record CsvOptions(char delimiter, String nullMarker, boolean byteOrderMark) {

    public CsvOptions {
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("The CSV delimiter cannot be a quote or a line break");
        }
        Objects.requireNonNull(nullMarker, "nullMarker");
        if (nullMarker.indexOf(delimiter) >= 0 || nullMarker.contains("\"") || nullMarker.contains("\n")
                || nullMarker.contains("\r")) {
            throw new IllegalArgumentException("The NULL marker cannot hold the delimiter, a quote or a line break");
        }
    }

    /** Comma, NULL as an empty field, no byte order mark. */
    public static CsvOptions defaults() {
        return new CsvOptions(',', "", false);
    }

    public CsvOptions withDelimiter(char value) {
        return new CsvOptions(value, nullMarker, byteOrderMark);
    }

    public CsvOptions withNullMarker(String value) {
        return new CsvOptions(delimiter, value, byteOrderMark);
    }

    public CsvOptions withByteOrderMark(boolean value) {
        return new CsvOptions(delimiter, nullMarker, value);
    }
}
