package io.dora.core.driver;

/** A feature a driver may or may not offer; the UI and the engine ask before they offer or use it. */
public enum Capability {
    /** Explicit begin, commit and rollback, and an auto-commit switch. */
    TRANSACTIONS,
    /** Statements that change data or schema. */
    MUTATIONS,
    /** One execution may return several result sets and update counts. */
    MULTIPLE_RESULTS,
    /** The server sends notices and warnings (e.g. PostgreSQL {@code RAISE NOTICE}). */
    SERVER_NOTICES,
    /** Results are streamed with a fetch size instead of loaded whole into memory. */
    STREAMING,
    /** The connection can be reached through an SSH tunnel. */
    SSH,
    /** The connection can be encrypted with TLS. */
    TLS,
    /** The server has several catalogs (databases) visible from one connection. */
    CATALOGS,
    /** Objects live in schemas. */
    SCHEMAS,
    /** Session-level settings ({@code SET ...}) that pin a session to one physical connection. */
    SESSION_SETTINGS,
    /** A query timeout that cancels the query on the server. */
    QUERY_TIMEOUT
}
