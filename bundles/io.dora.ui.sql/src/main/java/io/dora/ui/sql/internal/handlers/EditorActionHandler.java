package io.dora.ui.sql.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;
import org.eclipse.ui.handlers.HandlerUtil;

import io.dora.ui.sql.internal.editor.SqlEditor;

/**
 * The commands of the active SQL editor; plugin.xml names the action after the class, e.g.
 * {@code EditorActionHandler:runStatement}.
 */
public final class EditorActionHandler extends AbstractHandler implements IExecutableExtension {

    private String action = "";

    @Override
    public void setInitializationData(IConfigurationElement config, String propertyName, Object data) {
        action = data instanceof String text ? text : "";
    }

    @Override
    public Object execute(ExecutionEvent event) {
        if (HandlerUtil.getActiveEditor(event) instanceof SqlEditor editor) {
            switch (action) {
                case "runStatement" -> editor.runStatement();
                case "runScript" -> editor.runScript();
                case "cancel" -> editor.cancel();
                case "commit" -> editor.commit();
                case "rollback" -> editor.rollback();
                case "toggleAutoCommit" -> editor.toggleAutoCommit();
                case "toggleFocus" -> editor.toggleFocus();
                case "exportResult" -> editor.exportResult();
                default -> throw new IllegalStateException("Unknown SQL editor action '" + action + "'");
            }
        }
        return null;
    }
}
