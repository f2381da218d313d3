package io.dora.core.driver;

/**
 * What the server said about itself when the connection was opened.
 *
 * @param product the product as detected, e.g. "PostgreSQL", "MySQL", "MariaDB", "SQLite"
 * @param version the version string as the server reports it
 * @param major   the major version, 0 when unknown
 * @param minor   the minor version, 0 when unknown
 */
public record ServerInfo(String product, String version, int major, int minor) {

    @Override
    public String toString() {
        return product + " " + version;
    }
}
