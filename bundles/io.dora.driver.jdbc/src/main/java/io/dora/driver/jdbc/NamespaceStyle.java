package io.dora.driver.jdbc;

/** How a database names the namespaces that hold tables, which decides how JDBC metadata is asked. */
public enum NamespaceStyle {
    /** Schemas inside the connected database (PostgreSQL). */
    SCHEMAS,
    /** Databases reported as JDBC catalogs (MySQL, MariaDB). */
    CATALOGS,
    /** One namespace, {@code main} (SQLite). */
    SINGLE
}
