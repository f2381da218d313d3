package io.dora.ui.sql.internal.editor;

import java.util.Locale;
import java.util.regex.Pattern;

import io.dora.core.schema.TableRef;
import io.dora.ui.sql.internal.text.SqlKeywords;

/**
 * The {@code SELECT * FROM ...} that opens a table's data, with names quoted only where the dialect needs it; for
 * MongoDB the collection's {@code find({})} in its database.
 */
public final class TableDataQuery {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private TableDataQuery() {
    }

    public static String selectAll(TableRef table, String dialect) {
        String schema = table.schema().schema() != null ? table.schema().schema() : table.schema().catalog();
        if ("mongo".equals(dialect)) {
            return "db.getSiblingDB(" + jsonString(schema) + ").getCollection(" + jsonString(table.name())
                    + ").find({})";
        }
        boolean sqliteMain = "sqlite".equals(dialect) && "main".equals(schema);
        String prefix = schema == null || sqliteMain ? "" : quote(schema, dialect) + ".";
        return "SELECT * FROM " + prefix + quote(table.name(), dialect);
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String quote(String name, String dialect) {
        boolean plain = PLAIN.matcher(name).matches()
                && !SqlKeywords.of(dialect).contains(name.toUpperCase(Locale.ROOT))
                && (!"postgres".equals(dialect) || name.equals(name.toLowerCase(Locale.ROOT)));
        if (plain) {
            return name;
        }
        String quote = "mysql".equals(dialect) || "mariadb".equals(dialect) ? "`" : "\"";
        return quote + name.replace(quote, quote + quote) + quote;
    }
}
