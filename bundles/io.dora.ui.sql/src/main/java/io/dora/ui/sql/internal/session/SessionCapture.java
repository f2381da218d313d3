package io.dora.ui.sql.internal.session;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;

import io.dora.ui.sql.internal.editor.SqlEditor;
import io.dora.workspace.EditorState;

/** The open SQL editors of every window, in their order, as the session keeps them. On the UI thread. */
final class SessionCapture {

    private SessionCapture() {
    }

    static List<EditorState> openEditors(IWorkbench workbench) {
        List<EditorState> editors = new ArrayList<>();
        for (IWorkbenchWindow window : workbench.getWorkbenchWindows()) {
            for (IWorkbenchPage page : window.getPages()) {
                for (IEditorReference reference : page.getEditorReferences()) {
                    if (SqlEditor.ID.equals(reference.getId())
                            && reference.getEditor(false) instanceof SqlEditor editor && editor.hasControls()) {
                        editors.add(editor.state());
                    }
                }
            }
        }
        return editors;
    }
}
