package io.dora.ui.sql.internal.results;

import java.util.HexFormat;
import java.util.List;

import io.dora.core.query.ColumnInfo;

/** How values read from the server are written as text: in grid cells and in TSV copies. */
public final class CellText {

    /** What a cell shows for SQL NULL, drawn grey so it is never mistaken for the text "NULL". */
    public static final String NULL = "NULL";

    private static final int MAX_CELL_CHARS = 2_000;
    private static final int MAX_BINARY_BYTES = 64;

    private CellText() {
    }

    /** The cell text of a value; null values are {@link #NULL}, long values cut with an ellipsis. */
    public static String display(Object value) {
        if (value == null) {
            return NULL;
        }
        String text = text(value);
        String oneLine = text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        return oneLine.length() > MAX_CELL_CHARS ? oneLine.substring(0, MAX_CELL_CHARS) + "\u2026" : oneLine;
    }

    /** The rows as tab-separated values, NULL as an empty field, tabs and line breaks escaped. */
    public static String tsv(List<ColumnInfo> header, List<Object[]> rows, int onlyColumn) {
        StringBuilder out = new StringBuilder();
        if (header != null) {
            appendLine(out, header.stream().map(ColumnInfo::label).toArray(), onlyColumn);
        }
        for (Object[] row : rows) {
            appendLine(out, row, onlyColumn);
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, Object[] values, int onlyColumn) {
        for (int i = 0; i < values.length; i++) {
            if (onlyColumn >= 0 && i != onlyColumn) {
                continue;
            }
            if (onlyColumn < 0 && i > 0) {
                out.append('\t');
            }
            Object value = values[i];
            if (value != null) {
                out.append(text(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                        .replace("\r", "\\r"));
            }
        }
        out.append('\n');
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            int shown = Math.min(bytes.length, MAX_BINARY_BYTES);
            String hex = HexFormat.of().formatHex(bytes, 0, shown);
            return "0x" + hex + (shown < bytes.length ? "\u2026 (" + bytes.length + " bytes)" : "");
        }
        return String.valueOf(value);
    }
}
