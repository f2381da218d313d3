package io.dora.ui.sql.internal.session;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.workspace.EditorState;
import io.dora.workspace.SessionStore;

/**
 * Writes the latest captured session to the store in a background job, so the UI thread never waits for the
 * disk. Only the newest snapshot matters: one offered while a write runs replaces any older one still waiting.
 */
final class SessionWriter extends Job {

    private static final Logger LOG = LoggerFactory.getLogger(SessionWriter.class);

    private final Supplier<SessionStore> store;
    private final AtomicReference<List<EditorState>> pending = new AtomicReference<>();
    private final Runnable onFailure;

    /** @param onFailure told (on the job's thread) when a write failed, so the next tick offers it again */
    SessionWriter(Supplier<SessionStore> store, Runnable onFailure) {
        super("Saving the SQL editors' session");
        this.store = store;
        this.onFailure = onFailure;
        setSystem(true);
    }

    void offer(List<EditorState> editors) {
        pending.set(List.copyOf(editors));
        schedule();
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        List<EditorState> editors = pending.getAndSet(null);
        if (editors == null) {
            return Status.OK_STATUS;
        }
        SessionStore sessions = store.get();
        if (sessions == null) {
            LOG.warn("The session of {} SQL editors was not saved: the workspace's session store is not available",
                    editors.size());
            onFailure.run();
            return Status.OK_STATUS;
        }
        try {
            sessions.save(editors);
            LOG.debug("Saved the session: {} SQL editors", editors.size());
        } catch (RuntimeException e) {
            LOG.warn("Saving the session of {} SQL editors failed; the previous one stays", editors.size(), e);
            onFailure.run();
        }
        return Status.OK_STATUS;
    }
}
