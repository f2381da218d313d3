package io.dora.core.query;

/**
 * A message from the server that is not an error: a PostgreSQL notice, a MySQL warning.
 *
 * @param severity the server's level, e.g. {@code NOTICE}, {@code WARNING}; {@code WARNING} when unknown
 * @param message  the text
 * @param sqlState the SQLSTATE, or {@code null}
 */
public record Notice(String severity, String message, String sqlState) {
}
