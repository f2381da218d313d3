package io.dora.ui.sql.internal.session;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.ui.internal.TrackedServices;
import io.dora.ui.sql.internal.editor.SqlEditor;
import io.dora.ui.sql.internal.editor.SqlEditorInput;
import io.dora.workspace.EditorState;
import io.dora.workspace.SessionStore;

/**
 * At workbench start ({@code org.eclipse.ui.startup}, called off the UI thread): loads the workspace's last
 * session and resolves its connections in the background, reopens the SQL editors in their order on the UI
 * thread, then starts the autosave. An editor whose connection cannot be resolved (deleted, vault locked) opens
 * anyway and says why, so no script is lost.
 */
public final class SessionRestorer implements IStartup {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRestorer.class);

    @Override
    public void earlyStartup() {
        IWorkbench workbench = PlatformUI.getWorkbench();
        // held for the workbench's life: the autosave writes through it until the end
        TrackedServices<SessionStore> stores = new TrackedServices<>(SessionRestorer.class, SessionStore.class,
                () -> { });
        SessionStore store = stores.best();
        if (store == null) {
            LOG.warn("No session store is installed: SQL editors are neither restored nor saved");
            stores.close();
            return;
        }
        List<EditorState> stored;
        try {
            stored = store.load();
        } catch (RuntimeException e) {
            // no autosave either: it would replace the stored session, which a later start may still read
            LOG.error("Loading the last session failed; it stays in the workspace and is not replaced", e);
            stores.close();
            return;
        }
        List<SqlEditorInput> inputs = new ArrayList<>();
        try (ConnectionResolver resolver = new ConnectionResolver()) {
            for (EditorState editor : stored) {
                ConnectionResolver.Resolution connection = resolver.resolve(editor.connectionId());
                inputs.add(SqlEditorInput.reopened(editor.id(), connection.spec(), editor.text(),
                        editor.cursorOffset(), editor.resultLayout(), connection.problem()));
            }
        }
        workbench.getDisplay().asyncExec(() -> {
            List<EditorState> unopened = reopen(workbench, stored, inputs);
            new SessionAutosave(workbench, stores, unopened).start();
        });
    }

    /** Opens the editors in order; returns the states of those that could not be opened. */
    private static List<EditorState> reopen(IWorkbench workbench, List<EditorState> stored,
            List<SqlEditorInput> inputs) {
        List<EditorState> unopened = new ArrayList<>();
        IWorkbenchWindow window = workbench.getActiveWorkbenchWindow() != null ? workbench.getActiveWorkbenchWindow()
                : workbench.getWorkbenchWindows().length > 0 ? workbench.getWorkbenchWindows()[0] : null;
        IWorkbenchPage page = window == null ? null : window.getActivePage();
        IEditorPart first = null;
        for (int i = 0; i < inputs.size(); i++) {
            try {
                if (page == null) {
                    throw new PartInitException("no workbench page is open");
                }
                IEditorPart editor = page.openEditor(inputs.get(i), SqlEditor.ID, false);
                first = first == null ? editor : first;
            } catch (PartInitException | RuntimeException e) {
                LOG.error("Reopening the SQL editor on '{}' failed; its text stays in the session",
                        stored.get(i).connectionId(), e);
                unopened.add(stored.get(i));
            }
        }
        if (first != null) {
            page.activate(first);
        }
        if (!inputs.isEmpty()) {
            LOG.info("Restored {} of {} SQL editors of the last session", inputs.size() - unopened.size(),
                    inputs.size());
        }
        return unopened;
    }
}
