package io.dora.core.schema;

import java.util.List;

/** A primary key; {@code name} is empty when the database does not name it (SQLite). */
public record PrimaryKey(String name, List<String> columns) {

    public PrimaryKey {
        columns = List.copyOf(columns);
    }
}
