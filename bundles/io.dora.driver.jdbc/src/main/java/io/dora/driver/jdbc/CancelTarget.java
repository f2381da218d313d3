package io.dora.driver.jdbc;

import java.sql.Statement;
import java.util.OptionalLong;

/**
 * A statement being cancelled.
 *
 * @param statement the running JDBC statement
 * @param backendId the server's id of the connection it runs on (PostgreSQL backend PID, MySQL connection
 *                  id), empty when the database has none
 * @param control   runs administrative SQL on another connection
 */
public record CancelTarget(Statement statement, OptionalLong backendId, ControlSql control) {
}
