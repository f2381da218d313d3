package io.dora.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.ui.PlatformUI;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does two slow things of the application's start on a thread of its own while the framework is still starting
 * bundles, so the main thread, which waits for the framework, finds them done: loading SWT's GTK library, which
 * links the whole GTK stack (about 0.1 s), and starting the workbench bundle (its activator, about 0.05 s).
 * GTK itself is still initialized by the Display, on the main thread. A failure here changes nothing: the main
 * thread meets it again and reports it with its cause.
 */
@Component(immediate = true)
public final class StartupPreload {

    private static final Logger LOG = LoggerFactory.getLogger(StartupPreload.class);
    /** Its static initializer loads libswt-pi3-gtk, which links libgtk-3 and the rest. */
    private static final String GTK_NATIVES = "org.eclipse.swt.internal.gtk.OS";

    @Activate
    public StartupPreload() {
        Thread.ofPlatform().daemon().name("dora-startup-preload").start(StartupPreload::preload);
    }

    private static void preload() {
        try {
            if ("gtk".equals(SWT.getPlatform())) {
                Class.forName(GTK_NATIVES, true, SWT.class.getClassLoader());
            }
            // the first class loaded from org.eclipse.ui.workbench starts that (lazy) bundle
            PlatformUI.isWorkbenchRunning();
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.debug("Start-up preload stopped", e);
        }
    }
}
