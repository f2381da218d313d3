package io.dora.sql.mongo;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import io.dora.core.error.DoraException;
import io.dora.sql.mongo.ShellText.Span;

/**
 * Reads one MongoDB statement as Dora accepts it: a command document in relaxed JSON ({@code {find: "users"}}),
 * a shell form ({@code db.users.find(...).sort(...).limit(10)}, {@code db.getCollection("x").aggregate([...])},
 * {@code db.runCommand({...})}), or one of {@code use <db>}, {@code show dbs}, {@code show collections}. Each
 * becomes one {@link MongoStatement}: the command document the driver sends. The driver runs it; the safety
 * classifier judges the same document, so the text forms cannot disagree. Values are read by bson's JSON reader
 * in shell mode; errors name the line and column.
 */
public final class MongoShell {

    /** A method call: its name, where it starts, and its parsed arguments. */
    record Call(String method, int position, List<BsonValue> arguments) {
    }

    private final ShellText text;
    private final String currentDatabase;
    private int pos;

    private MongoShell(String statement, String currentDatabase) {
        this.text = new ShellText(statement);
        this.currentDatabase = currentDatabase;
    }

    /**
     * @param currentDatabase the session's database, for commands that do not name one
     * @throws DoraException of kind SYNTAX naming the line and column of the problem
     */
    public static MongoStatement parse(String statement, String currentDatabase) {
        return new MongoShell(statement, currentDatabase).statement();
    }

    private MongoStatement statement() {
        pos = text.skipBlanks(0);
        if (pos >= text.length()) {
            throw text.error(pos, "The statement is empty");
        }
        MongoStatement command;
        char first = text.charAt(pos);
        String word = text.identifierAt(pos);
        if (first == '{') {
            command = MongoStatement.documents(currentDatabase, document(valueSpan(), "The command"));
        } else if (word.equals("use")) {
            command = use();
        } else if (word.equals("show")) {
            command = show();
        } else if (word.equals("db")) {
            pos += 2;
            command = dbExpression();
        } else {
            throw text.error(pos, "Expected a command document {...}, db.<collection>.<method>(...), use <db> or show");
        }
        expectEnd();
        return command;
    }

    private MongoStatement use() {
        pos = text.skipBlanks(pos + 3);
        String name = text.identifierAt(pos);
        if (name.isEmpty() && pos < text.length() && (text.charAt(pos) == '"' || text.charAt(pos) == '\'')) {
            BsonValue quoted = text.parseValue(valueSpan());
            return new MongoStatement(quoted.asString().getValue(), new BsonDocument(), MongoStatement.Shape.USE_DATABASE, null);
        }
        if (name.isEmpty()) {
            throw text.error(pos, "Expected a database name after 'use'");
        }
        pos += name.length();
        return new MongoStatement(name, new BsonDocument(), MongoStatement.Shape.USE_DATABASE, null);
    }

    private MongoStatement show() {
        pos = text.skipBlanks(pos + 4);
        String what = text.identifierAt(pos);
        int at = pos;
        pos += what.length();
        return switch (what) {
            case "dbs", "databases" -> new MongoStatement("admin",
                    BsonDocument.parse("{listDatabases: 1, nameOnly: false}"), MongoStatement.Shape.ARRAY, "databases");
            case "collections", "tables" -> MongoStatement.documents(currentDatabase,
                    BsonDocument.parse("{listCollections: 1, nameOnly: true}"));
            default -> throw text.error(at, "Expected 'dbs' or 'collections' after 'show'");
        };
    }

