package io.dora.net.ssh.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JSch's log, one level lower in SLF4J: its INFO (every key exchange step) is debugging detail for Dora. */
final class JschLog implements com.jcraft.jsch.Logger {

    private static final Logger LOG = LoggerFactory.getLogger("io.dora.net.ssh.jsch");

    @Override
    public boolean isEnabled(int level) {
        return switch (level) {
            case DEBUG -> LOG.isTraceEnabled();
            case INFO -> LOG.isDebugEnabled();
            case WARN -> LOG.isInfoEnabled();
            default -> LOG.isWarnEnabled();
        };
    }

    @Override
    public void log(int level, String message) {
        switch (level) {
            case DEBUG -> LOG.trace(message);
            case INFO -> LOG.debug(message);
            case WARN -> LOG.info(message);
            default -> LOG.warn(message);
        }
    }
}
