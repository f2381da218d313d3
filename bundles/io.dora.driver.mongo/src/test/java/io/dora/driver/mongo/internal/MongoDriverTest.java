package io.dora.driver.mongo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import io.dora.core.driver.CancelSupport;
import io.dora.core.driver.Capability;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.Session;
import io.dora.core.error.DoraDatabaseException;
import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.error.InvalidInputException;
import io.dora.core.internal.driver.DriverRegistryService;
import io.dora.core.internal.query.QueryManagerService;
import io.dora.core.net.TlsMode;
import io.dora.core.net.TlsSettings;
import io.dora.core.query.ColumnInfo;
import io.dora.core.query.QueryOutcome;
import io.dora.core.query.QueryRequest;
import io.dora.core.query.ResultCollector;
import io.dora.core.query.ResultCollector.CollectedResultSet;
import io.dora.core.query.ResultSink;
import io.dora.core.query.RunningQuery;
import io.dora.core.query.StatementOptions;
import io.dora.core.schema.SchemaRef;
import io.dora.core.schema.TableDetails;
import io.dora.core.schema.TableKind;
import io.dora.core.schema.TableRef;
import io.dora.core.secret.SecretString;

/** The driver against mongo-java-server, through the real engine (registry and query manager). */
class MongoDriverTest {

    private static final int BIG = 200_000;

    private static MongoTestServer server;
    private final DriverRegistryService registry = new DriverRegistryService(true);
    private final QueryManagerService queries = new QueryManagerService();
    private DatabaseConnection connection;
    private Session session;

