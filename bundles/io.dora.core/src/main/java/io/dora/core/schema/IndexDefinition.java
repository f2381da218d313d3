package io.dora.core.schema;

import java.util.List;

/**
 * An index of a table.
 *
 * @param name    the index's name
 * @param unique  whether it enforces uniqueness
 * @param columns the indexed columns (or expressions) in order
 */
public record IndexDefinition(String name, boolean unique, List<String> columns) {

    public IndexDefinition {
        columns = List.copyOf(columns);
    }
}
