package io.dora.export.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.dora.core.query.ColumnInfo;
import io.dora.export.CsvOptions;

/** RFC 4180 CSV in UTF-8: a header line, CRLF line ends, fields quoted only when they need it. */
final class CsvResultSink extends FileResultSink {

    private static final int BUFFER_CHARS = 64 * 1024;

    private final Writer out;
    private final CsvOptions options;
    private boolean[] zoned = new boolean[0];

    CsvResultSink(OutputStream stream, CsvOptions options) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), BUFFER_CHARS);
        this.options = options;
    }

    @Override
    void begin(List<ColumnInfo> columns) throws IOException {
        if (options.byteOrderMark()) {
            out.write('\uFEFF');
        }
        zoned = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            zoned[i] = ValueText.isZoned(columns.get(i));
            separate(i);
            field(columns.get(i).label());
        }
        out.write("\r\n");
    }

    @Override
    void write(Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            separate(i);
            Object value = values[i];
            if (value == null) {
                out.write(options.nullMarker());
            } else {
                field(ValueText.of(value, i < zoned.length && zoned[i]));
            }
        }
        out.write("\r\n");
    }

    @Override
    void end() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void separate(int column) throws IOException {
        if (column > 0) {
            out.write(options.delimiter());
        }
    }

    /** Quotes a value that holds the delimiter, a quote or a line break, or that would read back as NULL. */
    private void field(String text) throws IOException {
        boolean readsAsNull = text.equals(options.nullMarker());
        if (readsAsNull || needsQuotes(text)) {
            out.write('"');
            out.write(text.replace("\"", "\"\""));
            out.write('"');
        } else {
            out.write(text);
        }
    }

    private boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == options.delimiter() || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
