package io.dora.ui.sql.internal.documents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonParseException;
import org.bson.json.JsonWriterSettings;

/**
 * One node of the documents tree: a document of a result, a field, or an array element, with its value as text
 * and its BSON type as {@code $type} spells it. Children are made when first asked for, so a big document costs
 * nothing until it is expanded. The MongoDB driver hands each document over as relaxed extended JSON (the
 * result's last column), which this parses back: numbers keep only what relaxed JSON says, so a 64-bit integer
 * that fits in 32 bits reads as {@code int}. No UI code, so it is tested without a display.
 */
public final class DocumentNode {

    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final String key;
    private final BsonValue value;
    private final String problem;
    private final boolean topLevel;
    private List<DocumentNode> children;

    private DocumentNode(String key, BsonValue value, String problem, boolean topLevel) {
        this.key = key;
        this.value = value;
        this.problem = problem;
        this.topLevel = topLevel;
    }

    /**
     * A document of a result.
     *
     * @param key  its label in the tree, e.g. the row number
     * @param json the document as relaxed extended JSON
     */
    public static DocumentNode document(String key, String json) {
        try {
            return new DocumentNode(key, BsonDocument.parse(json), null, true);
        } catch (JsonParseException | IllegalArgumentException e) {
            return new DocumentNode(key, null, "Not a document: " + e.getMessage(), true);
        }
    }

    public String key() {
        return key;
    }

    /** The BSON type as {@code $type} names it: {@code string}, {@code int}, {@code object}, {@code array}, ... */
    public String typeName() {
        if (value == null) {
            return "";
        }
        return switch (value.getBsonType()) {
            case DOCUMENT -> "object";
            case BINARY -> "binData";
            case OBJECT_ID -> "objectId";
            case BOOLEAN -> "bool";
            case DATE_TIME -> "date";
            case REGULAR_EXPRESSION -> "regex";
            case DB_POINTER -> "dbPointer";
            case JAVASCRIPT -> "javascript";
            case JAVASCRIPT_WITH_SCOPE -> "javascriptWithScope";
            case INT32 -> "int";
            case INT64 -> "long";
            case DECIMAL128 -> "decimal";
            case MIN_KEY -> "minKey";
            case MAX_KEY -> "maxKey";
            case END_OF_DOCUMENT -> "";
            default -> value.getBsonType().name().toLowerCase(Locale.ROOT); // double, string, array, ...
        };
    }

    /**
     * The value in one line: strings quoted, dates in ISO form, ObjectIds as hex, documents and arrays by their
     * size ({@code {3 fields}}, {@code [2 elements]}); a result's document leads with its {@code _id}.
     */
    public String valueText() {
        if (value == null) {
            return problem;
        }
        if (value.isDocument()) {
            BsonDocument document = value.asDocument();
            String size = "{" + count(document.size(), "field") + "}";
            BsonValue id = document.get("_id");
            return topLevel && id != null && !id.isDocument() && !id.isArray() ? "_id: " + scalar(id) + "  " + size
                    : size;
        }
        if (value.isArray()) {
            return "[" + count(value.asArray().size(), "element") + "]";
        }
        return scalar(value);
    }

    public boolean hasChildren() {
        return childCount() > 0;
    }

    public int childCount() {
        return value == null ? 0 : value.isDocument() ? value.asDocument().size()
                : value.isArray() ? value.asArray().size() : 0;
    }

    /** The fields of a document, or the elements of an array as {@code [0]}, {@code [1]}, ...; made on first use. */
    public List<DocumentNode> children() {
        if (children == null) {
            List<DocumentNode> made = new ArrayList<>(childCount());
            if (value != null && value.isDocument()) {
                for (Map.Entry<String, BsonValue> field : value.asDocument().entrySet()) {
                    made.add(new DocumentNode(field.getKey(), field.getValue(), null, false));
                }
            } else if (value != null && value.isArray()) {
                List<BsonValue> elements = value.asArray().getValues();
                for (int i = 0; i < elements.size(); i++) {
                    made.add(new DocumentNode("[" + i + "]", elements.get(i), null, false));
                }
            }
            children = List.copyOf(made);
        }
        return children;
    }

    private static String scalar(BsonValue value) {
        return switch (value.getBsonType()) {
            case STRING -> "\"" + value.asString().getValue() + "\"";
            case INT32 -> Integer.toString(value.asInt32().getValue());
            case INT64 -> Long.toString(value.asInt64().getValue());
            case DOUBLE -> Double.toString(value.asDouble().getValue());
            case DECIMAL128 -> value.asDecimal128().getValue().toString();
            case BOOLEAN -> Boolean.toString(value.asBoolean().getValue());
            case NULL -> "null";
            case OBJECT_ID -> value.asObjectId().getValue().toHexString();
            case DATE_TIME -> Instant.ofEpochMilli(value.asDateTime().getValue()).toString();
            default -> {
                String wrapped = new BsonDocument("v", value).toJson(JSON);
                yield wrapped.substring(wrapped.indexOf(':') + 1, wrapped.length() - 1).strip();
            }
        };
    }

    private static String count(int size, String noun) {
        return size + " " + noun + (size == 1 ? "" : "s");
    }
}
