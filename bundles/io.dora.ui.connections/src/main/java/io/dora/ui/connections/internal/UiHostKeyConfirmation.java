package io.dora.ui.connections.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.core.net.HostKeyConfirmation;

/**
 * Asks the user about an SSH host key that known_hosts does not list (host-key policy "ask"); ranked above
 * the refusing headless default. Without a running workbench it refuses, as the default does.
 */
@Component(service = HostKeyConfirmation.class, property = "service.ranking:Integer=100")
public final class UiHostKeyConfirmation implements HostKeyConfirmation {

    private static final Logger LOG = LoggerFactory.getLogger(UiHostKeyConfirmation.class);

    @Override
    public boolean confirmUnknownHostKey(String host, String keyType, String fingerprint) {
        if (!PlatformUI.isWorkbenchRunning()) {
            LOG.info("Refused the unknown {} host key of {}: no workbench to ask", keyType, host);
            return false;
        }
        Display display = PlatformUI.getWorkbench().getDisplay();
        AtomicBoolean accepted = new AtomicBoolean();
        display.syncExec(() -> {
            MessageDialog dialog = new MessageDialog(display.getActiveShell(), "Unknown SSH Host Key", null,
                    ConfirmationMessages.hostKey(host, keyType, fingerprint), MessageDialog.WARNING, 1,
                    "Trust and Connect", "Cancel");
            accepted.set(dialog.open() == 0);
        });
        LOG.info("The user {} the {} host key {} of {}", accepted.get() ? "trusted" : "refused", keyType, fingerprint, host);
        return accepted.get();
    }
}
