package io.dora.workspace;

import java.util.Objects;

/**
 * One open editor of a session, as restored after a restart or a crash.
 *
 * @param id           the editor's stable id within the workspace
 * @param connectionId the connection it is bound to; null for none
 * @param text         its text, including what was never saved to a file
 * @param cursorOffset the caret's offset in the text
 * @param resultLayout the result tabs' layout, opaque to the store (the editor's own format); null for none
 */
public record EditorState(String id, String connectionId, String text, int cursorOffset, String resultLayout) {

    public EditorState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        if (cursorOffset < 0) {
            throw new IllegalArgumentException("The cursor offset cannot be negative");
        }
    }
}
