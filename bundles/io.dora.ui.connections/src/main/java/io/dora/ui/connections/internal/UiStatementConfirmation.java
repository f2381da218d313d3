package io.dora.ui.connections.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.core.safety.ConfirmationRequest;
import io.dora.core.safety.StatementConfirmation;

/**
 * Asks the user to confirm statements the connection's policy marks as dangerous, naming the rules; Cancel is
 * the default button. Ranked above the refusing headless default; refuses when there is no workbench.
 */
@Component(service = StatementConfirmation.class, property = "service.ranking:Integer=100")
public final class UiStatementConfirmation implements StatementConfirmation {

    private static final Logger LOG = LoggerFactory.getLogger(UiStatementConfirmation.class);
    private static final int RUN = 0;
    private static final int CANCEL = 1;

    @Override
    public boolean confirm(ConfirmationRequest request) {
        if (!PlatformUI.isWorkbenchRunning()) {
            return false;
        }
        Display display = PlatformUI.getWorkbench().getDisplay();
        AtomicBoolean confirmed = new AtomicBoolean();
        display.syncExec(() -> {
            MessageDialog dialog = new MessageDialog(display.getActiveShell(), "Confirm Dangerous Statement", null,
                    ConfirmationMessages.statements(request), MessageDialog.WARNING, CANCEL, "Run", "Cancel");
            confirmed.set(dialog.open() == RUN);
        });
        LOG.info("The user {} {} statement(s) on '{}'", confirmed.get() ? "confirmed" : "declined",
                request.statements().size(), request.connectionName());
        return confirmed.get();
    }
}
