package io.dora.core.query;

import java.util.List;

/**
 * Splits a script into statements, aware of the dialect's quoting, comments, dollar quotes and delimiter
 * changes. Provided as a service by the SQL bundle; the engine only runs statements already split.
 */
public interface ScriptSplitter {

    /**
     * @param dialect the dialect id of {@code DriverInfo#dialect()}
     * @return the statements in order, without delimiters, empty ones dropped
     */
    List<String> split(String script, String dialect);
}
