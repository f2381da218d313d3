package io.dora.export.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;

import io.dora.core.query.ColumnInfo;

/**
 * JSON in UTF-8, one object per row keyed by the column labels: either one array (an object per line) or
 * JSON Lines. Types are kept: numbers, booleans and null as such, dates and times as ISO-8601 strings, binary
 * as base64. A MongoDB result's {@code (document)} column is the whole document as relaxed JSON: the row is
 * written as that document itself.
 */
final class JsonResultSink extends FileResultSink {

    /** The label and type the MongoDB driver gives the column that holds the whole document. */
    static final String DOCUMENT_LABEL = "(document)";
    static final String DOCUMENT_TYPE = "document";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private final JsonGenerator out;
    private final boolean lines;
    private String[] names = new String[0];
    private boolean[] zoned = new boolean[0];
    private int documentColumn = -1;

    JsonResultSink(OutputStream stream, boolean lines) throws IOException {
        this.out = FACTORY.createGenerator(stream, JsonEncoding.UTF8);
        this.lines = lines;
        if (lines) {
            out.setRootValueSeparator(null);
        } else {
            out.setPrettyPrinter(new OneRowPerLine());
        }
    }

    @Override
    void begin(List<ColumnInfo> columns) throws IOException {
        names = uniqueNames(columns);
        zoned = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            ColumnInfo column = columns.get(i);
            zoned[i] = ValueText.isZoned(column);
            if (column.label().equals(DOCUMENT_LABEL) && DOCUMENT_TYPE.equals(column.typeName())) {
                documentColumn = i;
            }
        }
        if (!lines) {
            out.writeStartArray();
        }
    }

    @Override
    void write(Object[] values) throws IOException {
        if (documentColumn >= 0 && documentColumn < values.length && values[documentColumn] instanceof String document) {
            out.writeRawValue(document);
        } else {
            out.writeStartObject();
            for (int i = 0; i < values.length && i < names.length; i++) {
                out.writeFieldName(names[i]);
                value(values[i], zoned[i]);
            }
            out.writeEndObject();
        }
        if (lines) {
            out.writeRaw('\n');
        }
    }

    @Override
    void end() throws IOException {
        if (!lines) {
            out.writeEndArray();
            out.writeRaw('\n');
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void value(Object value, boolean zonedColumn) throws IOException {
        switch (value) {
            case null -> out.writeNull();
            case Boolean flag -> out.writeBoolean(flag);
            case Integer number -> out.writeNumber(number);
            case Long number -> out.writeNumber(number);
            case Short number -> out.writeNumber(number);
            case Byte number -> out.writeNumber(number);
            case BigInteger number -> out.writeNumber(number);
            case BigDecimal number -> out.writeNumber(number);
            // NaN and the infinities are not JSON numbers
            case Double number when Double.isFinite(number) -> out.writeNumber(number);
            case Float number when Float.isFinite(number) -> out.writeNumber(number);
            default -> out.writeString(ValueText.of(value, zonedColumn));
        }
    }

    /** The labels as keys; a repeated label gets a suffix ({@code id}, {@code id_2}) so no key is lost. */
    static String[] uniqueNames(List<ColumnInfo> columns) {
        Set<String> used = new HashSet<>();
        String[] result = new String[columns.size()];
        for (int i = 0; i < result.length; i++) {
            String label = columns.get(i).label();
            String name = label;
            for (int n = 2; !used.add(name); n++) {
                name = label + "_" + n;
            }
            result[i] = name;
        }
        return result;
    }

    /** Compact objects, each on a line of its own inside the array, so the file reads and diffs well. */
    private static final class OneRowPerLine extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(",\n");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            g.writeRaw(nrOfValues > 0 ? "\n]" : "]");
        }
    }
}
