package io.dora.logging.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import io.dora.logging.LogLevel;
import io.dora.logging.QueryTextMode;

/**
 * The run-time logging settings of a workspace, kept in {@code logging.properties}: {@code query.text} and
 * one {@code level.<logger>} per override. A file the user broke is read as far as it makes sense.
 */
final class LoggingSettings {

    private static final String QUERY_TEXT = "query.text";
    private static final String LEVEL_PREFIX = "level.";

    private final Path file;
    private final Map<String, LogLevel> levels = new TreeMap<>();
    private QueryTextMode queryText = QueryTextMode.REDACTED;

    private LoggingSettings(Path file) {
        this.file = file;
    }

    static LoggingSettings load(Path file) {
        LoggingSettings settings = new LoggingSettings(file);
        if (Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            properties.stringPropertyNames().forEach(key -> settings.read(key, properties.getProperty(key)));
        }
        return settings;
    }

    private void read(String key, String value) {
        try {
            if (key.equals(QUERY_TEXT)) {
                queryText = QueryTextMode.parse(value);
            } else if (key.startsWith(LEVEL_PREFIX) && key.length() > LEVEL_PREFIX.length()) {
                levels.put(key.substring(LEVEL_PREFIX.length()), LogLevel.parse(value));
            }
        } catch (IllegalArgumentException e) {
            // a value the user mistyped keeps its default; the rest of the file still applies
        }
    }

    synchronized Map<String, LogLevel> levels() {
        return Map.copyOf(levels);
    }

    synchronized QueryTextMode queryText() {
        return queryText;
    }

    synchronized void setLevel(String logger, LogLevel level) {
        if (level == null) {
            levels.remove(logger);
        } else {
            levels.put(logger, level);
        }
        save();
    }

    synchronized void setQueryText(QueryTextMode mode) {
        queryText = mode;
        save();
    }

    private void save() {
        Properties properties = new Properties();
        properties.setProperty(QUERY_TEXT, queryText.id());
        levels.forEach((logger, level) -> properties.setProperty(LEVEL_PREFIX + logger, level.name()));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "Dora logging settings: query.text = redacted | full | omitted;"
                        + " level.<logger or package> = TRACE | DEBUG | INFO | WARN | ERROR | OFF");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
