package io.dora.driver.jdbc.internal;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.schema.ColumnDefinition;
import io.dora.core.schema.ForeignKey;
import io.dora.core.schema.IndexDefinition;
import io.dora.core.schema.MetadataReader;
import io.dora.core.schema.PrimaryKey;
import io.dora.core.schema.SchemaRef;
import io.dora.core.schema.TableDetails;
import io.dora.core.schema.TableInfo;
import io.dora.core.schema.TableKind;
import io.dora.core.schema.TableRef;
import io.dora.driver.jdbc.JdbcDialect;
import io.dora.driver.jdbc.NamespaceStyle;

/** Schema metadata through {@link DatabaseMetaData}, on the control pool so it never waits behind a query. */
final class JdbcMetadataReader implements MetadataReader {

    private static final String SQLITE_MAIN = "main";

    private final JdbcDatabaseConnection connection;
    private final JdbcDialect dialect;

    JdbcMetadataReader(JdbcDatabaseConnection connection, JdbcDialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    @Override
    public List<SchemaRef> schemas() {
        return read(metaData -> {
            List<SchemaRef> schemas = new ArrayList<>();
            switch (dialect.namespaceStyle()) {
                case SCHEMAS -> {
                    String catalog = metaData.getConnection().getCatalog();
                    try (ResultSet rs = metaData.getSchemas()) {
                        while (rs.next()) {
                            schemas.add(new SchemaRef(catalog, rs.getString("TABLE_SCHEM")));
                        }
                    }
                }
                case CATALOGS -> {
                    try (ResultSet rs = metaData.getCatalogs()) {
                        while (rs.next()) {
                            schemas.add(new SchemaRef(rs.getString("TABLE_CAT"), null));
                        }
                    }
                }
                case SINGLE -> schemas.add(new SchemaRef(null, SQLITE_MAIN));
            }
            return schemas;
        });
    }

    @Override
    public List<TableInfo> tables(SchemaRef schema) {
        return read(metaData -> {
            List<TableInfo> tables = new ArrayList<>();
            try (ResultSet rs = metaData.getTables(catalogOf(schema), schemaOf(schema), "%", null)) {
                while (rs.next()) {
                    TableKind kind = kind(rs.getString("TABLE_TYPE"));
                    if (kind == TableKind.OTHER) {
                        continue; // indexes, sequences, types: not relations
                    }
                    String remarks = rs.getString("REMARKS");
                    tables.add(new TableInfo(new TableRef(schema, rs.getString("TABLE_NAME")), kind,
                            remarks == null ? "" : remarks));
                }
            }
            return tables;
        });
    }

    @Override
    public TableDetails table(TableRef table) {
        return read(metaData -> {
            TableInfo info = tableInfo(metaData, table);
            return new TableDetails(info, columns(metaData, table), primaryKey(metaData, table),
                    foreignKeys(metaData, table), indexes(metaData, table));
        });
    }

    private TableInfo tableInfo(DatabaseMetaData metaData, TableRef table) throws SQLException {
        try (ResultSet rs = metaData.getTables(catalogOf(table.schema()), schemaOf(table.schema()), table.name(), null)) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equals(table.name())) {
                    String remarks = rs.getString("REMARKS");
                    return new TableInfo(table, kind(rs.getString("TABLE_TYPE")), remarks == null ? "" : remarks);
                }
            }
        }
        throw new DoraException(ErrorKind.UNDEFINED_OBJECT, "The table " + table + " does not exist");
    }

    private List<ColumnDefinition> columns(DatabaseMetaData metaData, TableRef table) throws SQLException {
        List<ColumnDefinition> columns = new ArrayList<>();
        try (ResultSet rs = metaData.getColumns(catalogOf(table.schema()), schemaOf(table.schema()), table.name(), "%")) {
            while (rs.next()) {
                if (!rs.getString("TABLE_NAME").equals(table.name())) {
                    continue; // '_' in a name is a LIKE wildcard
                }
                String remarks = rs.getString("REMARKS");
                columns.add(new ColumnDefinition(rs.getString("COLUMN_NAME"), rs.getInt("ORDINAL_POSITION"),
                        rs.getString("TYPE_NAME"), rs.getInt("DATA_TYPE"), rs.getInt("COLUMN_SIZE"),
                        rs.getInt("DECIMAL_DIGITS"), rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                        rs.getString("COLUMN_DEF"), "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT")),
                        remarks == null ? "" : remarks));
            }
        }
        return columns;
    }

    private PrimaryKey primaryKey(DatabaseMetaData metaData, TableRef table) throws SQLException {
        Map<Integer, String> columns = new TreeMap<>();
        String name = "";
        try (ResultSet rs = metaData.getPrimaryKeys(catalogOf(table.schema()), schemaOf(table.schema()), table.name())) {
            while (rs.next()) {
                columns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                String pkName = rs.getString("PK_NAME");
                name = pkName == null ? "" : pkName;
            }
        }
        return columns.isEmpty() ? null : new PrimaryKey(name, List.copyOf(columns.values()));
    }

    private List<ForeignKey> foreignKeys(DatabaseMetaData metaData, TableRef table) throws SQLException {
        record Key(String name, TableRef target, String onUpdate, String onDelete) {
        }
        Map<Key, Map<Integer, String[]>> keys = new LinkedHashMap<>();
        try (ResultSet rs = metaData.getImportedKeys(catalogOf(table.schema()), schemaOf(table.schema()), table.name())) {
            while (rs.next()) {
                String name = rs.getString("FK_NAME");
                TableRef target = new TableRef(referencedSchema(table.schema(), rs.getString("PKTABLE_CAT"),
                        rs.getString("PKTABLE_SCHEM")), rs.getString("PKTABLE_NAME"));
                Key key = new Key(name == null ? "" : name, target, rule(rs.getShort("UPDATE_RULE")),
                        rule(rs.getShort("DELETE_RULE")));
                keys.computeIfAbsent(key, k -> new TreeMap<>()).put(rs.getInt("KEY_SEQ"),
                        new String[] { rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME") });
            }
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        keys.forEach((key, pairs) -> foreignKeys.add(new ForeignKey(key.name(),
                pairs.values().stream().map(pair -> pair[0]).toList(), key.target(),
                pairs.values().stream().map(pair -> pair[1]).toList(), key.onUpdate(), key.onDelete())));
        return foreignKeys;
    }

    private List<IndexDefinition> indexes(DatabaseMetaData metaData, TableRef table) throws SQLException {
        Map<String, Boolean> unique = new LinkedHashMap<>();
        Map<String, Map<Integer, String>> columns = new LinkedHashMap<>();
        try (ResultSet rs = metaData.getIndexInfo(catalogOf(table.schema()), schemaOf(table.schema()), table.name(), false, true)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                    continue;
                }
                unique.put(name, !rs.getBoolean("NON_UNIQUE"));
                columns.computeIfAbsent(name, n -> new TreeMap<>()).put((int) rs.getShort("ORDINAL_POSITION"),
                        rs.getString("COLUMN_NAME"));
            }
        }
        List<IndexDefinition> indexes = new ArrayList<>();
        unique.forEach((name, isUnique) -> indexes.add(new IndexDefinition(name, isUnique, List.copyOf(columns.get(name).values()))));
        return indexes;
    }

    private String catalogOf(SchemaRef schema) {
        return dialect.namespaceStyle() == NamespaceStyle.CATALOGS ? schema.catalog() : null;
    }

    private String schemaOf(SchemaRef schema) {
        return dialect.namespaceStyle() == NamespaceStyle.SCHEMAS ? schema.schema() : null;
    }

    private SchemaRef referencedSchema(SchemaRef own, String catalog, String schema) {
        return switch (dialect.namespaceStyle()) {
            case SCHEMAS -> schema == null ? own : new SchemaRef(own.catalog(), schema);
            case CATALOGS -> catalog == null ? own : new SchemaRef(catalog, null);
            case SINGLE -> own;
        };
    }

    private static TableKind kind(String tableType) {
        String type = tableType == null ? "" : tableType.toUpperCase(Locale.ROOT);
        return switch (type) {
            case "TABLE", "BASE TABLE", "PARTITIONED TABLE", "TEMPORARY TABLE", "LOCAL TEMPORARY" -> TableKind.TABLE;
            case "VIEW", "SYSTEM VIEW" -> TableKind.VIEW;
            case "MATERIALIZED VIEW" -> TableKind.MATERIALIZED_VIEW;
            case "FOREIGN TABLE" -> TableKind.FOREIGN_TABLE;
            case "SYSTEM TABLE", "SYSTEM TOAST TABLE", "GLOBAL TEMPORARY" -> TableKind.SYSTEM_TABLE;
            default -> TableKind.OTHER;
        };
    }

    private static String rule(short rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> "CASCADE";
            case DatabaseMetaData.importedKeySetNull -> "SET NULL";
            case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
            case DatabaseMetaData.importedKeyRestrict -> "RESTRICT";
            default -> "NO ACTION";
        };
    }

    @FunctionalInterface
    private interface MetadataQuery<T> {
        T read(DatabaseMetaData metaData) throws SQLException;
    }

    private <T> T read(MetadataQuery<T> query) {
        try {
            return connection.withControlConnection(c -> query.read(c.getMetaData()));
        } catch (SQLException e) {
            throw SqlErrors.translate(e, dialect);
        }
    }
}
