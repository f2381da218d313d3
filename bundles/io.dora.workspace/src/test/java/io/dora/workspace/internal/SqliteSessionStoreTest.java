package io.dora.workspace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dora.workspace.EditorState;

/** The session store on a real SQLite file: round trip, all-or-nothing replacement, writers racing. */
class SqliteSessionStoreTest {

    @TempDir
    Path folder;

    private Path file() {
        return AppDatabase.fileOf(folder);
    }

    @Test
    void aSavedSessionComesBackInOrderAfterReopening() {
        List<EditorState> editors = List.of(
                new EditorState("e1", "prod-db", "SELECT 1;\n-- unsaved ünïcødé", 9, "{\"tabs\":[\"r1\",\"r2\"]}"),
                new EditorState("e2", null, "", 0, null));
        SqliteSessionStore store = new SqliteSessionStore(file());
        assertEquals(List.of(), store.load(), "nothing saved yet");
        store.save(editors);
        store.close();

        SqliteSessionStore reopened = new SqliteSessionStore(file());
        assertEquals(editors, reopened.load());
        reopened.close();
    }

    @Test
    void aSaveReplacesTheWholeSessionOrNothing() {
        SqliteSessionStore store = new SqliteSessionStore(file());
        List<EditorState> first = List.of(new EditorState("a", "c", "one", 1, "x"), new EditorState("b", "c", "two", 2, "y"));
        store.save(first);
        store.save(List.of(new EditorState("c", "c", "three", 3, "z")));
        assertEquals(List.of("c"), store.load().stream().map(EditorState::id).toList(), "replaced, not merged");

        List<EditorState> second = store.load();
        // two editors with one id break the table's unique key halfway through the save
        List<EditorState> broken = List.of(new EditorState("d", "c", "four", 0, null), new EditorState("d", "c", "five", 0, null));
        assertThrows(AppDatabaseException.class, () -> store.save(broken));
        assertEquals(second, store.load(), "a failed save leaves the previous session whole");
        store.close();
    }

    @Test
    void concurrentWritersNeverLeaveAMixedSession() throws Exception {
        SqliteSessionStore one = new SqliteSessionStore(file());
        SqliteSessionStore two = new SqliteSessionStore(file());
        ExecutorService pool = Executors.newFixedThreadPool(5);
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                SqliteSessionStore store = w % 2 == 0 ? one : two;
                String writer = "w" + w;
                writers.add(pool.submit(() -> {
                    for (int round = 0; round < 40; round++) {
                        int size = 1 + round % 5;
                        String tag = writer + "-" + round;
                        store.save(IntStream.range(0, size)
                                .mapToObj(i -> new EditorState(tag + "-" + i, writer, tag, i, String.valueOf(size)))
                                .toList());
                    }
                    return null;
                }));
            }
            Future<?> reader = pool.submit(() -> {
                SqliteSessionStore store = new SqliteSessionStore(file());
                try {
                    while (writing.get()) {
                        List<EditorState> session = store.load();
                        Set<String> saves = session.stream().map(EditorState::text).collect(Collectors.toSet());
                        if (!session.isEmpty() && (saves.size() != 1
                                || Integer.parseInt(session.get(0).resultLayout()) != session.size())) {
                            problems.add("mixed or partial session: " + session);
                        }
                    }
                } finally {
                    store.close();
                }
                return null;
            });
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            reader.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(problems.isEmpty(), problems.toString());
        List<EditorState> last = one.load();
        assertEquals(last, two.load(), "both connections see the same last session");
        assertEquals(Integer.parseInt(last.get(0).resultLayout()), last.size());
        one.close();
        two.close();
    }
}
