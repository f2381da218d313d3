package io.dora.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.spi.FilterReply;

import io.dora.core.observe.LogKeys;

/** The gate on a context of its own, configured by hand the way Joran would. */
class ConfigurationGateTest {

    private final LoggerContext context = new LoggerContext();
    private final ConfigurationGate gate = new ConfigurationGate(new RunMdcFilter("ws", "5e55101d"));
    private final Logger logger = context.getLogger("io.dora.gate");
    private final Recorder appender = new Recorder();

    ConfigurationGateTest() {
        // the MDC the run's keys are put in, as in the JVM's own context
        context.setMDCAdapter(MDC.getMDCAdapter());
    }

    @Test
    void heldLinesGoThroughTheConfiguredLevelsAndFiltersWithTheRunKeys() {
        gate.install(context);
        logger.info("kept");
        logger.debug("below the level");
        logger.info("denied by a filter of the configuration");
        assertTrue(appender.lines.isEmpty());

        configure();
        context.addTurboFilter(new TurboFilter() {
            @Override
            public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                    Throwable t) {
                return format != null && format.startsWith("denied") ? FilterReply.DENY : FilterReply.NEUTRAL;
            }
        });
        gate.open();

        assertEquals(List.of("kept"), appender.lines.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertEquals("5e55101d", appender.lines.get(0).getMDCPropertyMap().get(LogKeys.SESSION_ID));
        assertEquals(List.of(), context.getTurboFilterList().stream().filter(f -> f == gate).toList(), "the gate is gone");
    }

    @Test
    void linesLoggedWhileTheHeldOnesAreHandedOverComeAfterThem() throws Exception {
        gate.install(context);
        IntStream.range(0, 2_000).forEach(i -> logger.info("line {}", i));
        configure();
        Thread late = new Thread(() -> IntStream.range(2_000, 4_000).forEach(i -> logger.info("line {}", i)));
        late.start();
        gate.open();
        late.join();

        assertEquals(IntStream.range(0, 4_000).mapToObj(i -> "line " + i).toList(),
                appender.lines.stream().map(ILoggingEvent::getFormattedMessage).toList());
    }

    /** What Joran does with a root logger at INFO and one appender. */
    private void configure() {
        appender.setContext(context);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
    }

    private static final class Recorder extends AppenderBase<ILoggingEvent> {
        final List<ILoggingEvent> lines = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            lines.add(event);
        }
    }
}
