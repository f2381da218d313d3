package io.dora.core.query;

/**
 * One column of a result set.
 *
 * @param label     the label as the query named it
 * @param typeName  the database's type name, e.g. {@code int4}, {@code VARCHAR}
 * @param jdbcType  the {@link java.sql.Types} code, or {@link java.sql.Types#OTHER} for non-JDBC drivers
 * @param javaClass the class of the values the driver hands out, e.g. {@code java.lang.Integer}
 * @param nullable  whether the column may hold null; true when unknown
 */
public record ColumnInfo(String label, String typeName, int jdbcType, String javaClass, boolean nullable) {
}
