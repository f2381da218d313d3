package io.dora.ui.sql.internal.preferences;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

/** The keys of the "Dora > SQL Editor" preferences, kept per workspace (instance scope). */
public final class SqlEditorPreferences {

    public static final String NODE = "io.dora.ui.sql";
    public static final String AUTOSAVE_SECONDS = "session.autosaveSeconds";
    public static final String PAGE_ROWS = "results.pageRows";
    public static final String CAPACITY_ROWS = "results.capacityRows";

    private SqlEditorPreferences() {
    }

    /** The settings now; values out of range (a hand-edited file) fall back to the defaults. */
    public static SqlEditorSettings current() {
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode(NODE);
        SqlEditorSettings defaults = SqlEditorSettings.DEFAULTS;
        return new SqlEditorSettings(node.getInt(AUTOSAVE_SECONDS, defaults.autosaveSeconds()),
                node.getInt(PAGE_ROWS, defaults.pageRows()), node.getInt(CAPACITY_ROWS, defaults.capacityRows()))
                .orDefaults();
    }
}
