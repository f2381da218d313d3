package io.dora.sql.internal.guard;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

import io.dora.core.safety.QueryTextRedaction;
import io.dora.sql.redact.LiteralRedactor;
import io.dora.sql.script.SqlDialect;

/** The {@link QueryTextRedaction} setting, backed by the lexer-based {@link LiteralRedactor}. */
@Component(service = QueryTextRedaction.class, configurationPid = QueryTextRedaction.CONFIGURATION_PID)
public final class LiteralRedactionService implements QueryTextRedaction {

    /** The component's configuration. */
    public @interface Config {
        /** Replace literals in logged statement text; the system property dora.log.redactQueryText wins when set. */
        boolean redactQueryText() default true;
    }

    private volatile boolean enabled;

    @Activate
    public LiteralRedactionService(Config config) {
        configure(config);
    }

    LiteralRedactionService(boolean enabled) {
        this.enabled = enabled;
    }

    @Modified
    void configure(Config config) {
        String property = System.getProperty(SETTING);
        enabled = property == null ? config.redactQueryText() : !"false".equalsIgnoreCase(property.trim());
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public String forLog(String statement, String dialect) {
        if (!enabled) {
            return statement;
        }
        return new LiteralRedactor(dialectOrStrictest(dialect)).redact(statement);
    }

    private static SqlDialect dialectOrStrictest(String dialect) {
        try {
            return SqlDialect.parse(dialect);
        } catch (IllegalArgumentException e) {
            return SqlDialect.POSTGRES;
        }
    }
}
