package io.dora.driver.mongo.internal;

import java.math.BigDecimal;
import java.time.Instant;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/** How BSON values appear in a flat row: plain Java values where one fits, relaxed extended JSON otherwise. */
final class BsonValues {

    static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private static final String JSON_PREFIX = "{\"v\": ";

    private BsonValues() {
    }

    /** The type's name as {@code $type} spells it. */
    static String typeName(BsonValue value) {
        return switch (value.getBsonType()) {
            case DOUBLE -> "double";
            case STRING -> "string";
            case DOCUMENT -> "object";
            case ARRAY -> "array";
            case BINARY -> "binData";
            case OBJECT_ID -> "objectId";
            case BOOLEAN -> "bool";
            case DATE_TIME -> "date";
            case NULL, UNDEFINED -> "null";
            case REGULAR_EXPRESSION -> "regex";
            case JAVASCRIPT, JAVASCRIPT_WITH_SCOPE -> "javascript";
            case INT32 -> "int";
            case TIMESTAMP -> "timestamp";
            case INT64 -> "long";
            case DECIMAL128 -> "decimal";
            case MIN_KEY -> "minKey";
            case MAX_KEY -> "maxKey";
            default -> value.getBsonType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    static boolean isNumberType(String typeName) {
        return switch (typeName) {
            case "int", "long", "double", "decimal", "number" -> true;
            default -> false;
        };
    }

    /** The class of what {@link #toJava} returns for such a value. */
    static String javaClass(BsonValue value) {
        return switch (value.getBsonType()) {
            case DOUBLE -> Double.class.getName();
            case INT32 -> Integer.class.getName();
            case INT64 -> Long.class.getName();
            case DECIMAL128 -> BigDecimal.class.getName();
            case BOOLEAN -> Boolean.class.getName();
            case DATE_TIME -> Instant.class.getName();
            default -> String.class.getName();
        };
    }

    /** A cell value: numbers, booleans, dates and strings as Java values, ObjectIds as hex, the rest as JSON. */
    static Object toJava(BsonValue value) {
        return switch (value.getBsonType()) {
            case STRING -> value.asString().getValue();
            case INT32 -> value.asInt32().getValue();
            case INT64 -> value.asInt64().getValue();
            case DOUBLE -> value.asDouble().getValue();
            case DECIMAL128 -> value.asDecimal128().getValue().isFinite()
                    ? value.asDecimal128().getValue().bigDecimalValue() : value.asDecimal128().getValue().toString();
            case BOOLEAN -> value.asBoolean().getValue();
            case DATE_TIME -> Instant.ofEpochMilli(value.asDateTime().getValue());
            case OBJECT_ID -> value.asObjectId().getValue().toHexString();
            case NULL, UNDEFINED -> null;
            default -> json(value);
        };
    }

    /** One value as relaxed extended JSON text. */
    static String json(BsonValue value) {
        String wrapped = new BsonDocument("v", value).toJson(JSON);
        return wrapped.substring(JSON_PREFIX.length(), wrapped.length() - 1).strip();
    }
}
