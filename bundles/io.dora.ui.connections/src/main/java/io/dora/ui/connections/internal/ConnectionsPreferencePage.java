package io.dora.ui.connections.internal;

import java.util.Arrays;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import io.dora.core.connection.Environment;

/** Dora > Connections: the vault's auto-lock and the environment a new connection starts with. */
public final class ConnectionsPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public ConnectionsPreferencePage() {
        super(GRID);
        setDescription("Saved connections live in the encrypted vault; these settings apply to this workspace.");
    }

    @Override
    public void init(IWorkbench workbench) {
        ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, ConnectionsPreferences.NODE);
        store.setDefault(ConnectionsPreferences.AUTO_LOCK_MINUTES, ConnectionsPreferences.DEFAULT_AUTO_LOCK_MINUTES);
        store.setDefault(ConnectionsPreferences.DEFAULT_ENVIRONMENT, Environment.DEVELOPMENT.id());
        setPreferenceStore(store);
    }

    @Override
    protected void createFieldEditors() {
        IntegerFieldEditor autoLock = new IntegerFieldEditor(ConnectionsPreferences.AUTO_LOCK_MINUTES,
                "&Lock the vault after this many idle minutes (0 = never):", getFieldEditorParent());
        autoLock.setValidRange(0, 24 * 60);
        addField(autoLock);
        String[][] environments = Arrays.stream(Environment.values())
                .map(environment -> new String[] { environment.id(), environment.id() }).toArray(String[][]::new);
        addField(new ComboFieldEditor(ConnectionsPreferences.DEFAULT_ENVIRONMENT,
                "&Environment of new connections:", environments, getFieldEditorParent()));
    }
}
