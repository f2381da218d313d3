package io.dora.core.schema;

/** What kind of relation a table entry is. */
public enum TableKind {
    TABLE, VIEW, MATERIALIZED_VIEW, FOREIGN_TABLE, SYSTEM_TABLE, COLLECTION, OTHER
}
