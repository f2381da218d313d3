package io.dora.core.schema;

import java.util.List;

/**
 * A foreign key of a table.
 *
 * @param name              the constraint's name; empty when unnamed
 * @param columns           the referencing columns, in key order
 * @param referencedTable   the table referred to
 * @param referencedColumns the referred columns, in key order
 * @param onUpdate          the update rule, e.g. {@code CASCADE}, {@code NO ACTION}
 * @param onDelete          the delete rule
 */
public record ForeignKey(String name, List<String> columns, TableRef referencedTable,
        List<String> referencedColumns, String onUpdate, String onDelete) {

    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }
}
