package io.dora.driver.jdbc;

import java.sql.SQLException;

/**
 * Runs a short administrative statement (e.g. {@code KILL QUERY 42}) on a control connection: one that is
 * not the connection of the query it acts on, and not taken from the query pool, so it is available even
 * when every query connection is busy.
 */
@FunctionalInterface
public interface ControlSql {

    void execute(String sql) throws SQLException;
}
