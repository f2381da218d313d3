package io.dora.ui.internal;

import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

import io.dora.ui.internal.workspace.WorkspaceLock;

/** The workbench application: claims the workspace, then runs the 3.x workbench on the e4 runtime. */
public final class DoraApplication implements IApplication {

    /** Process exit code when the workspace is locked by another running workbench. */
    public static final int EXIT_WORKSPACE_IN_USE = 13;

    @Override
    public Object start(IApplicationContext context) {
        Display display = PlatformUI.createDisplay();
        try {
            WorkspaceLock lock = WorkspaceLock.claim(Platform.getInstanceLocation());
            if (!lock.claimed()) {
                context.applicationRunning();
                WorkspaceLock.showRefusal(display, lock);
                return EXIT_WORKSPACE_IN_USE;
            }
            int code = PlatformUI.createAndRunWorkbench(display, new DoraWorkbenchAdvisor(lock.workspace()));
            return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            display.dispose();
        }
    }

    @Override
    public void stop() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        IWorkbench workbench = PlatformUI.getWorkbench();
        Display display = workbench.getDisplay();
        display.syncExec(() -> {
            if (!display.isDisposed()) {
                workbench.close();
            }
        });
    }
}
