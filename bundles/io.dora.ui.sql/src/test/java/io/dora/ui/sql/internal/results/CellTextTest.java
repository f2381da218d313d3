package io.dora.ui.sql.internal.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Types;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dora.core.query.ColumnInfo;

class CellTextTest {

    @Test
    void nullAndTheEmptyStringLookDifferent() {
        assertEquals(CellText.NULL, CellText.display(null));
        assertEquals("", CellText.display(""));
        assertEquals("0x0aff", CellText.display(new byte[] { 10, -1 }));
    }

    @Test
    void rowsAreCopiedAsTabSeparatedValuesWithEscapes() {
        List<ColumnInfo> header = List.of(new ColumnInfo("id", "INTEGER", Types.INTEGER, "java.lang.Integer", false),
                new ColumnInfo("name", "TEXT", Types.VARCHAR, "java.lang.String", true));
        List<Object[]> rows = List.of(new Object[] { 1, "a\tb" }, new Object[] { 2, null });
        assertEquals("id\tname\n1\ta\\tb\n2\t\n", CellText.tsv(header, rows, -1));
        assertEquals("a\\tb\n\n", CellText.tsv(null, rows, 1));
    }
}
