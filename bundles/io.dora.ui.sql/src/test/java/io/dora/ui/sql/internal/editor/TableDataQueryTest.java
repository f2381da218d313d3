package io.dora.ui.sql.internal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.dora.core.schema.SchemaRef;
import io.dora.core.schema.TableRef;

class TableDataQueryTest {

    @Test
    void namesAreQuotedOnlyWhereTheDialectNeedsIt() {
        assertEquals("SELECT * FROM track",
                TableDataQuery.selectAll(new TableRef(new SchemaRef(null, "main"), "track"), "sqlite"));
        assertEquals("SELECT * FROM public.\"Order\"",
                TableDataQuery.selectAll(new TableRef(new SchemaRef("db", "public"), "Order"), "postgres"));
        assertEquals("SELECT * FROM shop.`order`",
                TableDataQuery.selectAll(new TableRef(new SchemaRef("shop", null), "order"), "mysql"));
        assertEquals("SELECT * FROM \"my \"\"t\"\"\"",
                TableDataQuery.selectAll(new TableRef(new SchemaRef(null, "main"), "my \"t\""), "sqlite"));
    }

    @Test
    void aMongoCollectionOpensWithFindInItsDatabase() {
        assertEquals("db.getSiblingDB(\"shop\").getCollection(\"order \\\"items\\\"\").find({})",
                TableDataQuery.selectAll(new TableRef(new SchemaRef("shop", null), "order \"items\""), "mongo"));
    }
}
