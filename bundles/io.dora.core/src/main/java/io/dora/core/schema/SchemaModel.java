package io.dora.core.schema;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The schema of one connection, shared by the navigator, autocompletion, schema diff and the copilot.
 * Each part is read on first use and cached until it is refreshed explicitly. Thread-safe; two threads
 * that miss the cache at once may both read, the later answer wins.
 */
public final class SchemaModel {

    private final MetadataReader reader;
    private volatile List<SchemaRef> schemas;
    private final Map<SchemaRef, List<TableInfo>> tables = new ConcurrentHashMap<>();
    private final Map<TableRef, TableDetails> details = new ConcurrentHashMap<>();

    public SchemaModel(MetadataReader reader) {
        this.reader = reader;
    }

    public List<SchemaRef> schemas() {
        List<SchemaRef> cached = schemas;
        if (cached == null) {
            cached = List.copyOf(reader.schemas());
            schemas = cached;
        }
        return cached;
    }

    public List<TableInfo> tables(SchemaRef schema) {
        return cached(tables, schema, () -> List.copyOf(reader.tables(schema)));
    }

    public TableDetails table(TableRef table) {
        return cached(details, table, () -> reader.table(table));
    }

    /** Forgets everything; the next reads go to the database. */
    public void refresh() {
        schemas = null;
        tables.clear();
        details.clear();
    }

    /** Forgets one namespace: its table list and the details of its tables. */
    public void refresh(SchemaRef schema) {
        tables.remove(schema);
        details.keySet().removeIf(table -> table.schema().equals(schema));
    }

    public void refresh(TableRef table) {
        details.remove(table);
    }

    private static <K, V> V cached(Map<K, V> cache, K key, Supplier<V> loader) {
        V value = cache.get(key);
        if (value == null) {
            value = loader.get();
            cache.put(key, value);
        }
        return value;
    }
}
