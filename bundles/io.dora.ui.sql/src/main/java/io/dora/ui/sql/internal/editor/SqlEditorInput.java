package io.dora.ui.sql.internal.editor;

import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

import io.dora.core.connection.ConnectionSpec;

/**
 * What a SQL editor opens: a connection, the starting text and whether to run it at once (Open Table Data).
 * Every "Open SQL Editor" is a new script, so inputs are equal only to themselves.
 */
public final class SqlEditorInput implements IEditorInput {

    private final ConnectionSpec spec;
    private final String initialText;
    private final boolean runOnOpen;

    public SqlEditorInput(ConnectionSpec spec, String initialText, boolean runOnOpen) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.initialText = Objects.requireNonNull(initialText, "initialText");
        this.runOnOpen = runOnOpen;
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
