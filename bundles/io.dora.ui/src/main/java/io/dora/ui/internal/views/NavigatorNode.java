package io.dora.ui.internal.views;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.schema.ColumnDefinition;
import io.dora.core.schema.SchemaRef;
import io.dora.core.schema.TableInfo;

/** The elements of the Connections tree: folder → connection → schema → table → column, plus status rows. */
sealed interface NavigatorNode {

    /** The node's name as a user would copy it. */
    String name();

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

    record ColumnNode(ColumnDefinition column) implements NavigatorNode {
        @Override
        public String name() {
            return column.name();
        }
    }

    /** A placeholder while children load, or the reason they could not. */
    record StatusNode(String name, boolean error) implements NavigatorNode {
    }
}