    @BeforeAll
    static void startServer() {
        server = MongoTestServer.start("MongoDriverTest");
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> big = client.getDatabase("bulk").getCollection("numbers");
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < BIG; i++) {
                batch.add(new Document("_id", i).append("n", i));
                if (batch.size() == 10_000) {
                    big.insertMany(batch);
                    batch.clear();
                }
            }
        }
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void connect() throws Exception {
        registry.addDriver(new MongoDriver());
        connection = registry.connect(server.spec("mongo").build());
        session = connection.openSession();
        run("db.customers.drop()", "db.orders.drop()");
    }

    @AfterEach
    void disconnect() {
        queries.shutdown();
        connection.close();
    }

    private ResultCollector run(String... statements) throws InterruptedException {
        ResultCollector collector = new ResultCollector(1_000);
        QueryOutcome outcome = queries.execute(session, QueryRequest.script(List.of(statements)).withContinueOnError(true),
                collector);
        outcome.statements().stream().filter(s -> s.error() != null)
                .filter(s -> !s.statement().endsWith(".drop()")).findFirst().ifPresent(s -> {
                    throw s.error();
                });
        return collector;
    }

    private DoraException failure(String statement) throws InterruptedException {
        return queries.execute(session, QueryRequest.of(statement), new ResultCollector(10)).failure().orElseThrow();
    }

    private static List<String> labels(CollectedResultSet result) {
        return result.columns().stream().map(ColumnInfo::label).toList();
    }

    private static Object cell(CollectedResultSet result, int row, String label) {
        return result.rows().get(row)[labels(result).indexOf(label)];
    }

    @Test
    void connectsAndSaysWhatTheServerCanDo() {
        assertEquals("MongoDB", connection.serverInfo().product());
        assertFalse(connection.serverInfo().version().isBlank());
        assertEquals(CancelSupport.SERVER, new MongoDriver().capabilities().cancel());
        // mongo-java-server has no currentOp: the connection says cancel is client-side only, and no server timeout
        assertEquals(CancelSupport.BEST_EFFORT, connection.capabilities().cancel());
        assertFalse(connection.capabilities().has(Capability.QUERY_TIMEOUT));
        assertFalse(connection.capabilities().has(Capability.TRANSACTIONS));
        assertTrue(connection.capabilities().has(Capability.STREAMING));
        assertEquals(ErrorKind.UNSUPPORTED, assertThrows(DoraException.class, session::begin).kind());
    }

    @Test
    void insertsFindsUpdatesAndDeletesInShellForm() throws Exception {
        ResultCollector written = run("db.customers.insertOne({name: 'Ada', age: 36, tags: ['math', 'code']})",
                "db.customers.insertMany([{name: \"Grace\", age: 85}, {name: 'Linus', age: 54, joined: ISODate('1991-08-25')}])");
        assertEquals(List.of(1L, 2L), written.updateCounts());

        CollectedResultSet found = run("db.customers.find({age: {$gt: 40}}, {_id: 0, name: 1, age: 1}).sort({age: -1}).limit(1).skip(1)")
                .resultSets().get(0);
        assertEquals(List.of("name", "age", DocumentRows.DOCUMENT_COLUMN), labels(found));
        assertEquals(1, found.rows().size());
        assertEquals("Linus", cell(found, 0, "name"));
        assertEquals(54, cell(found, 0, "age"));

        assertEquals(2L, run("db.customers.countDocuments({age: {$gte: 50}})").scalar());
        assertEquals(3L, run("db.getCollection('customers').find().count()").scalar());

        ResultCollector updated = run("db.customers.updateOne({name: 'Ada'}, {$set: {age: 37}})",
                "db.customers.updateMany({}, {$inc: {age: 1}})");
        assertEquals(List.of(1L, 3L), updated.updateCounts());
        assertEquals(38, cell(run("db.customers.findOne({name: 'Ada'})").resultSets().get(0), 0, "age"));

        CollectedResultSet grouped = run("db.customers.aggregate([{$match: {age: {$gt: 50}}}, {$group: {_id: null, total: {$sum: '$age'}}}])")
                .resultSets().get(0);
        assertEquals(86 + 55, ((Number) cell(grouped, 0, "total")).intValue());

        assertEquals(List.of(1L, 2L), run("db.customers.deleteOne({name: 'Ada'})", "db.customers.deleteMany({})").updateCounts());
        assertEquals(0L, run("db.customers.countDocuments()").scalar());
    }

    @Test
    void runsCommandDocuments() throws Exception {
        assertEquals(List.of(2L), run("{insert: 'orders', documents: [{_id: 1, total: 10.5}, {_id: 2, total: 99}]}").updateCounts());
        CollectedResultSet found = run("{\"find\": \"orders\", \"filter\": {\"total\": {\"$gt\": 50}}}").resultSets().get(0);
        assertEquals(1, found.rows().size());
        assertEquals(2, cell(found, 0, "_id"));
        CollectedResultSet aggregated = run("{aggregate: 'orders', pipeline: [{$group: {_id: null, sum: {$sum: '$total'}}}], cursor: {}}")
                .resultSets().get(0);
        assertEquals(109.5, ((Number) cell(aggregated, 0, "sum")).doubleValue());
        assertEquals(List.of(1L), run("{update: 'orders', updates: [{q: {_id: 1}, u: {$set: {total: 11}}}]}").updateCounts());
        assertEquals(List.of(1L), run("{delete: 'orders', deletes: [{q: {_id: 2}, limit: 1}]}").updateCounts());
        CollectedResultSet reply = run("db.runCommand({count: 'orders'})").resultSets().get(0);
        assertEquals(1, ((Number) cell(reply, 0, "n")).intValue(), "any other reply is one row, without ok");
        assertFalse(labels(reply).contains("ok"));
    }

    @Test
    void flattensNestedDocumentsIntoDottedColumnsAndKeepsTheDocument() throws Exception {
        run("db.customers.insertMany([{_id: 1, name: 'Ada', address: {city: 'London', geo: {lat: 51.5}}, tags: ['a', 'b']},"
                + " {_id: 2, name: 'Grace', address: {city: 'New York', zip: '10001'}, id: ObjectId('5f1d7a3e9b1e8a0001a1b2c3')}])");
        CollectedResultSet result = run("db.customers.find().sort({_id: 1})").resultSets().get(0);
        // a field first seen in the second document stands next to its siblings
        assertEquals(List.of("_id", "name", "address.city", "address.geo.lat", "address.zip", "tags", "id",
                DocumentRows.DOCUMENT_COLUMN), labels(result));
        assertEquals("[\"a\", \"b\"]", cell(result, 0, "tags"));
        assertEquals(51.5, cell(result, 0, "address.geo.lat"));
        assertEquals("10001", cell(result, 1, "address.zip"));
        assertEquals("5f1d7a3e9b1e8a0001a1b2c3", cell(result, 1, "id"));
        assertEquals("objectId", result.columns().get(6).typeName());
        assertEquals(null, cell(result, 0, "address.zip"));
        Document raw = Document.parse((String) cell(result, 0, DocumentRows.DOCUMENT_COLUMN));
        assertEquals("London", raw.get("address", Document.class).getString("city"));
    }

    @Test
    void streamsALargeResultInBatchesWithGetMore() throws Exception {
        session.close();
        session = connection.openSession();
        run("use bulk");
        int getMoresBefore = server.backend().getMores.get();
        AtomicLong rows = new AtomicLong();
        AtomicLong sum = new AtomicLong();
        int[] openCursorsAtFirstRow = {-1};
        ResultSink counting = new ResultSink() {
            @Override
            public void resultSetStarted(List<ColumnInfo> columns) {
                assertEquals(List.of("_id", "n", DocumentRows.DOCUMENT_COLUMN), columns.stream().map(ColumnInfo::label).toList());
            }

            @Override
            public boolean row(Object[] values) {
                if (rows.incrementAndGet() == 1) {
                    openCursorsAtFirstRow[0] = server.backend().openCursors();
                }
                sum.addAndGet((Integer) values[1]);
                return true;
            }
        };
        QueryOutcome outcome = queries.execute(session, QueryRequest.of("db.numbers.find()"), counting);
        assertTrue(outcome.succeeded(), () -> outcome.failure().orElseThrow().getMessage());
        assertEquals(BIG, rows.get());
        assertEquals((long) BIG * (BIG - 1) / 2, sum.get());
        assertEquals(1, openCursorsAtFirstRow[0], "the first row arrived while the server still held the cursor");
        int getMores = server.backend().getMores.get() - getMoresBefore;
        assertTrue(getMores >= BIG / StatementOptions.DEFAULT_FETCH_SIZE - 1, "getMore calls: " + getMores);
        assertEquals(0, server.backend().openCursors());
    }

    @Test
    void everyCommandCarriesTheQueryIdAndTheTimeLeft() throws Exception {
        run("use bulk");
        RunningQuery running = queries.submit(session, QueryRequest.of("db.numbers.find({n: {$gte: 0}})")
                .withOptions(new StatementOptions(100, 250)).withTimeout(Duration.ofSeconds(30)), new ResultCollector(1));
        assertTrue(running.await().succeeded());
        String comment = "dora-query:" + running.id() + "@";
        de.bwaldvogel.mongo.bson.Document find = server.backend().lastCommands.get("find");
        assertTrue(String.valueOf(find.get("comment")).startsWith(comment), find.toString());
        long maxTime = ((Number) find.get("maxTimeMS")).longValue();
        assertTrue(maxTime > 25_000 && maxTime <= 30_000, "maxTimeMS " + maxTime);
        assertEquals(100, ((Number) find.get("batchSize")).intValue());
        de.bwaldvogel.mongo.bson.Document getMore = server.backend().lastCommands.get("getMore");
        assertEquals(find.get("comment"), getMore.get("comment"));
        assertFalse(getMore.containsKey("maxTimeMS"), "getMore of a plain cursor takes no maxTimeMS");
    }

    @Test
    void stopsAtTheRowLimitAndKillsTheCursor() throws Exception {
        run("use bulk");
        ResultCollector collector = new ResultCollector(10_000);
        QueryRequest request = QueryRequest.of("db.numbers.find().sort({_id: 1})").withOptions(new StatementOptions(100, 250));
        assertTrue(queries.execute(session, request, collector).succeeded());
        assertEquals(250, collector.resultSets().get(0).rows().size());
        assertTrue(collector.resultSets().get(0).truncated());
        assertEquals(0, server.backend().openCursors());

        int getMores = server.backend().getMores.get();
        ResultCollector ten = new ResultCollector(100);
        assertTrue(queries.execute(session, QueryRequest.of("db.numbers.find()").withOptions(new StatementOptions(1_000, 10)),
                ten).succeeded());
        assertEquals(10, ten.resultSets().get(0).rows().size());
        assertTrue(ten.resultSets().get(0).truncated(), "the first batch held one document more");
        assertEquals(getMores, server.backend().getMores.get(), "no getMore under a small row limit");
        assertEquals(11, ((Number) server.backend().lastCommands.get("find").get("batchSize")).intValue());
        assertEquals(0, server.backend().openCursors());
    }

    @Test
    void aClientSideCancelClosesTheCursorAndTheSessionGoesOn() throws Exception {
        run("use bulk");
        CountDownLatch started = new CountDownLatch(1);
        ResultSink slow = new ResultSink() {
            @Override
            public void resultSetStarted(List<ColumnInfo> columns) {
            }

            @Override
            public boolean row(Object[] values) {
                started.countDown();
                sleep(1);
                return true;
            }
        };
        RunningQuery running = queries.submit(session, QueryRequest.of("db.numbers.find()"), slow);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        assertEquals(1, server.backend().openCursors());
        Instant cancelled = Instant.now();
        running.cancel();
        QueryOutcome outcome = running.await();
        assertTrue(Duration.between(cancelled, Instant.now()).toMillis() < 2_000, "the stream stopped at once");
        assertEquals(ErrorKind.CANCELLED, outcome.failure().orElseThrow().kind());
        assertTrue(outcome.statements().get(0).rows() < BIG);
        assertEquals(0, server.backend().openCursors(), "the cursor was killed on the server");
        assertEquals(BIG, ((Number) run("db.numbers.estimatedDocumentCount()").scalar()).intValue(), "the session goes on");
    }

    @Test
    void aTimeoutCancelsTheStreamAsATimeout() throws Exception {
        run("use bulk");
        ResultSink slow = new ResultSink() {
            @Override
            public void resultSetStarted(List<ColumnInfo> columns) {
            }

            @Override
            public boolean row(Object[] values) {
                sleep(1);
                return true;
            }
        };
        QueryOutcome outcome = queries.execute(session, QueryRequest.of("db.numbers.find()").withTimeout(Duration.ofMillis(300)), slow);
        assertEquals(ErrorKind.TIMEOUT, outcome.failure().orElseThrow().kind());
        assertEquals(0, server.backend().openCursors());
    }

    @Test
    void serverErrorsAreTypedWithTheMongoCode() throws Exception {
        run("db.customers.insertOne({_id: 7})");
        DoraDatabaseException duplicate = assertInstanceOf(DoraDatabaseException.class, failure("db.customers.insertOne({_id: 7})"));
        assertEquals(ErrorKind.CONSTRAINT, duplicate.kind());
        assertEquals(11000, duplicate.vendorCode());
        assertTrue(duplicate.getMessage().contains("duplicate key"), duplicate.getMessage());
        assertFalse(duplicate.getMessage().contains("\tat "));

        DoraDatabaseException unknown = assertInstanceOf(DoraDatabaseException.class, failure("{noSuchCommand: 1}"));
        assertEquals(59, unknown.vendorCode());
        assertEquals(ErrorKind.SYNTAX, unknown.kind());
    }

    @Test
    void malformedShellTextSaysWhereItIsWrong() throws Exception {
        DoraException unclosed = failure("db.customers.find({name: 'Ada'}");
        assertEquals(ErrorKind.SYNTAX, unclosed.kind());
        assertTrue(unclosed.getMessage().contains("line 1, column 18"), unclosed.getMessage());

        DoraException badValue = failure("db.customers.find({name: 'Ada',\n  born: ISODate('not a date')})");
        assertTrue(badValue.getMessage().contains("line 2, column 9"), badValue.getMessage());

        DoraException unknownMethod = failure("db.customers.findAll({})");
        assertTrue(unknownMethod.getMessage().contains("Unknown collection method .findAll()"), unknownMethod.getMessage());
        assertTrue(unknownMethod.getMessage().contains("column 14"), unknownMethod.getMessage());
        assertEquals(0L, run("db.customers.countDocuments({})").scalar(), "the session goes on");
    }

    @Test
    void useSwitchesTheSessionsDatabase() throws Exception {
        ResultCollector switched = run("use bulk");
        assertEquals("switched to db bulk", switched.notices().get(0).message());
        assertEquals(BIG, ((Number) run("db.numbers.estimatedDocumentCount()").scalar()).intValue());
        CollectedResultSet databases = run("show dbs").resultSets().get(0);
        assertTrue(databases.rows().stream().anyMatch(row -> "bulk".equals(row[labels(databases).indexOf("name")])));
    }

    @Test
    void readsTheSchemaWithSampledFieldsAndIndexes() throws Exception {
        run("db.customers.insertMany([{name: 'Ada', address: {city: 'London'}}, {name: 'Grace', age: 85}])",
                "db.customers.createIndex({name: 1}, {unique: true})", "db.customers.createIndex({age: -1})");
        List<SchemaRef> databases = connection.schema().schemas();
        assertTrue(databases.contains(new SchemaRef("shop", null)), databases.toString());
        assertTrue(databases.contains(new SchemaRef("bulk", null)), databases.toString());
        var collections = connection.schema().tables(new SchemaRef("shop", null));
        assertTrue(collections.stream().anyMatch(t -> t.name().equals("customers") && t.kind() == TableKind.COLLECTION),
                collections.toString());

        TableDetails customers = connection.schema().table(new TableRef(new SchemaRef("shop", null), "customers"));
        assertEquals("objectId", customers.column("_id").orElseThrow().typeName());
        assertEquals("string", customers.column("address.city").orElseThrow().typeName());
        assertTrue(customers.column("address.city").orElseThrow().nullable(), "not every document has it");
        assertFalse(customers.column("name").orElseThrow().nullable());
        assertEquals(List.of("_id"), customers.primaryKey().columns());
        Map<String, List<String>> indexes = new java.util.HashMap<>();
        customers.indexes().forEach(index -> indexes.put(index.name(), index.columns()));
        assertEquals(List.of("name"), indexes.get("name_1"));
        assertEquals(List.of("age DESC"), indexes.get("age_-1"));
        assertTrue(customers.indexes().stream().filter(i -> i.name().equals("name_1")).findFirst().orElseThrow().unique());

        DoraException missing = assertThrows(DoraException.class,
                () -> connection.schema().table(new TableRef(new SchemaRef("shop", null), "nothing")));
        assertEquals(ErrorKind.UNDEFINED_OBJECT, missing.kind());
    }

    @Test
    void aReadOnlyConnectionRefusesWritesBeforeSendingThem() throws Exception {
        run("db.customers.insertOne({name: 'Ada'})");
        try (DatabaseConnection readOnly = registry.connect(server.spec("ro").readOnly(true).build());
                Session reader = readOnly.openSession()) {
            ResultCollector result = new ResultCollector(10);
            assertTrue(queries.execute(reader, QueryRequest.of("db.customers.find()"), result).succeeded());
            assertEquals(1, result.resultSets().get(0).rows().size());
            for (String write : List.of("db.customers.deleteMany({})", "db.customers.aggregate([{$out: 'copy'}])",
                    "{dropDatabase: 1}", "db.runCommand({someNewCommand: 1})")) {
                DoraException refused = queries.execute(reader, QueryRequest.of(write), new ResultCollector(1)).failure().orElseThrow();
                assertEquals(ErrorKind.UNSUPPORTED, refused.kind(), write);
            }
        }
        assertEquals(1L, run("db.customers.countDocuments()").scalar());
    }

    @Test
    void badConnectionInputIsRejectedBeforeAnyNetworkCall() {
        var withPrefer = server.spec("p").tls(new TlsSettings(TlsMode.PREFER, null, null, null, SecretString.empty())).build();
        InvalidInputException prefer = assertThrows(InvalidInputException.class, () -> registry.connect(withPrefer));
        assertTrue(prefer.getMessage().contains("cannot fall back"), prefer.getMessage());
        var badOption = server.spec("o").options(Map.of("readPreference", "sometimes")).build();
        assertThrows(InvalidInputException.class, () -> registry.connect(badOption));
    }

    @Test
    void anUnreachableServerIsAConnectionError() {
        var nowhere = server.spec("down").port(1).pool(new io.dora.core.connection.PoolSettings(2, 0, Duration.ofMinutes(10),
                Duration.ofMinutes(30), Duration.ofMillis(500), Duration.ofSeconds(1))).build();
        DoraException error = assertThrows(DoraException.class, () -> registry.connect(nowhere));
        assertEquals(ErrorKind.CONNECTION, error.kind());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
