package io.dora.logging.internal;

import org.slf4j.MDC;
import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

import io.dora.core.observe.LogKeys;

/**
 * Puts the run-wide MDC keys ({@code workspace}, {@code session_id}) on every thread that logs, before its
 * event is made, so every line carries them whichever thread wrote it. Decides nothing.
 */
final class RunMdcFilter extends TurboFilter {

    private final String workspace;
    private final String sessionId;

    RunMdcFilter(String workspace, String sessionId) {
        this.workspace = workspace;
        this.sessionId = sessionId;
        setName("dora-run-mdc");
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        putRunKeys();
        return FilterReply.NEUTRAL;
    }

    /** On the calling thread's MDC. */
    void putRunKeys() {
        if (!sessionId.equals(MDC.get(LogKeys.SESSION_ID)) || !workspace.equals(MDC.get(LogKeys.WORKSPACE))) {
            MDC.put(LogKeys.WORKSPACE, workspace);
            MDC.put(LogKeys.SESSION_ID, sessionId);
        }
    }
}
