package io.dora.core.schema;

/**
 * A namespace that holds tables: a PostgreSQL schema (catalog = the database), a MySQL database
 * (catalog = the database, no schema), SQLite's {@code main}, a MongoDB database.
 *
 * @param catalog the catalog (database), or {@code null} when the driver has none
 * @param schema  the schema, or {@code null} when the driver has none
 */
public record SchemaRef(String catalog, String schema) {

    public SchemaRef {
        if (catalog == null && schema == null) {
            throw new IllegalArgumentException("A schema reference needs a catalog or a schema");
        }
    }

    /** The name to show: the schema where there is one, else the catalog. */
    public String name() {
        return schema != null ? schema : catalog;
    }

    @Override
    public String toString() {
        return catalog == null ? schema : schema == null ? catalog : catalog + "." + schema;
    }
}
