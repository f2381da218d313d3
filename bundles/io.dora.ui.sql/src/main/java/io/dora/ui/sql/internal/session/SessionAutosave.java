package io.dora.ui.sql.internal.session;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.ui.internal.TrackedServices;
import io.dora.ui.sql.internal.preferences.SqlEditorPreferences;
import io.dora.workspace.EditorState;
import io.dora.workspace.SessionStore;

/**
 * Every few seconds (the preference), captures the open SQL editors on the UI thread and, when anything changed
 * since the last save, hands them to the {@link SessionWriter}. A normal exit saves the final session before
 * the editors close; after a crash the last autosave is what comes back.
 */
final class SessionAutosave implements IWorkbenchListener {

    private static final Logger LOG = LoggerFactory.getLogger(SessionAutosave.class);
    private static final long SHUTDOWN_WRITE_MILLIS = 10_000;

    private final IWorkbench workbench;
    private final TrackedServices<SessionStore> stores;
    private final SessionWriter writer;
    /** Editors of the stored session that could not be opened: kept in every save so their text is not lost. */
    private final List<EditorState> unopened;
    private List<EditorState> lastOffered;
    private boolean stopped;

    /** @param stores released when the workbench has ended, after the final write */
    SessionAutosave(IWorkbench workbench, TrackedServices<SessionStore> stores, List<EditorState> unopened) {
        this.workbench = workbench;
        this.stores = stores;
        this.unopened = List.copyOf(unopened);
        this.writer = new SessionWriter(stores::best, () -> workbench.getDisplay().asyncExec(() -> lastOffered = null));
    }

    /** Starts the ticks, the first of which saves; on the UI thread. */
    void start() {
        workbench.addWorkbenchListener(this);
        scheduleTick();
    }

    private void scheduleTick() {
        Display display = workbench.getDisplay();
        if (!stopped && !display.isDisposed()) {
            display.timerExec(SqlEditorPreferences.current().autosaveSeconds() * 1000, this::tick);
        }
    }

    private void tick() {
        if (stopped) {
            return;
        }
        saveIfChanged();
        scheduleTick();
    }

    private void saveIfChanged() {
        List<EditorState> editors;
        try {
            editors = new ArrayList<>(SessionCapture.openEditors(workbench));
        } catch (RuntimeException e) {
            LOG.warn("Capturing the SQL editors for the session failed; trying again at the next autosave", e);
            return;
        }
        editors.addAll(unopened);
        if (!editors.equals(lastOffered)) {
            lastOffered = editors;
            writer.offer(editors);
        }
    }

    /** Before the editors close: the final session, written before the workbench ends (postShutdown waits). */
    @Override
    public boolean preShutdown(IWorkbench closing, boolean forced) {
        saveIfChanged();
        stopped = true;
        return true;
    }

    @Override
    public void postShutdown(IWorkbench closing) {
        try {
            if (!writer.join(SHUTDOWN_WRITE_MILLIS, null)) {
                LOG.warn("The final session was not written within {} ms", SHUTDOWN_WRITE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stores.close();
        }
    }
}
