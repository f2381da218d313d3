package io.dora.core.schema;

/**
 * An entry of a namespace's table list.
 *
 * @param ref     where it is
 * @param kind    table, view, ...
 * @param comment the comment or remarks; empty when none
 */
public record TableInfo(TableRef ref, TableKind kind, String comment) {

    public String name() {
        return ref.name();
    }
}
