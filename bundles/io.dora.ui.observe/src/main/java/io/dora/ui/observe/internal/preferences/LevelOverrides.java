package io.dora.ui.observe.internal.preferences;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import io.dora.logging.LogLevel;

/**
 * The preference page's working copy of the run-time levels: edited freely, then applied as the few
 * {@code setLevel} calls that turn the levels in force into the edited ones. No SWT, so it is unit-tested.
 */
public final class LevelOverrides {

    /** A logger or package name as Logback reads it (dots and dollars between Java identifiers), or ROOT. */
    private static final Pattern LOGGER_NAME = Pattern.compile("ROOT|[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

    private final Map<String, LogLevel> inForce;
    private final Map<String, LogLevel> edited;

    public LevelOverrides(Map<String, LogLevel> inForce) {
        this.inForce = Map.copyOf(inForce);
        this.edited = new TreeMap<>(inForce);
    }

    /** The edited levels, sorted by logger name. */
    public Map<String, LogLevel> levels() {
        return new LinkedHashMap<>(edited);
    }

    /** Why the name cannot be a logger's, or null when it can. */
    public static String problemWith(String logger) {
        if (logger == null || logger.isBlank()) {
            return "Enter a logger or package name, such as io.dora.driver (ROOT for all loggers).";
        }
        if (!LOGGER_NAME.matcher(logger.strip()).matches()) {
            return "'" + logger.strip() + "' is not a logger or package name: use names separated by dots,"
                    + " such as io.dora.driver.postgres.";
        }
        return null;
    }

    /** Sets (adds or changes) one level. @throws IllegalArgumentException for a name {@link #problemWith} rejects */
    public void put(String logger, LogLevel level) {
        String problem = problemWith(logger);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        edited.put(logger.strip(), Objects.requireNonNull(level));
    }

    /** Renames (when the name changed) and sets one level, as the Edit dialog does. */
    public void replace(String oldLogger, String newLogger, LogLevel level) {
        put(newLogger, level);
        if (!oldLogger.equals(newLogger.strip())) {
            edited.remove(oldLogger);
        }
    }

    public void remove(String logger) {
        edited.remove(logger);
    }

    public void clear() {
        edited.clear();
    }

    public boolean isChanged() {
        return !edited.equals(inForce);
    }

    /**
     * Calls {@code setLevel} for every difference between the levels in force and the edited ones: a removed
     * override with {@code null}, an added or changed one with its level; unchanged ones are left alone.
     */
    public void applyTo(BiConsumer<String, LogLevel> setLevel) {
        inForce.keySet().stream().filter(logger -> !edited.containsKey(logger)).sorted()
                .forEach(logger -> setLevel.accept(logger, null));
        edited.forEach((logger, level) -> {
            if (level != inForce.get(logger)) {
                setLevel.accept(logger, level);
            }
        });
    }
}
