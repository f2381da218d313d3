package io.dora.core.observe;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.driver.DriverInfo;
import io.dora.core.query.QueryId;
import io.dora.core.query.QueryRequest;

/**
 * A query as listeners see it.
 *
 * @param id      the query's id
 * @param spec    the spec of the connection it runs on (secrets stay in their {@code SecretString})
 * @param driver  the driver it runs through
 * @param request what runs (statement text as the user wrote it: redact before logging)
 */
public record QueryEvent(QueryId id, ConnectionSpec spec, DriverInfo driver, QueryRequest request) {
}
