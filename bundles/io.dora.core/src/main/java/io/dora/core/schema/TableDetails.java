package io.dora.core.schema;

import java.util.List;
import java.util.Optional;

/**
 * The structure of one table.
 *
 * @param table       the table
 * @param columns     its columns by position
 * @param primaryKey  its primary key, or {@code null}
 * @param foreignKeys the keys it declares to other tables
 * @param indexes     its indexes (the primary key's included where the database lists it)
 */
public record TableDetails(TableInfo table, List<ColumnDefinition> columns, PrimaryKey primaryKey,
        List<ForeignKey> foreignKeys, List<IndexDefinition> indexes) {

    public TableDetails {
        columns = List.copyOf(columns);
        foreignKeys = List.copyOf(foreignKeys);
        indexes = List.copyOf(indexes);
    }

    public Optional<PrimaryKey> primaryKeyIfAny() {
        return Optional.ofNullable(primaryKey);
    }

    public Optional<ColumnDefinition> column(String name) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }
}
