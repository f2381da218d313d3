package io.dora.ui.sql.internal.preferences;

import java.util.List;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.FieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.util.PropertyChangeEvent;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/**
 * Dora > SQL Editor: the session's autosave interval and the result grid's paging. Editors read the paging
 * when they run a query and the autosave reads its interval at each tick, so changes apply without a restart.
 */
public final class SqlEditorPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    private IntegerFieldEditor autosave;
    private IntegerFieldEditor pageRows;
    private IntegerFieldEditor capacityRows;

    public SqlEditorPreferencePage() {
        super(GRID);
        setDescription("These settings apply to this workspace. Paging applies to the next query an editor runs.");
    }

    @Override
    public void init(IWorkbench workbench) {
        ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, SqlEditorPreferences.NODE);
        SqlEditorSettings defaults = SqlEditorSettings.DEFAULTS;
        store.setDefault(SqlEditorPreferences.AUTOSAVE_SECONDS, defaults.autosaveSeconds());
        store.setDefault(SqlEditorPreferences.PAGE_ROWS, defaults.pageRows());
        store.setDefault(SqlEditorPreferences.CAPACITY_ROWS, defaults.capacityRows());
        setPreferenceStore(store);
    }

    @Override
    protected void createFieldEditors() {
        autosave = field(SqlEditorPreferences.AUTOSAVE_SECONDS, "&Save the open editors every (seconds):",
                SqlEditorSettings.MIN_AUTOSAVE_SECONDS, SqlEditorSettings.MAX_AUTOSAVE_SECONDS,
                SqlEditorSettings.AUTOSAVE_RANGE);
        pageRows = field(SqlEditorPreferences.PAGE_ROWS, "&Rows fetched per page in the result grid:",
                SqlEditorSettings.MIN_PAGE_ROWS, SqlEditorSettings.MAX_PAGE_ROWS, SqlEditorSettings.PAGE_RANGE);
        capacityRows = field(SqlEditorPreferences.CAPACITY_ROWS, "Rows &kept in memory per result set:",
                SqlEditorSettings.MIN_CAPACITY_ROWS, SqlEditorSettings.MAX_CAPACITY_ROWS,
                SqlEditorSettings.CAPACITY_RANGE);
    }

    private IntegerFieldEditor field(String key, String label, int min, int max, String error) {
        IntegerFieldEditor editor = new IntegerFieldEditor(key, label, getFieldEditorParent(), 9);
        editor.setValidRange(min, max);
        editor.setErrorMessage(error); // also for what is not a whole number
        addField(editor);
        return editor;
    }

    /** After each field's own range check, the rule across fields: memory holds at least one page. */
    @Override
    protected void checkState() {
        super.checkState();
        if (!isValid()) {
            return;
        }
        List<String> problems = new SqlEditorSettings(autosave.getIntValue(), pageRows.getIntValue(),
                capacityRows.getIntValue()).problems();
        if (problems.isEmpty()) {
            setErrorMessage(null);
        } else {
            setErrorMessage(problems.get(0));
            setValid(false);
        }
    }

    @Override
    public void propertyChange(PropertyChangeEvent event) {
        super.propertyChange(event);
        if (FieldEditor.VALUE.equals(event.getProperty())) {
            checkState();
        }
    }
}
