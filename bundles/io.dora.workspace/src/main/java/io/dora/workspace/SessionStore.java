package io.dora.workspace;

import java.util.List;

/**
 * The workspace's open editors, for session restoration. A DS service backed by the app database: each save
 * replaces the whole session in one transaction, so a crash leaves either the previous session or the new one,
 * never a mix. Safe to call from any thread and from several processes on one workspace.
 */
public interface SessionStore {

    /** Replaces the stored session with these editors, in this order. */
    void save(List<EditorState> editors);

    /** The editors of the last saved session, in their order; empty when none was saved. */
    List<EditorState> load();
}
