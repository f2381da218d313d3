package io.dora.logging;

import java.nio.file.Path;
import java.util.Map;

/**
 * Dora's logging in this workspace: where the logs are, the user's configuration file, and the levels set at
 * run time (by the logging preference page, say). A DS service; run-time levels and the query text mode are
 * kept in {@link #settingsFile()} and survive restarts and reloads of the configuration file.
 */
public interface LoggingService {

    /** {@code <workspace>/.metadata/dora/logs}: {@code dora.log} and its rotated files. */
    Path logDirectory();

    /** The file being written now, {@code dora.log} in {@link #logDirectory()}. */
    Path logFile();

    /** {@code <workspace>/.metadata/dora/logback.xml}: written with the defaults on first start, then the user's. */
    Path configFile();

    /** {@code <workspace>/.metadata/dora/logging.properties}: the run-time levels and the query text mode. */
    Path settingsFile();

    /** The level a logger logs at now, after the configuration file and the run-time levels. */
    LogLevel effectiveLevel(String logger);

    /** The run-time levels by logger (or package) name; they win over the configuration file. */
    Map<String, LogLevel> levelOverrides();

    /**
     * Sets a logger's (or package's) level now and keeps it; {@code null} removes the override, so the
     * configuration file's level applies again.
     */
    void setLevel(String logger, LogLevel level);

    QueryTextMode queryTextMode();

    void setQueryTextMode(QueryTextMode mode);

    /** Re-reads the configuration file now (it is also re-read within seconds of a change, when it asks to be). */
    void reload();
}
