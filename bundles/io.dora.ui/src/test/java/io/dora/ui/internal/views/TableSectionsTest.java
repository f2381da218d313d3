package io.dora.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Types;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dora.core.schema.ColumnDefinition;
import io.dora.core.schema.ForeignKey;
import io.dora.core.schema.IndexDefinition;
import io.dora.core.schema.PrimaryKey;
import io.dora.core.schema.SchemaRef;
import io.dora.core.schema.TableDetails;
import io.dora.core.schema.TableInfo;
import io.dora.core.schema.TableKind;
import io.dora.core.schema.TableRef;
import io.dora.ui.internal.views.NavigatorNode.Section;
import io.dora.ui.internal.views.NavigatorNode.SectionNode;
import io.dora.ui.internal.views.NavigatorNode.TableNode;

/** A table's Columns, Keys and Indexes sections in the navigator, and how their rows read. */
class TableSectionsTest {

    private static final SchemaRef SHOP = new SchemaRef("db", "shop");
    private static final TableInfo ORDERS = new TableInfo(new TableRef(SHOP, "orders"), TableKind.TABLE, null);
    private static final TableDetails DETAILS = new TableDetails(ORDERS,
            List.of(column("id", false), column("customer_id", true)), new PrimaryKey("orders_pkey", List.of("id")),
            List.of(new ForeignKey("orders_customer_fk", List.of("customer_id"), new TableRef(SHOP, "customers"),
                    List.of("id"), "NO ACTION", "CASCADE"),
                    new ForeignKey("", List.of("region"), new TableRef(new SchemaRef("db", "geo"), "regions"),
                            List.of("code"), "NO ACTION", "NO ACTION")),
            List.of(new IndexDefinition("orders_pkey", true, List.of("id")),
                    new IndexDefinition("orders_by_customer", false, List.of("customer_id", "id"))));
    private static final TableNode TABLE = new TableNode(null, ORDERS);
    private static final NavigatorLabelProvider LABELS = new NavigatorLabelProvider(null);

    private static ColumnDefinition column(String name, boolean nullable) {
        return new ColumnDefinition(name, 1, "integer", Types.INTEGER, 10, 0, nullable, null, false, null);
    }

    private static List<String> labels(Section section) {
        return new SectionNode(TABLE, section, DETAILS).children().stream().map(LABELS::getText).toList();
    }

    @Test
    void eachSectionIsLabelledWithItsCount() {
        assertEquals("Columns (2)", LABELS.getText(new SectionNode(TABLE, Section.COLUMNS, DETAILS)));
        assertEquals("Keys (3)", LABELS.getText(new SectionNode(TABLE, Section.KEYS, DETAILS)));
        assertEquals("Indexes (2)", LABELS.getText(new SectionNode(TABLE, Section.INDEXES, DETAILS)));
    }

    @Test
    void columnsShowTheirTypeAndNotNull() {
        assertEquals(List.of("id : integer not null", "customer_id : integer"), labels(Section.COLUMNS));
    }

    @Test
    void keysListThePrimaryKeyFirstThenForeignKeysWithTheirTarget() {
        assertEquals(List.of("orders_pkey (id)  primary key",
                "orders_customer_fk (customer_id) \u2192 customers (id)",
                "foreign key (region) \u2192 geo.regions (code)"), labels(Section.KEYS));
    }

    @Test
    void indexesSayWhetherTheyAreUnique() {
        assertEquals(List.of("orders_pkey (id)  unique", "orders_by_customer (customer_id, id)"),
                labels(Section.INDEXES));
    }

    @Test
    void aTableWithoutKeysHasAnEmptyKeysSection() {
        TableDetails bare = new TableDetails(ORDERS, List.of(column("id", true)), null, List.of(), List.of());
        assertEquals("Keys (0)", LABELS.getText(new SectionNode(TABLE, Section.KEYS, bare)));
        TableDetails unnamed = new TableDetails(ORDERS, List.of(), new PrimaryKey("", List.of("id")), List.of(),
                List.of());
        assertEquals("primary key (id)",
                LABELS.getText(new SectionNode(TABLE, Section.KEYS, unnamed).children().get(0)));
        assertFalse(new NavigatorModel(() -> null, List::of, List::of, node -> { })
                .hasChildren(new SectionNode(TABLE, Section.KEYS, bare)));
    }
}
