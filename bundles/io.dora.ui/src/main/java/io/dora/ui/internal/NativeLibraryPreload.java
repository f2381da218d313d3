package io.dora.ui.internal;

import org.eclipse.swt.SWT;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads SWT's GTK library, and with it the whole GTK stack (about 0.1 s of dynamic linking), on a thread of its
 * own while the framework is still starting bundles, instead of on the main thread when it creates the Display.
 * Only the library loading moves: GTK itself is still initialized by the Display, on the main thread. A failure
 * here changes nothing, the Display reports it again with its cause.
 */
@Component(immediate = true)
public final class NativeLibraryPreload {

    private static final Logger LOG = LoggerFactory.getLogger(NativeLibraryPreload.class);
    /** Its static initializer loads libswt-pi3-gtk, which links libgtk-3 and the rest. */
    private static final String GTK_NATIVES = "org.eclipse.swt.internal.gtk.OS";

    @Activate
    public NativeLibraryPreload() {
        Thread.ofPlatform().daemon().name("dora-native-preload").start(NativeLibraryPreload::load);
    }

    private static void load() {
        if (!"gtk".equals(SWT.getPlatform())) {
            return;
        }
        try {
            Class.forName(GTK_NATIVES, true, SWT.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.debug("SWT's GTK library was not preloaded", e);
        }
    }
}
