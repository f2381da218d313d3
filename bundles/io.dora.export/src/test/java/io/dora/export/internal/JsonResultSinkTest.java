package io.dora.export.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dora.core.query.ColumnInfo;

class JsonResultSinkTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static ColumnInfo column(String label, String type) {
        return new ColumnInfo(label, type, Types.OTHER, Object.class.getName(), true);
    }

    private static String json(boolean lines, List<ColumnInfo> columns, Object[]... rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonResultSink sink = new JsonResultSink(out, lines)) {
            sink.resultSetStarted(columns);
            for (Object[] row : rows) {
                assertTrue(sink.row(row));
            }
            sink.resultSetEnded(rows.length, false);
            sink.finish();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anArrayOfObjectsOnePerLineThatKeepsTheTypes() throws IOException {
        Timestamp timestamp = Timestamp.valueOf(LocalDateTime.of(2026, 1, 2, 3, 4, 5));
        String text = json(false,
                List.of(column("i", "int4"), column("big", "numeric"), column("f", "float8"), column("ok", "bool"),
                        column("s", "text"), column("nothing", "text"), column("ts", "timestamp"),
                        column("odt", "timestamptz"), column("bin", "bytea"), column("nan", "float8")),
                new Object[] { 42, new BigDecimal("12345678901234567890.5"), 1.5, true, "ünï \"q\"\n", null, timestamp,
                        OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)), new byte[] { 1, 2, 3 },
                        Double.NaN },
                new Object[] { -1, BigDecimal.ZERO, 0.0, false, "", null, null, null, new byte[0], 2.0 });
        List<String> lines = text.lines().toList();
        assertEquals(4, lines.size(), "[, a row per line, ]: " + text);
        assertEquals("[", lines.get(0));
        assertEquals("]", lines.get(3));
        JsonNode rows = JSON.readTree(text);
        JsonNode first = rows.get(0);
        assertTrue(first.get("i").isInt());
        assertEquals(new BigDecimal("12345678901234567890.5"), first.get("big").decimalValue());
        assertTrue(first.get("big").isNumber(), "a number, not a string");
        assertEquals(1.5, first.get("f").doubleValue());
        assertTrue(first.get("f").isNumber());
        assertTrue(first.get("ok").isBoolean() && first.get("ok").booleanValue());
        assertEquals("ünï \"q\"\n", first.get("s").textValue());
        assertTrue(first.get("nothing").isNull());
        assertEquals("2026-01-02T03:04:05", first.get("ts").textValue());
        assertEquals("2026-01-02T03:04:05+02:00", first.get("odt").textValue());
        assertEquals("AQID", first.get("bin").textValue());
        assertEquals("NaN", first.get("nan").textValue(), "NaN is not a JSON number");
        assertEquals("", rows.get(1).get("s").textValue(), "an empty string stays distinct from null");
        assertTrue(rows.get(1).get("ts").isNull());
    }

    @Test
    void jsonLinesHaveOneObjectALine() throws IOException {
        String text = json(true, List.of(column("n", "int4")), new Object[] { 1 }, new Object[] { 2 });
        assertEquals("{\"n\":1}\n{\"n\":2}\n", text);
    }

    @Test
    void anEmptyResultIsAnEmptyArray() throws IOException {
        assertEquals("[]\n", json(false, List.of(column("n", "int4"))));
    }

    @Test
    void repeatedLabelsGetASuffixSoNoValueIsLost() throws IOException {
        String text = json(true, List.of(column("id", "int4"), column("id", "int4"), column("id_2", "int4")),
                new Object[] { 1, 2, 3 });
        JsonNode row = JSON.readTree(text);
        assertEquals(3, row.size(), text);
        assertEquals(1, row.get("id").intValue());
    }

    @Test
    void aMongoDbRowIsItsWholeDocument() throws IOException {
        String document = "{\"_id\": {\"$oid\": \"65a1b2c3d4e5f60718293a4b\"}, \"name\": \"Ada\", \"tags\": [\"x\", \"y\"],"
                + " \"nested\": {\"n\": 1}}";
        List<ColumnInfo> columns = List.of(column("_id", "objectId"), column("name", "string"),
                new ColumnInfo(JsonResultSink.DOCUMENT_LABEL, JsonResultSink.DOCUMENT_TYPE, Types.OTHER,
                        String.class.getName(), false));
        String text = json(false, columns, new Object[] { "65a1b2c3d4e5f60718293a4b", "Ada", document });
        JsonNode row = JSON.readTree(text).get(0);
        assertEquals(JSON.readTree(document), row, text);
        assertEquals("65a1b2c3d4e5f60718293a4b", row.get("_id").get("$oid").textValue());
    }
}
