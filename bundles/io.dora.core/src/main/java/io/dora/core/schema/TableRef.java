package io.dora.core.schema;

import java.util.Objects;

/** A table, view or collection in its namespace. */
public record TableRef(SchemaRef schema, String name) {

    public TableRef {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