    /** After {@code db}: the collection (by name, {@code ["x"]} or {@code getCollection("x")}) and the calls. */
    private MongoStatement dbExpression() {
        String database = currentDatabase;
        List<String> path = new ArrayList<>();
        String collection = null;
        while (true) {
            pos = text.skipBlanks(pos);
            if (pos < text.length() && text.charAt(pos) == '[') {
                collection = joined(path, stringArgument(bracketed('['), "A collection name"));
                path.clear();
                continue;
            }
            int dot = pos;
            expect('.');
            pos = text.skipBlanks(pos);
            String name = text.identifierAt(pos);
            if (name.isEmpty()) {
                throw text.error(pos, "Expected a name after '.'");
            }
            int nameAt = pos;
            pos = text.skipBlanks(pos + name.length());
            boolean call = pos < text.length() && text.charAt(pos) == '(';
            if (!call) {
                path.add(name);
                continue;
            }
            if (name.equals("getCollection") && path.isEmpty() && collection == null) {
                collection = stringArgument(bracketed('('), "getCollection() needs the collection name");
                continue;
            }
            if (name.equals("getSiblingDB") && path.isEmpty() && collection == null) {
                database = stringArgument(bracketed('('), "getSiblingDB() needs the database name");
                continue;
            }
            List<BsonValue> arguments = arguments();
            Call first = new Call(name, nameAt, arguments);
            List<Call> chain = chain();
            if (collection == null && path.isEmpty()) {
                if (!chain.isEmpty()) {
                    throw text.error(chain.get(0).position(), "Nothing can follow db." + name + "()");
                }
                return DatabaseMethods.translate(database, first, text);
            }
            String target = collection == null ? String.join(".", path) : joined(path, collection);
            if (target.isEmpty()) {
                throw text.error(dot, "Expected a collection before ." + name + "()");
            }
            return CollectionMethods.translate(database, target, first, chain, text);
        }
    }

    private static String joined(List<String> path, String tail) {
        return path.isEmpty() ? tail : String.join(".", path) + "." + tail;
    }

    /** The calls chained after the first one: {@code .sort({...}).limit(5)}. */
    private List<Call> chain() {
        List<Call> calls = new ArrayList<>();
        while (true) {
            pos = text.skipBlanks(pos);
            if (pos >= text.length() || text.charAt(pos) != '.') {
                return calls;
            }
            pos = text.skipBlanks(pos + 1);
            String name = text.identifierAt(pos);
            if (name.isEmpty()) {
                throw text.error(pos, "Expected a method name after '.'");
            }
            int at = pos;
            pos = text.skipBlanks(pos + name.length());
            if (pos >= text.length() || text.charAt(pos) != '(') {
                throw text.error(pos, "Expected '(' after ." + name);
            }
            calls.add(new Call(name, at, arguments()));
        }
    }

    /** The arguments of the call whose '(' is at {@code pos}. */
    private List<BsonValue> arguments() {
        Span inside = bracketed('(');
        List<BsonValue> values = new ArrayList<>();
        for (Span argument : text.splitAtCommas(inside)) {
            values.add(text.parseValue(argument));
        }
        return values;
    }

    /** The text between the bracket at {@code pos} and its closer; moves past the closer. */
    private Span bracketed(char open) {
        if (pos >= text.length() || text.charAt(pos) != open) {
            throw text.error(pos, "Expected '" + open + "'");
        }
        int close = text.closingBracket(pos);
        Span inside = new Span(pos + 1, close);
        pos = close + 1;
        return inside;
    }

    private String stringArgument(Span inside, String what) {
        List<Span> parts = text.splitAtCommas(inside);
        BsonValue value = parts.size() == 1 ? text.parseValue(parts.get(0)) : null;
        if (value == null || !value.isString() || value.asString().getValue().isEmpty()) {
            throw text.error(inside.start(), what + " as a non-empty string");
        }
        return value.asString().getValue();
    }

    /** The span of the value that starts at {@code pos}: a bracketed value or the rest of the statement. */
    private Span valueSpan() {
        char first = text.charAt(pos);
        int end;
        if (first == '{' || first == '[') {
            end = text.closingBracket(pos) + 1;
        } else {
            end = text.length();
            while (end > pos && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == ';')) {
                end--;
            }
        }
        Span span = new Span(pos, end);
        pos = end;
        return span;
    }

    private BsonDocument document(Span span, String what) {
        BsonValue value = text.parseValue(span);
        if (!value.isDocument()) {
            throw text.error(span.start(), what + " must be a document");
        }
        return value.asDocument();
    }

    private void expect(char c) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw text.error(pos, pos >= text.length() ? "Expected '" + c + "' but the statement ended"
                    : "Expected '" + c + "' but found '" + text.charAt(pos) + "'");
        }
        pos++;
    }

    /** Only blanks, comments and semicolons may follow the statement. */
    private void expectEnd() {
        pos = text.skipBlanks(pos);
        while (pos < text.length() && text.charAt(pos) == ';') {
            pos = text.skipBlanks(pos + 1);
        }
        if (pos < text.length()) {
            throw text.error(pos, "Unexpected text after the statement (run one statement at a time)");
        }
    }
}
