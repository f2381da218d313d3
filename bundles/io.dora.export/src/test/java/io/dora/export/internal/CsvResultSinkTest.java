package io.dora.export.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dora.core.query.ColumnInfo;
import io.dora.export.CsvOptions;

class CsvResultSinkTest {

    private static ColumnInfo column(String label) {
        return column(label, "text");
    }

    private static ColumnInfo column(String label, String type) {
        return new ColumnInfo(label, type, Types.VARCHAR, String.class.getName(), true);
    }

    private static String csv(CsvOptions options, List<ColumnInfo> columns, Object[]... rows) throws IOException {
        return new String(bytes(options, columns, rows), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(CsvOptions options, List<ColumnInfo> columns, Object[]... rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvResultSink sink = new CsvResultSink(out, options)) {
            sink.resultSetStarted(columns);
            for (Object[] row : rows) {
                assertTrue(sink.row(row));
            }
            sink.resultSetEnded(rows.length, false);
            sink.finish();
            assertEquals(rows.length, sink.rows());
        }
        return out.toByteArray();
    }

    @Test
    void quotesOnlyWhatRfc4180Needs() throws IOException {
        String text = csv(CsvOptions.defaults(), List.of(column("plain"), column("tricky, \"header\"")),
                new Object[] { "a", "b,c" }, new Object[] { "say \"hi\"", "two\nlines\r\n" });
        assertEquals("plain,\"tricky, \"\"header\"\"\"\r\n"
                + "a,\"b,c\"\r\n"
                + "\"say \"\"hi\"\"\",\"two\nlines\r\n\"\r\n", text);
    }

    @Test
    void nullIsAnEmptyFieldAndAnEmptyStringIsQuoted() throws IOException {
        String text = csv(CsvOptions.defaults(), List.of(column("a"), column("b"), column("c")),
                new Object[] { null, "", "x" });
        assertEquals("a,b,c\r\n,\"\",x\r\n", text);
    }

    @Test
    void aChosenNullMarkerIsWrittenBareAndTheSameTextQuoted() throws IOException {
        String text = csv(CsvOptions.defaults().withNullMarker("NULL"), List.of(column("a"), column("b"), column("c")),
                new Object[] { null, "NULL", "" });
        assertEquals("a,b,c\r\nNULL,\"NULL\",\r\n", text);
    }

    @Test
    void anotherDelimiterIsQuotedInsteadOfTheComma() throws IOException {
        String text = csv(CsvOptions.defaults().withDelimiter(';'), List.of(column("a"), column("b")),
                new Object[] { "1,5", "x;y" });
        assertEquals("a;b\r\n1,5;\"x;y\"\r\n", text);
    }

    @Test
    void writesUnicodeAsUtf8WithAnOptionalByteOrderMark() throws IOException {
        List<ColumnInfo> columns = List.of(column("naïve"));
        Object[] row = { "日本語 😀 Zürich" };
        byte[] plain = bytes(CsvOptions.defaults(), columns, row);
        assertEquals("naïve\r\n日本語 😀 Zürich\r\n", new String(plain, StandardCharsets.UTF_8));
        byte[] withBom = bytes(CsvOptions.defaults().withByteOrderMark(true), columns, row);
        assertArrayEquals(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, java.util.Arrays.copyOf(withBom, 3));
        assertEquals(plain.length + 3, withBom.length);
    }

    @Test
    void writesDatesAsIso8601BinaryAsBase64AndDecimalsPlain() throws IOException {
        Timestamp timestamp = Timestamp.valueOf(LocalDateTime.of(2026, 3, 4, 5, 6, 7, 890_000_000));
        String text = csv(CsvOptions.defaults(),
                List.of(column("ts", "timestamp"), column("tz", "timestamptz"), column("d"), column("bin"),
                        column("n"), column("flag")),
                new Object[] { timestamp, timestamp, java.sql.Date.valueOf("2026-03-04"), new byte[] { 0, 1, 2, (byte) 255 },
                        new BigDecimal("1E+3"), true });
        String row = text.lines().toList().get(1);
        assertEquals("2026-03-04T05:06:07.890," + timestamp.toInstant() + ",2026-03-04,AAEC/w==,1000,true", row);
    }

    @Test
    void aDelimiterThatCannotWorkIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CsvOptions.defaults().withDelimiter('"'));
        assertThrows(IllegalArgumentException.class, () -> CsvOptions.defaults().withNullMarker("a,b"));
    }

    @Test
    void onlyTheFirstResultSetIsWritten() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvResultSink sink = new CsvResultSink(out, CsvOptions.defaults())) {
            sink.resultSetStarted(List.of(column("first")));
            sink.row(new Object[] { 1 });
            sink.resultSetEnded(1, false);
            sink.resultSetStarted(List.of(column("second")));
            assertFalse(sink.row(new Object[] { 2 }), "the second result set is skipped");
            sink.resultSetEnded(0, true);
            sink.finish();
            assertFalse(sink.truncated(), "the first one was read whole");
        }
        assertEquals("first\r\n1\r\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFailingWriteStopsTheReadingAndIsReportedAtTheEnd() {
        OutputStream full = new OutputStream() {
            private int written;

            @Override
            public void write(int b) throws IOException {
                if (++written > 100_000) {
                    throw new IOException("No space left on device");
                }
            }
        };
        CsvResultSink sink = new CsvResultSink(full, CsvOptions.defaults());
        sink.resultSetStarted(List.of(column("x")));
        long accepted = 0;
        while (sink.row(new Object[] { "0123456789" })) {
            accepted++;
        }
        assertTrue(accepted < 20_000, "stopped once the stream failed: " + accepted);
        IOException failure = assertThrows(IOException.class, sink::finish);
        assertEquals("No space left on device", failure.getMessage());
    }
}
