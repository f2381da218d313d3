package io.dora.core.internal.query;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.core.safety.ConfirmationRequest;
import io.dora.core.safety.StatementConfirmation;

/** The headless default: nobody can be asked, so a statement that needs a confirmation does not run. */
@Component(service = StatementConfirmation.class, property = "service.ranking:Integer=-1000")
public final class RefusingStatementConfirmation implements StatementConfirmation {

    private static final Logger LOG = LoggerFactory.getLogger(RefusingStatementConfirmation.class);

    @Override
    public boolean confirm(ConfirmationRequest request) {
        LOG.warn("Refused {} statement(s) on '{}' ({}) that need a confirmation: no one to ask (headless)",
                request.statements().size(), request.connectionName(), request.environment());
        return false;
    }
}
