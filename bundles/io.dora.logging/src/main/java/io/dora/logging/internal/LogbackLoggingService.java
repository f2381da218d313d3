package io.dora.logging.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.spi.ConfigurationEvent;
import ch.qos.logback.core.spi.ConfigurationEventListener;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;

import io.dora.core.observe.RunIdentity;
import io.dora.logging.LogLevel;
import io.dora.logging.LoggingService;
import io.dora.logging.QueryTextMode;

/**
 * Configures Logback for the workspace as soon as the workspace is known: the user's {@code logback.xml}
 * (written from the defaults on first start), then the run-time levels and the run-wide MDC keys, again
 * after every reload of the file. Immediate, so logging is set up before the rest of Dora starts working.
 * <p>
 * The first configuration is read on a thread of its own (about 0.15 s of a start, mostly Logback's classes
 * loading), while the framework goes on starting: what is logged meanwhile is held by a
 * {@link ConfigurationGate} and written once the configuration is in place, in order, nothing lost.
 */
@Component(service = LoggingService.class, immediate = true)
public final class LogbackLoggingService implements LoggingService {

    /** The system property the configuration file reads the log folder from. */
    public static final String LOG_DIR_PROPERTY = "dora.log.dir";
    static final String DEFAULT_CONFIG = "default-logback.xml";

    private static final Logger LOG = LoggerFactory.getLogger(LogbackLoggingService.class);

    private final Path logDirectory;
    private final Path configFile;
    private final LoggingSettings settings;
    private final RunMdcFilter runMdc;
    /** Null when SLF4J is not bound to Logback (nothing to configure; the API still answers). */
    private final LoggerContext context;
    private final ConfigurationEventListener reapply = this::configurationChanged;
    private final ConfigurationGate gate;
    /** Done when the first configuration is in place and the held lines are written. */
    private final CompletableFuture<Void> configured;

    @Activate
    public LogbackLoggingService(@Reference RunIdentity identity) {
        this(identity, task -> Thread.ofPlatform().name("dora-logging-configuration").start(task));
    }

    /** @param configurationThread runs the first configuration (a test may hold it back) */
    LogbackLoggingService(RunIdentity identity, Executor configurationThread) {
        Path doraFolder = identity.workspace().resolve(".metadata").resolve("dora");
        logDirectory = doraFolder.resolve("logs");
        configFile = doraFolder.resolve("logback.xml");
        settings = LoggingSettings.load(doraFolder.resolve("logging.properties"));
        runMdc = new RunMdcFilter(identity.workspaceName(), identity.sessionId());
        gate = new ConfigurationGate(runMdc);
        context = LoggerFactory.getILoggerFactory() instanceof LoggerContext logback ? logback : null;
        if (context == null) {
            configured = CompletableFuture.completedFuture(null);
            return;
        }
        writeDefaultConfigIfMissing();
        // a system property, not a context property: Logback clears those when its scan reloads the file
        System.setProperty(LOG_DIR_PROPERTY, logDirectory.toString());
        context.addConfigurationEventListener(reapply);
        // Logback's own first configuration (its defaults: everything on standard output) goes, the gate holds
        context.reset();
        gate.install(context);
        LOG.info("Logging to {} (configuration {})", logFile(), configFile);
        configured = CompletableFuture.runAsync(() -> {
            try {
                configure(false);
            } finally {
                gate.open();
            }
        }, configurationThread);
    }

    @Deactivate
    void deactivate() {
        // the held lines are written before the framework goes
        configured.exceptionally(failure -> null).join();
        if (context != null) {
            context.removeConfigurationEventListener(reapply);
        }
    }

    /** Waits for the first configuration (and the lines held meanwhile) to be in place. */
    void awaitConfigured() {
        configured.join();
    }

    @Override
    public Path logDirectory() {
        return logDirectory;
    }

    @Override
    public Path logFile() {
        return logDirectory.resolve("dora.log");
    }

