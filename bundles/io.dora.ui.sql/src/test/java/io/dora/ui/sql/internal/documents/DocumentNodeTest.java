package io.dora.ui.sql.internal.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bson.BsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.Test;

class DocumentNodeTest {

    /** A document as the MongoDB driver writes it into the result's last column: relaxed extended JSON. */
    private static final String JSON = BsonDocument.parse("""
            {_id: ObjectId('65a1b2c3d4e5f60718293a4b'), name: 'Ann', age: 31, visits: NumberLong('5000000000'),
             score: 1.5, price: NumberDecimal('9.99'), active: true, nickname: null,
             since: ISODate('2024-01-02T03:04:05Z'), address: {city: 'Oslo', geo: {lat: 59.9, lon: 10.7}},
             tags: ['a', {kind: 'b'}], empty: {}, pattern: /^a/i}
            """).toJson(JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build());

    @Test
    void aDocumentLeadsWithItsIdAndCountsItsFields() {
        DocumentNode document = DocumentNode.document("1", JSON);
        assertEquals("1", document.key());
        assertEquals("object", document.typeName());
        assertEquals("_id: 65a1b2c3d4e5f60718293a4b  {13 fields}", document.valueText());
        assertEquals(13, document.childCount());
    }

    @Test
    void fieldsKeepTheirOrderValuesAndBsonTypes() {
        List<DocumentNode> fields = DocumentNode.document("1", JSON).children();
        assertEquals(List.of("_id", "name", "age", "visits", "score", "price", "active", "nickname", "since",
                "address", "tags", "empty", "pattern"), fields.stream().map(DocumentNode::key).toList());
        assertEquals(List.of("objectId", "string", "int", "long", "double", "decimal", "bool", "null", "date",
                "object", "array", "object", "regex"), fields.stream().map(DocumentNode::typeName).toList());
        assertEquals(List.of("65a1b2c3d4e5f60718293a4b", "\"Ann\"", "31", "5000000000", "1.5", "9.99", "true",
                "null", "2024-01-02T03:04:05Z", "{2 fields}", "[2 elements]", "{0 fields}"),
                fields.stream().limit(12).map(DocumentNode::valueText).toList());
        assertTrue(fields.get(12).valueText().contains("^a"), fields.get(12).valueText());
        assertFalse(fields.get(1).hasChildren());
        assertFalse(fields.get(11).hasChildren());
    }

    @Test
    void nestedDocumentsAndArraysExpandIntoTheirFieldsAndElements() {
        List<DocumentNode> fields = DocumentNode.document("1", JSON).children();
        DocumentNode geo = fields.get(9).children().get(1);
        assertEquals("geo", geo.key());
        assertEquals("{2 fields}", geo.valueText());
        assertEquals("59.9", geo.children().get(0).valueText());
        List<DocumentNode> tags = fields.get(10).children();
        assertEquals(List.of("[0]", "[1]"), tags.stream().map(DocumentNode::key).toList());
        assertEquals("\"a\"", tags.get(0).valueText());
        assertEquals("object", tags.get(1).typeName());
        assertEquals("\"b\"", tags.get(1).children().get(0).valueText());
    }

    @Test
    void childrenAreMadeOnceWhenFirstAskedFor() {
        DocumentNode document = DocumentNode.document("1", JSON);
        assertSame(document.children(), document.children());
        assertSame(document.children().get(9).children(), document.children().get(9).children());
    }

    @Test
    void aDocumentWithoutAnIdOrWithACompoundIdShowsOnlyItsSize() {
        assertEquals("{1 field}", DocumentNode.document("1", "{\"a\": 1}").valueText());
        assertEquals("{1 field}", DocumentNode.document("1", "{\"_id\": {\"x\": 1}}").valueText());
    }

    @Test
    void textThatIsNotADocumentSaysSoAndHasNoChildren() {
        DocumentNode broken = DocumentNode.document("7", "{not json");
        assertTrue(broken.valueText().startsWith("Not a document"), broken.valueText());
        assertEquals("", broken.typeName());
        assertFalse(broken.hasChildren());
        assertEquals(List.of(), broken.children());
    }
}
