package io.dora.driver.mongo.internal;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;

import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.schema.ColumnDefinition;
import io.dora.core.schema.IndexDefinition;
import io.dora.core.schema.MetadataReader;
import io.dora.core.schema.PrimaryKey;
import io.dora.core.schema.SchemaRef;
import io.dora.core.schema.TableDetails;
import io.dora.core.schema.TableInfo;
import io.dora.core.schema.TableKind;
import io.dora.core.schema.TableRef;

/**
 * The schema of a MongoDB server, read on the control client: databases are catalogs, their collections and
 * views the tables, and a collection's "columns" the fields found in a sample of its documents (dotted paths,
 * with the BSON types seen; nullable when some sampled document lacks the field).
 */
final class MongoMetadataReader implements MetadataReader {

    /** Documents sampled per collection for its fields. */
    static final int SAMPLE_SIZE = 100;

    private final MongoDatabaseConnection owner;

    MongoMetadataReader(MongoDatabaseConnection owner) {
        this.owner = owner;
    }

    @Override
    public List<SchemaRef> schemas() {
        try {
            List<SchemaRef> schemas = new ArrayList<>();
            for (String name : owner.control().listDatabaseNames()) {
                schemas.add(new SchemaRef(name, null));
            }
            String own = owner.spec().database();
            if (!own.isEmpty() && schemas.stream().noneMatch(schema -> schema.catalog().equals(own))) {
                // a database without collections yet, or one the user may use but not list
                schemas.add(0, new SchemaRef(own, null));
            }
            return schemas;
        } catch (MongoException e) {
            throw MongoErrors.translate(e);
        }
    }

    @Override
    public List<TableInfo> tables(SchemaRef schema) {
        try {
            List<TableInfo> tables = new ArrayList<>();
            for (Document collection : database(schema).listCollections()) {
                String name = collection.getString("name");
                tables.add(new TableInfo(new TableRef(schema, name), kindOf(collection), commentOf(collection)));
            }
            tables.sort((a, b) -> a.name().compareTo(b.name()));
            return tables;
        } catch (MongoException e) {
            throw MongoErrors.translate(e);
        }
    }

    @Override
    public TableDetails table(TableRef table) {
        try {
            MongoDatabase database = database(table.schema());
            Document description = null;
            // the filter narrows the listing; the name is checked here too, for servers that ignore the filter
            for (Document candidate : database.listCollections().filter(new Document("name", table.name()))) {
                if (table.name().equals(candidate.getString("name"))) {
                    description = candidate;
                }
            }
            if (description == null) {
                throw new DoraException(ErrorKind.UNDEFINED_OBJECT, "The collection " + table + " does not exist");
            }
            TableInfo info = new TableInfo(table, kindOf(description), commentOf(description));
            List<ColumnDefinition> columns = sampledFields(database, table.name());
            if (info.kind() == TableKind.VIEW) {
                return new TableDetails(info, columns, null, List.of(), List.of());
            }
            return new TableDetails(info, columns, new PrimaryKey("_id_", List.of("_id")), List.of(),
                    indexes(database, table.name()));
        } catch (MongoException e) {
            throw MongoErrors.translate(e);
        }
    }

    private List<ColumnDefinition> sampledFields(MongoDatabase database, String collection) {
        FieldTree fields = new FieldTree();
        List<BsonDocument> sample = List.of(new BsonDocument("$sample", new BsonDocument("size", new BsonInt32(SAMPLE_SIZE))));
        for (BsonDocument document : database.getCollection(collection, BsonDocument.class).aggregate(sample)) {
            fields.add(document);
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        for (FieldTree.Leaf leaf : fields.leaves()) {
            boolean nullable = leaf.nullSeen() || leaf.present() < fields.documents();
            columns.add(new ColumnDefinition(leaf.path(), columns.size() + 1, leaf.typeName(), Types.OTHER, 0, 0,
                    nullable, null, leaf.path().equals("_id") && leaf.typeName().equals("objectId"),
                    "seen in " + leaf.present() + " of " + fields.documents() + " sampled documents"));
        }
        return columns;
    }

    private static List<IndexDefinition> indexes(MongoDatabase database, String collection) {
        List<IndexDefinition> indexes = new ArrayList<>();
        for (BsonDocument index : database.getCollection(collection).listIndexes(BsonDocument.class)) {
            List<String> keys = new ArrayList<>();
            for (Map.Entry<String, BsonValue> key : index.getDocument("key", new BsonDocument()).entrySet()) {
                keys.add(keyText(key.getKey(), key.getValue()));
            }
            boolean unique = index.getBoolean("unique", BsonBoolean.FALSE).getValue()
                    || index.getString("name", new BsonString("")).getValue().equals("_id_");
            indexes.add(new IndexDefinition(index.getString("name", new BsonString("")).getValue(), unique, keys));
        }
        return indexes;
    }

    /** {@code a} ascending, {@code a DESC}, or the index type: {@code a (text)}, {@code loc (2dsphere)}. */
    private static String keyText(String field, BsonValue direction) {
        if (direction.isNumber()) {
            return direction.asNumber().doubleValue() < 0 ? field + " DESC" : field;
        }
        return field + " (" + (direction.isString() ? direction.asString().getValue() : BsonValues.json(direction)) + ")";
    }

    private static TableKind kindOf(Document collection) {
        String name = collection.getString("name");
        if ("view".equals(collection.getString("type"))) {
            return TableKind.VIEW;
        }
        return name != null && name.startsWith("system.") ? TableKind.SYSTEM_TABLE : TableKind.COLLECTION;
    }

    private static String commentOf(Document collection) {
        Document options = collection.get("options", Document.class);
        if ("view".equals(collection.getString("type")) && options != null && options.getString("viewOn") != null) {
            return "view on " + options.getString("viewOn");
        }
        if ("timeseries".equals(collection.getString("type"))) {
            return "time series";
        }
        return "";
    }

    private MongoDatabase database(SchemaRef schema) {
        return owner.control().getDatabase(schema.catalog());
    }
}
