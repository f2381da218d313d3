package io.dora.ui.internal.views;

import org.eclipse.core.runtime.IAdaptable;

import io.dora.core.connection.ConnectionSpec;
import java.util.List;
import java.util.stream.Stream;

import io.dora.core.schema.ColumnDefinition;
import io.dora.core.schema.ForeignKey;
import io.dora.core.schema.IndexDefinition;
import io.dora.core.schema.PrimaryKey;
import io.dora.core.schema.SchemaRef;
import io.dora.core.schema.TableDetails;
import io.dora.core.schema.TableInfo;

/**
 * The elements of the Connections tree: folder → connection → schema → table → its Columns, Keys and Indexes
 * sections → column, key, index; plus status rows.
 */
sealed interface NavigatorNode extends IAdaptable {

    /** The node's name as a user would copy it. */
    String name();

    /** Lets other bundles' commands act on a node through core types: its connection's spec, a table's info. */
    @Override
    default <T> T getAdapter(Class<T> adapter) {
        Object adapted = switch (this) {
            case ConnectionNode connection -> adapter == ConnectionSpec.class ? connection.spec() : null;
            case TableNode table -> adapter == ConnectionSpec.class ? table.connection().spec()
                    : adapter == TableInfo.class ? table.table() : null;
            default -> null;
        };
        return adapter.cast(adapted);
    }

    /** A folder of saved connections; {@code path} is the full folder path ("Team/Billing"). */
    record FolderNode(String path) implements NavigatorNode {
        @Override
        public String name() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    record ConnectionNode(ConnectionSpec spec) implements NavigatorNode {
        @Override
        public String name() {
            return spec.name();
        }
    }

    record SchemaNode(ConnectionNode connection, SchemaRef schema) implements NavigatorNode {
        @Override
        public String name() {
            return schema.name();
        }
    }

    record TableNode(ConnectionNode connection, TableInfo table) implements NavigatorNode {
        @Override
        public String name() {
            return table.name();
        }
    }

    /** The parts of a table the navigator lists under it. */
    enum Section {
        COLUMNS("Columns"), KEYS("Keys"), INDEXES("Indexes");

        private final String label;

        Section(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** One section of a table, holding the table's structure as read once for all three sections. */
    record SectionNode(TableNode table, Section section, TableDetails details) implements NavigatorNode {
        @Override
        public String name() {
            return section.label();
        }

        /** The columns, the keys (primary first, then the foreign keys) or the indexes of the table. */
        List<NavigatorNode> children() {
            return switch (section) {
                case COLUMNS -> details.columns().stream().map(column -> (NavigatorNode) new ColumnNode(column)).toList();
                case KEYS -> Stream.concat(
                        details.primaryKeyIfAny().stream().map(key -> (NavigatorNode) new PrimaryKeyNode(key)),
                        details.foreignKeys().stream().map(key -> new ForeignKeyNode(table.table().ref().schema(), key)))
                        .toList();
                case INDEXES -> details.indexes().stream().map(index -> (NavigatorNode) new IndexNode(index)).toList();
            };
        }
    }

    record ColumnNode(ColumnDefinition column) implements NavigatorNode {
        @Override
        public String name() {
            return column.name();
        }
    }

    /** A primary key; named "primary key" where the database gives it no name (SQLite). */
    record PrimaryKeyNode(PrimaryKey key) implements NavigatorNode {
        @Override
        public String name() {
            return key.name().isEmpty() ? "primary key" : key.name();
        }
    }

    /** A foreign key; {@code schema} is its table's, so a target in the same schema is named without it. */
    record ForeignKeyNode(SchemaRef schema, ForeignKey key) implements NavigatorNode {
        @Override
        public String name() {
            return key.name().isEmpty() ? "foreign key" : key.name();
        }

        String target() {
            SchemaRef targetSchema = key.referencedTable().schema();
            return (targetSchema.equals(schema) ? "" : targetSchema.name() + ".") + key.referencedTable().name();
        }
    }

    record IndexNode(IndexDefinition index) implements NavigatorNode {
        @Override
        public String name() {
            return index.name();
        }
    }

    /** A placeholder while children load, or the reason they could not. */
    record StatusNode(String name, boolean error) implements NavigatorNode {
    }
}
