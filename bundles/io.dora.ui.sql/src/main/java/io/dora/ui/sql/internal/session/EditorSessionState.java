package io.dora.ui.sql.internal.session;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.source.SourceViewer;
import org.eclipse.swt.custom.SashForm;

import io.dora.ui.sql.internal.editor.SqlEditorInput;
import io.dora.ui.sql.internal.results.ResultsPanel;
import io.dora.workspace.EditorState;

/** Puts an editor's session state (cursor, sash, result tab, scroll) into its controls and reads it back; UI thread. */
public final class EditorSessionState {

    private EditorSessionState() {
    }

    /** The cursor and layout the input brings (an editor of the last session), or the defaults. */
    public static void apply(SqlEditorInput input, SashForm sash, SourceViewer viewer, ResultsPanel results) {
        ResultLayout layout = ResultLayout.parse(input.layout());
        sash.setWeights(layout.sashWeights());
        IDocument document = viewer.getDocument();
        int cursor = input.cursorOffset();
        viewer.setSelectedRange(cursor < 0 ? document.getLength() : Math.min(cursor, document.getLength()), 0);
        viewer.setTopIndex(layout.topLine());
        if (input.layout() != null) {
            results.message("INFO", "Restored from the last session; its results are not run again ("
                    + layout.selectedTab() + " was shown)");
            results.selectTab(layout.selectedTab());
        }
    }

    public static EditorState capture(SqlEditorInput input, SashForm sash, SourceViewer viewer,
            ResultsPanel results) {
        ResultLayout layout = new ResultLayout(sash.getWeights(), results.selectedTabTitle(), viewer.getTopIndex());
        return new EditorState(input.editorId(), input.spec().id(), viewer.getDocument().get(),
                viewer.getTextWidget().getCaretOffset(), layout.format());
    }
}
