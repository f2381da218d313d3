package io.dora.driver.mongo.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * The fields seen in a set of documents, as a tree in order of first appearance: a field first seen in a later
 * document is placed next to its siblings, under its parent. Sub-documents are descended into; arrays, empty
 * documents and scalars are leaves. Used for the flat result columns and for the sampled collection schema.
 */
final class FieldTree {

    /** A leaf path with what was seen in it. */
    record Leaf(String path, String typeName, String javaClass, long present, boolean nullSeen) {
    }

    private static final class Node {
        final Map<String, Node> children = new LinkedHashMap<>();
        String typeName;
        String javaClass;
        long present;
        boolean nullSeen;
    }

    private final Node root = new Node();
    private long documents;

    void add(BsonDocument document) {
        documents++;
        add(root, document);
    }

    long documents() {
        return documents;
    }

    /** The leaves in order: dotted paths, parents' own scalar values before their children. */
    List<Leaf> leaves() {
        List<Leaf> leaves = new ArrayList<>();
        collect(root, "", leaves);
        return leaves;
    }

    private static void add(Node node, BsonDocument document) {
        for (Map.Entry<String, BsonValue> field : document.entrySet()) {
            Node child = node.children.computeIfAbsent(field.getKey(), key -> new Node());
            BsonValue value = field.getValue();
            if (value.isDocument() && !value.asDocument().isEmpty()) {
                add(child, value.asDocument());
            } else {
                child.present++;
                if (value.isNull() || value.getBsonType() == BsonType.UNDEFINED) {
                    child.nullSeen = true;
                } else {
                    merge(child, BsonValues.typeName(value), BsonValues.javaClass(value));
                }
            }
        }
    }

    private static void merge(Node node, String typeName, String javaClass) {
        if (node.typeName == null) {
            node.typeName = typeName;
            node.javaClass = javaClass;
        } else if (!node.typeName.equals(typeName)) {
            boolean numbers = BsonValues.isNumberType(node.typeName) && BsonValues.isNumberType(typeName);
            node.typeName = numbers ? "number" : "mixed";
            node.javaClass = numbers ? Number.class.getName() : Object.class.getName();
        }
    }

    private static void collect(Node node, String prefix, List<Leaf> leaves) {
        for (Map.Entry<String, Node> entry : node.children.entrySet()) {
            String path = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
            Node child = entry.getValue();
            if (child.present > 0 || child.children.isEmpty()) {
                leaves.add(new Leaf(path, child.typeName == null ? "null" : child.typeName,
                        child.javaClass == null ? Object.class.getName() : child.javaClass, child.present, child.nullSeen));
            }
            collect(child, path, leaves);
        }
    }
}
