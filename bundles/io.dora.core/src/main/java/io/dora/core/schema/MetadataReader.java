package io.dora.core.schema;

import java.util.List;

import io.dora.core.error.DoraException;

/**
 * Reads schema metadata from the database, uncached; drivers implement it on connections of their own.
 * Callers use the cached {@link SchemaModel}.
 *
 * @throws DoraException from every method when the read fails
 */
public interface MetadataReader {

    /** The namespaces that hold tables, system ones included, in the order to show them. */
    List<SchemaRef> schemas();

    List<TableInfo> tables(SchemaRef schema);

    /** @throws DoraException of kind UNDEFINED_OBJECT when the table does not exist */
    TableDetails table(TableRef table);
}