    @Override
    public Path configFile() {
        return configFile;
    }

    @Override
    public Path settingsFile() {
        return configFile.resolveSibling("logging.properties");
    }

    @Override
    public LogLevel effectiveLevel(String logger) {
        awaitConfigured();
        if (context == null) {
            return LogLevel.OFF;
        }
        return LogLevel.parse(context.getLogger(logger).getEffectiveLevel().toString());
    }

    @Override
    public Map<String, LogLevel> levelOverrides() {
        return settings.levels();
    }

    @Override
    public void setLevel(String logger, LogLevel level) {
        if (logger == null || logger.isBlank()) {
            throw new IllegalArgumentException("A logger name is needed (ROOT for the root logger)");
        }
        awaitConfigured();
        settings.setLevel(logger.trim(), level);
        if (level == null) {
            // the configuration file's own level for it, if any, applies again
            reload();
        } else if (context != null) {
            context.getLogger(logger.trim()).setLevel(Level.toLevel(level.name()));
        }
        LOG.info("Log level of {} set to {}", logger, level == null ? "the configuration file's" : level);
    }

    @Override
    public QueryTextMode queryTextMode() {
        return settings.queryText();
    }

    @Override
    public void setQueryTextMode(QueryTextMode mode) {
        settings.setQueryText(mode);
    }

    @Override
    public void reload() {
        awaitConfigured();
        if (context != null) {
            configure(true);
        }
    }

    /** @param reset whether to drop the configuration in place first (not at the first one: the gate is in place) */
    private synchronized void configure(boolean reset) {
        long start = System.currentTimeMillis();
        if (reset) {
            context.reset();
        }
        try {
            configureFrom(configFile.toUri().toURL());
        } catch (IOException | JoranException e) {
            // reported below through the status messages
        }
        StatusUtil status = new StatusUtil(context);
        if (status.getHighestLevel(start) >= Status.ERROR) {
            String problem = firstError(start);
            context.reset();
            // back at the head of the chain when this is the first configuration (a line logged in between is lost)
            gate.install(context);
            try {
                configureFrom(getClass().getResource(DEFAULT_CONFIG));
            } catch (JoranException e) {
                throw new IllegalStateException("Dora's default logging configuration is broken", e);
            }
            LOG.error("The logging configuration {} has errors, so Dora logs with its defaults until it is fixed"
                    + " and reloaded: {}", configFile, problem);
        }
    }

    private void configureFrom(URL url) throws JoranException {
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(url);
    }

    private String firstError(long since) {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getTimestamp() >= since && s.getLevel() >= Status.ERROR).findFirst()
                .map(s -> s.getMessage() + (s.getThrowable() == null ? "" : " (" + s.getThrowable().getMessage() + ")"))
                .orElse("unknown error");
    }

    /** After the file was (re)read, by us or by Logback's scan: the run-time parts again. */
    private void configurationChanged(ConfigurationEvent event) {
        switch (event.getEventType()) {
            case CONFIGURATION_ENDED_SUCCESSFULLY, CONFIGURATION_ENDED_WITH_XML_PARSING_ERRORS -> applyRuntimeSettings();
            default -> {
                // only the end of a configuration matters
            }
        }
    }

    private void applyRuntimeSettings() {
        if (!context.getTurboFilterList().contains(runMdc)) {
            context.addTurboFilter(runMdc);
        }
        settings.levels().forEach((logger, level) -> context.getLogger(logger).setLevel(Level.toLevel(level.name())));
    }

    private void writeDefaultConfigIfMissing() {
        if (Files.exists(configFile)) {
            return;
        }
        try (InputStream defaults = getClass().getResourceAsStream(DEFAULT_CONFIG)) {
            Files.createDirectories(configFile.getParent());
            Files.copy(defaults, configFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the default logging configuration " + configFile, e);
        }
    }
}
