package io.dora.driver.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Driver;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.EndpointKind;
import io.dora.core.driver.CancelSupport;
import io.dora.core.driver.DriverCapabilities;
import io.dora.core.driver.DriverInfo;
import io.dora.core.error.ErrorKind;

class StatementClassificationTest {

    private final JdbcDialect dialect = new JdbcDialect() {
        @Override
        public DriverInfo info() {
            return new DriverInfo("t", "Test", EndpointKind.SERVER, 1, "sql");
        }

        @Override
        public DriverCapabilities capabilities() {
            return DriverCapabilities.of(CancelSupport.NONE);
        }

        @Override
        public Driver newJdbcDriver() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String jdbcUrl(ConnectionSpec spec) {
            return "";
        }

        @Override
        public Properties connectionProperties(ConnectionSpec spec) {
            return new Properties();
        }

        @Override
        public NamespaceStyle namespaceStyle() {
            return NamespaceStyle.SCHEMAS;
        }
    };

    @Test
    void findsTheLeadingKeywordBehindComments() {
        assertEquals("SELECT", JdbcDialect.leadingKeyword("  -- why\n /* block */ select 1"));
        assertEquals("", JdbcDialect.leadingKeyword("-- only a comment"));
        assertTrue(JdbcDialect.returnsRows("WITH x AS (SELECT 1) SELECT * FROM x"));
        assertFalse(JdbcDialect.returnsRows("INSERT INTO t SELECT 1"));
    }

    @Test
    void statementsThatLeaveSessionStatePinTheSession() {
        assertTrue(dialect.changesSessionState("SET search_path TO shop"));
        assertTrue(dialect.changesSessionState("/* x */ use shop"));
        assertTrue(dialect.changesSessionState("CREATE TEMPORARY TABLE t (x int)"));
        assertTrue(dialect.changesSessionState("create temp table t (x int)"));
        assertTrue(dialect.changesSessionState("START TRANSACTION"));
        assertFalse(dialect.changesSessionState("SELECT set_config('a', 'b', false) AS settings"));
        assertFalse(dialect.changesSessionState("CREATE TABLE settings (x int)"));
        assertFalse(dialect.changesSessionState("UPDATE t SET x = 1"));
    }

    @Test
    void classifiesStandardSqlStates() {
        assertEquals(ErrorKind.CONNECTION, SqlStates.classify("08006"));
        assertEquals(ErrorKind.AUTHENTICATION, SqlStates.classify("28P01"));
        assertEquals(ErrorKind.UNDEFINED_OBJECT, SqlStates.classify("42P01"));
        assertEquals(ErrorKind.PERMISSION, SqlStates.classify("42501"));
        assertEquals(ErrorKind.SYNTAX, SqlStates.classify("42601"));
        assertEquals(ErrorKind.CONSTRAINT, SqlStates.classify("23505"));
        assertEquals(ErrorKind.TRANSACTION, SqlStates.classify("40001"));
        assertEquals(ErrorKind.CANCELLED, SqlStates.classify("57014"));
        assertEquals(ErrorKind.SERVER, SqlStates.classify(null));
    }
}
