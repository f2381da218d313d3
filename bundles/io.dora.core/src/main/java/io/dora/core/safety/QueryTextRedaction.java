package io.dora.core.safety;

/**
 * Makes statement text fit for logs, history exports and metrics: with redaction on (the default), every
 * literal is replaced by {@code ?} and comments are dropped, so values typed into a query (a password in
 * {@code ALTER USER}, customer data in a WHERE) never reach a log. The SQL bundle registers it as a DS service;
 * logging code that finds no such service must not log statement text at all.
 *
 * <p>The setting: the system property {@value #SETTING} ({@code true}/{@code false}), or the key
 * {@code redactQueryText} of the configuration {@value #CONFIGURATION_PID}.
 */
public interface QueryTextRedaction {

    String SETTING = "dora.log.redactQueryText";
    String CONFIGURATION_PID = "io.dora.sql.redaction";

    /** Whether literals are replaced (the default); false logs statements as they were written. */
    boolean enabled();

    /**
     * @param dialect the driver's dialect id; an unknown dialect is redacted as PostgreSQL, the strictest lexer
     * @return the statement as it may be logged
     */
    String forLog(String statement, String dialect);
}
