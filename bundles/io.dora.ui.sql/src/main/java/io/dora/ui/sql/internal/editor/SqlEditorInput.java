package io.dora.ui.sql.internal.editor;

import java.util.Objects;
import java.util.UUID;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

import io.dora.core.connection.ConnectionSpec;

/**
 * What a SQL editor opens: a connection, the starting text and whether to run it at once (Open Table Data), or
 * an editor of the last session with its cursor and result layout. Every "Open SQL Editor" is a new script, so
 * inputs are equal only to themselves.
 */
public final class SqlEditorInput implements IEditorInput {

    /** The cursor offset that puts the cursor at the end of the text. */
    public static final int CURSOR_AT_END = -1;

    private final String editorId;
    private final ConnectionSpec spec;
    private final String initialText;
    private final boolean runOnOpen;
    private final int cursorOffset;
    private final String layout;
    private final String connectionProblem;

    public SqlEditorInput(ConnectionSpec spec, String initialText, boolean runOnOpen) {
        this(UUID.randomUUID().toString(), spec, initialText, runOnOpen, CURSOR_AT_END, null, null);
    }

    private SqlEditorInput(String editorId, ConnectionSpec spec, String initialText, boolean runOnOpen,
            int cursorOffset, String layout, String connectionProblem) {
        this.editorId = Objects.requireNonNull(editorId, "editorId");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.initialText = Objects.requireNonNull(initialText, "initialText");
        this.runOnOpen = runOnOpen;
        this.cursorOffset = cursorOffset;
        this.layout = layout;
        this.connectionProblem = connectionProblem;
    }

    /**
     * An editor of the last session, or of a statement from the history: its own id, text, cursor and result
     * layout; never run on open.
     *
     * @param connectionProblem why the connection's saved profile could not be read (a locked vault, a deleted
     *                          connection), in which case {@code spec} only carries its id; null when it was read
     */
    public static SqlEditorInput reopened(String editorId, ConnectionSpec spec, String text, int cursorOffset,
            String layout, String connectionProblem) {
        return new SqlEditorInput(editorId, spec, text, false, cursorOffset, layout, connectionProblem);
    }

    /** Why the connection's profile was unknown when the editor opened; null when it was known. */
    public String connectionProblem() {
        return connectionProblem;
    }

    /** The editor's id in the workspace's session; kept across restarts. */
    public String editorId() {
        return editorId;
    }

    /** Where the cursor starts, or {@link #CURSOR_AT_END}. */
    public int cursorOffset() {
        return cursorOffset;
    }

    /** The result layout to start with (the {@code ResultLayout} format), or null for the default one. */
    public String layout() {
        return layout;
    }

    public ConnectionSpec spec() {
        return spec;
    }

    public String initialText() {
        return initialText;
    }

    public boolean runOnOpen() {
        return runOnOpen;
    }

    @Override
    public boolean exists() {
        return false;
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return null;
    }

    @Override
    public String getName() {
        return spec.name();
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return spec.name() + " (" + spec.environment() + (spec.readOnly() ? ", read-only" : "") + ")";
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return adapter.isInstance(spec) ? adapter.cast(spec) : null;
    }
}
