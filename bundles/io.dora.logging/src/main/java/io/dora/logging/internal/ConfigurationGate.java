package io.dora.logging.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Holds back every line logged while Logback reads its configuration on a thread of its own, then hands the
 * lines to the configured appenders in the order they were logged, each once, as if they had been logged then:
 * with their time, thread, MDC (the run's keys included), key-value pairs and caller, through the configured
 * turbo filters and levels. The first in the context's turbo filter chain until {@link #open()}.
 */
final class ConfigurationGate extends TurboFilter {

    /** A bound on what a runaway logger can pile up before the configuration is read. */
    static final int CAPACITY = 10_000;

    private final RunMdcFilter runMdc;
    private final Object lock = new Object();
    private List<Held> held = new ArrayList<>();
    private int dropped;
    private boolean open;
    private Thread drainer;

    ConfigurationGate(RunMdcFilter runMdc) {
        this.runMdc = runMdc;
        setName("dora-configuration-gate");
    }

    /** Puts the gate at the head of the context's (just reset) turbo filter chain, unless it is open already. */
    void install(LoggerContext context) {
        synchronized (lock) {
            if (!open) {
                setContext(context);
                start();
                context.getTurboFilterList().add(0, this);
            }
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        if (format == null && params == null && t == null) {
            // isDebugEnabled() and the like, not a line: the level of the moment answers
            return FilterReply.NEUTRAL;
        }
        return hold(() -> {
            LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, level, format, t, params);
            if (marker != null) {
                event.addMarker(marker);
            }
            return new Held(logger, event, marker, params, t, null);
        });
    }

    /** The fluent API's lines ({@code LOG.atInfo().addKeyValue(...).log(...)}). */
    @Override
    public FilterReply decide(Logger logger, org.slf4j.event.LoggingEvent line) {
        return hold(() -> {
            String boundary = line.getCallerBoundary() == null ? Logger.FQCN : line.getCallerBoundary();
            LoggingEvent event = new LoggingEvent(boundary, logger, Level.convertAnSLF4JLevel(line.getLevel()),
                    line.getMessage(), line.getThrowable(), line.getArgumentArray());
            if (line.getMarkers() != null) {
                line.getMarkers().forEach(event::addMarker);
            }
            event.setKeyValuePairs(line.getKeyValuePairs());
            return new Held(logger, event, null, null, null, line);
        });
    }

    private FilterReply hold(Supplier<Held> line) {
        synchronized (lock) {
            if (open || Thread.currentThread() == drainer) {
                return FilterReply.NEUTRAL;
            }
            if (held.size() >= CAPACITY) {
                dropped++;
                return FilterReply.DENY;
            }
        }
        // the run's MDC keys on this thread, as RunMdcFilter puts them once the gate is gone
        runMdc.putRunKeys();
        Held event = line.get();
        // what would otherwise be read later, on another thread: message, thread name, MDC, caller
        event.event().prepareForDeferredProcessing();
        event.event().getCallerData();
        synchronized (lock) {
            if (open) {
                // opened meanwhile: the line was not held after all
                return FilterReply.NEUTRAL;
            }
            held.add(event);
        }
        return FilterReply.DENY;
    }

    /**
     * Hands the held lines to the appenders now configured, then lets every line through. Lines logged meanwhile
     * are held and handed over after the earlier ones, so the order stays that of the logging.
     */
    void open() {
        LoggerContext context = (LoggerContext) getContext();
        synchronized (lock) {
            drainer = Thread.currentThread();
        }
        int lost;
        while (true) {
            List<Held> batch;
            synchronized (lock) {
                if (held.isEmpty()) {
                    open = true;
                    drainer = null;
                    lost = dropped;
                    break;
                }
                batch = held;
                held = new ArrayList<>();
            }
            batch.forEach(line -> line.append(context));
        }
        context.getTurboFilterList().remove(this);
        if (lost > 0) {
            context.getLogger(ConfigurationGate.class).warn(
                    "{} lines logged while the logging configuration was read were dropped (more than {})", lost, CAPACITY);
        }
    }

    /** A held line, with what the turbo filters decide on when it is handed over. */
    private record Held(Logger logger, LoggingEvent event, Marker marker, Object[] params, Throwable thrown,
            org.slf4j.event.LoggingEvent fluent) {

        void append(LoggerContext context) {
            FilterReply decision = fluent != null
                    ? context.getTurboFilterList().getTurboFilterChainDecision(logger, fluent)
                    : context.getTurboFilterList().getTurboFilterChainDecision(marker, logger, event.getLevel(),
                            event.getMessage(), params, thrown);
            if (decision == FilterReply.DENY
                    || decision == FilterReply.NEUTRAL && !event.getLevel().isGreaterOrEqual(logger.getEffectiveLevel())) {
                return;
            }
            logger.callAppenders(event);
        }
    }
}
