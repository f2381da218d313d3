package io.dora.core.connection;

/** How a driver reaches its database, which decides the fields a connection spec must fill in. */
public enum EndpointKind {
    /** A server at host and port (PostgreSQL, MySQL, MongoDB). */
    SERVER,
    /** A local file named by the spec's database (SQLite). */
    FILE
}
