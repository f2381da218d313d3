package io.dora.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class SchemaModelTest {

    private final SchemaRef main = new SchemaRef(null, "main");
    private final AtomicInteger tableReads = new AtomicInteger();
    private final AtomicInteger schemaReads = new AtomicInteger();

    private final MetadataReader reader = new MetadataReader() {
        @Override
        public List<SchemaRef> schemas() {
            schemaReads.incrementAndGet();
            return List.of(main);
        }

        @Override
        public List<TableInfo> tables(SchemaRef schema) {
            tableReads.incrementAndGet();
            return List.of(new TableInfo(new TableRef(schema, "t" + tableReads.get()), TableKind.TABLE, ""));
        }

        @Override
        public TableDetails table(TableRef table) {
            return new TableDetails(new TableInfo(table, TableKind.TABLE, ""), List.of(), null, List.of(), List.of());
        }
    };

    @Test
    void readsLazilyAndCachesUntilRefreshed() {
        SchemaModel model = new SchemaModel(reader);
        assertEquals(0, schemaReads.get());
        assertEquals(List.of(main), model.schemas());
        model.schemas();
        assertEquals(1, schemaReads.get());
        assertEquals("t1", model.tables(main).get(0).name());
        assertEquals("t1", model.tables(main).get(0).name());
        model.refresh(main);
        assertEquals("t2", model.tables(main).get(0).name());
        model.refresh();
        model.schemas();
        assertEquals(2, schemaReads.get());
    }

    @Test
    void refreshingASchemaForgetsItsTablesDetails() {
        SchemaModel model = new SchemaModel(reader);
        TableRef table = new TableRef(main, "t");
        TableDetails first = model.table(table);
        assertSame(first, model.table(table));
        model.refresh(main);
        org.junit.jupiter.api.Assertions.assertNotSame(first, model.table(table));
    }
}
