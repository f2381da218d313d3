package io.dora.export;

import java.util.Objects;

import io.dora.core.query.StatementOptions;

/**
 * How to export.
 *
 * @param format    the file format
 * @param csv       the CSV options (ignored by the JSON formats)
 * @param fetchSize rows fetched per round trip; at least 1
 */
public record ExportSettings(ExportFormat format, CsvOptions csv, int fetchSize) {

    public ExportSettings {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(csv, "csv");
        if (fetchSize < 1) {
            throw new IllegalArgumentException("The fetch size must be at least 1, not " + fetchSize);
        }
    }

    public static ExportSettings of(ExportFormat format) {
        return new ExportSettings(format, CsvOptions.defaults(), StatementOptions.DEFAULT_FETCH_SIZE);
    }

    public ExportSettings withCsv(CsvOptions value) {
        return new ExportSettings(format, value, fetchSize);
    }

    public ExportSettings withFetchSize(int value) {
        return new ExportSettings(format, csv, value);
    }
}
