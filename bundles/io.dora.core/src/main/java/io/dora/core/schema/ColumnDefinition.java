package io.dora.core.schema;

/**
 * A column of a table.
 *
 * @param name         the column's name
 * @param position     its position, from 1
 * @param typeName     the database's type name, e.g. {@code varchar}, {@code int4}
 * @param jdbcType     the {@link java.sql.Types} code, {@link java.sql.Types#OTHER} when unknown
 * @param size         the length or precision; 0 when not applicable
 * @param scale        the scale; 0 when not applicable
 * @param nullable     whether it accepts null
 * @param defaultValue the default expression, or {@code null}
 * @param autoIncrement whether the server generates its values
 * @param comment      the comment; empty when none
 */
public record ColumnDefinition(String name, int position, String typeName, int jdbcType, int size, int scale,
        boolean nullable, String defaultValue, boolean autoIncrement, String comment) {
}
