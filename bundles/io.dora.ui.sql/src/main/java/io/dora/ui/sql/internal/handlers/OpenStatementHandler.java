package io.dora.ui.sql.internal.handlers;

import java.util.UUID;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

import io.dora.core.connection.ConnectionSpec;
import io.dora.ui.sql.internal.editor.SqlEditor;
import io.dora.ui.sql.internal.editor.SqlEditorInput;
import io.dora.ui.sql.internal.session.ConnectionResolver;

/**
 * The handler of {@code io.dora.ui.openStatementInEditor} (declared by the Query History's bundle, whose
 * {@code OpenStatementCommand} names the ids): a new SQL editor on the statement's connection holding the
 * statement, not run. A connection that is gone or locked still opens the editor, which says why; without a
 * connection id, the user picks one.
 */
public final class OpenStatementHandler extends AbstractHandler {

    static final String STATEMENT = "io.dora.ui.statement";
    static final String CONNECTION_ID = "io.dora.ui.connectionId";

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
        String statement = event.getParameter(STATEMENT);
        if (statement == null) {
            throw new ExecutionException("No statement to open (parameter " + STATEMENT + ")");
        }
        String connectionId = event.getParameter(CONNECTION_ID);
        SqlEditorInput input;
        if (connectionId == null || connectionId.isBlank()) {
            ConnectionSpec spec = OpenEditorHandler.choose(window);
            if (spec == null) {
                return null;
            }
            input = new SqlEditorInput(spec, statement, false);
        } else {
            try (ConnectionResolver resolver = new ConnectionResolver()) {
                ConnectionResolver.Resolution connection = resolver.resolve(connectionId);
                input = SqlEditorInput.reopened(UUID.randomUUID().toString(), connection.spec(), statement,
                        SqlEditorInput.CURSOR_AT_END, null, connection.problem());
            }
        }
        try {
            window.getActivePage().openEditor(input, SqlEditor.ID);
        } catch (PartInitException e) {
            throw new ExecutionException("Cannot open the SQL editor: " + e.getMessage(), e);
        }
        return null;
    }
}
