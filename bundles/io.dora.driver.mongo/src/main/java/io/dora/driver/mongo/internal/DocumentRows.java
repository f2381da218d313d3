package io.dora.driver.mongo.internal;

import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import io.dora.core.query.ColumnInfo;

/**
 * The flat tabular view of documents: one column per leaf path of the first page (nested fields as dotted
 * names, arrays as JSON text), then the whole document as relaxed extended JSON in the last column, for a tree
 * view. A later document with a field that is not among the columns keeps it in the document column.
 */
final class DocumentRows {

    /** The label of the last column, which holds the whole document. */
    static final String DOCUMENT_COLUMN = "(document)";

    private final List<ColumnInfo> columns = new ArrayList<>();
    private final Map<String, Integer> indexByPath = new HashMap<>();
    private long documentsWithOtherFields;

    DocumentRows(List<BsonDocument> firstPage) {
        FieldTree tree = new FieldTree();
        firstPage.forEach(tree::add);
        for (FieldTree.Leaf leaf : tree.leaves()) {
            indexByPath.put(leaf.path(), columns.size());
            columns.add(new ColumnInfo(leaf.path(), leaf.typeName(), Types.OTHER, leaf.javaClass(), true));
        }
        columns.add(new ColumnInfo(DOCUMENT_COLUMN, "document", Types.OTHER, String.class.getName(), false));
    }

    List<ColumnInfo> columns() {
        return List.copyOf(columns);
    }

    Object[] row(BsonDocument document) {
        Object[] row = new Object[columns.size()];
        if (fill(row, document, "")) {
            documentsWithOtherFields++;
        }
        row[row.length - 1] = document.toJson(BsonValues.JSON);
        return row;
    }

    /** How many documents had fields without a column of their own. */
    long documentsWithOtherFields() {
        return documentsWithOtherFields;
    }

    /** @return whether a field had no column */
    private boolean fill(Object[] row, BsonDocument document, String prefix) {
        boolean unmapped = false;
        for (Map.Entry<String, BsonValue> field : document.entrySet()) {
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            BsonValue value = field.getValue();
            if (value.isDocument() && !value.asDocument().isEmpty()) {
                unmapped |= fill(row, value.asDocument(), path);
                continue;
            }
            Integer index = indexByPath.get(path);
            if (index == null) {
                unmapped = true;
            } else {
                row[index] = BsonValues.toJava(value);
            }
        }
        return unmapped;
    }
}
