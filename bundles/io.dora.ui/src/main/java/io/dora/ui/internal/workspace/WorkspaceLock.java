package io.dora.ui.internal.workspace;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.swt.widgets.Display;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace (the OSGi instance location) is owned by one workbench at a time: Equinox's lock file in
 * {@code .metadata} is held for the life of the process, so a second workbench on the same folder is refused
 * before it reads or writes anything there.
 */
public record WorkspaceLock(Path workspace, boolean claimed, String problem) {

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceLock.class);

    public static WorkspaceLock claim(Location instance) {
        if (instance == null || instance.isReadOnly()) {
            return new WorkspaceLock(null, false, "The workspace location is not set or is read-only.");
        }
        URL url = instance.getURL();
        if (url == null) {
            return new WorkspaceLock(null, false, "No workspace location was given (use -data DIR).");
        }
        Path workspace = toPath(url);
        try {
            if (instance.lock()) {
                LOG.info("workspace {} opened", workspace);
                return new WorkspaceLock(workspace, true, null);
            }
            return new WorkspaceLock(workspace, false, "The workspace " + workspace
                    + " is in use by another Dora workbench.\n\nClose that workbench, or open another workspace with"
                    + " ./dora -data DIR.");
        } catch (IOException e) {
            return new WorkspaceLock(workspace, false,
                    "The workspace " + workspace + " cannot be locked: " + e.getMessage());
        }
    }

    public static void showRefusal(Display display, WorkspaceLock lock) {
        LOG.error("workbench not started: {}", lock.problem().replace('\n', ' '));
        MessageDialog.openError(null, "Workspace in use", lock.problem());
    }

    private static Path toPath(URL url) {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Path.of(url.getPath());
        }
    }
}
