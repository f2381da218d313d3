package io.dora.workspace.internal;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.dora.core.observe.RunIdentity;
import io.dora.workspace.EditorState;
import io.dora.workspace.SessionStore;

/** The session's editors in the workspace database, replaced whole in one transaction on every save. */
@Component(service = SessionStore.class)
public final class SqliteSessionStore implements SessionStore {

    private final AppDatabase database;

    @Activate
    public SqliteSessionStore(@Reference RunIdentity identity) {
        this(AppDatabase.fileOf(identity.workspace()));
    }

    public SqliteSessionStore(Path databaseFile) {
        database = AppDatabase.open(databaseFile);
    }

    @Override
    public void save(List<EditorState> editors) {
        List<EditorState> snapshot = List.copyOf(editors);
        database.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM session_editor");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO session_editor (position, editor_id, "
                            + "connection_id, text, cursor_offset, result_layout) VALUES (?, ?, ?, ?, ?, ?)")) {
                delete.executeUpdate();
                for (int position = 0; position < snapshot.size(); position++) {
                    EditorState editor = snapshot.get(position);
                    insert.setInt(1, position);
                    insert.setString(2, editor.id());
                    insert.setString(3, editor.connectionId());
                    insert.setString(4, editor.text());
                    insert.setInt(5, editor.cursorOffset());
                    insert.setString(6, editor.resultLayout());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<EditorState> load() {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT editor_id, connection_id, text, cursor_offset, "
                    + "result_layout FROM session_editor ORDER BY position");
                    ResultSet rows = select.executeQuery()) {
                List<EditorState> editors = new ArrayList<>();
                while (rows.next()) {
                    editors.add(new EditorState(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getInt(4), rows.getString(5)));
                }
                return editors;
            }
        });
    }

    @Deactivate
    public void close() {
        database.close();
    }
}
