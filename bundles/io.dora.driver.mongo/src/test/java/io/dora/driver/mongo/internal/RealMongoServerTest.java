package io.dora.driver.mongo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.ConnectionString;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.driver.CancelSupport;
import io.dora.core.driver.Capability;
import io.dora.core.driver.Session;
import io.dora.core.error.ErrorKind;
import io.dora.core.internal.driver.DriverRegistryService;
import io.dora.core.internal.query.QueryManagerService;
import io.dora.core.query.QueryOutcome;
import io.dora.core.query.QueryRequest;
import io.dora.core.query.ResultCollector;
import io.dora.core.query.RunningQuery;
import io.dora.core.secret.SecretString;

/**
 * Server-side cancel and timeouts, which need a real mongod or mongos: mongo-java-server has no currentOp, killOp
 * or maxTimeMS. These tests run against a MongoDB container with {@code -Ddora.test.containers=true} (where no
 * Docker engine answers, they fail under {@code CI=true} and are skipped otherwise), else where
 * {@code DORA_TEST_MONGODB_URI} names a server ({@code mongodb://user:password@host:port/db}) whose server-side
 * JavaScript is on (the slow query is a {@code $where} with {@code sleep}); they write to the database
 * {@code dora_test}. With neither they are skipped with that reason, also under {@code CI=true}: no mongod can be
 * installed on the CI machines.
 */
class RealMongoServerTest {

    private static final String URI_VARIABLE = "DORA_TEST_MONGODB_URI";
    /** 40 documents at 250 ms each: a 10 s query, long enough to be watched and cancelled. */
    private static final String SLOW_QUERY = "db.slow.find({$where: 'sleep(250) || true'}).batchSize(1000)";

    private static final Logger LOG = LoggerFactory.getLogger(RealMongoServerTest.class);

    private static MongoContainerServer container;
    /** The server's address, null when there is none. */
    private static String uri;
    /** Why the requested container cannot run, null when it can. */
    private static String skipReason;

    private final DriverRegistryService registry = new DriverRegistryService(true);
    private final QueryManagerService queries = new QueryManagerService();
    private MongoDatabaseConnection connection;
    private Session session;

    @BeforeAll
    static void findServer() {
        if (TestContainers.requested()) {
            skipReason = TestContainers.dockerMissing(MongoContainerServer.IMAGE).orElse(null);
            if (skipReason != null) {
                TestContainers.failUnderCi(skipReason, null);
                return;
            }
            container = MongoContainerServer.start();
            uri = container.uri();
            LOG.info("RealMongoServerTest runs against a {}", container.description());
        } else {
            String variable = System.getenv(URI_VARIABLE);
            uri = variable == null || variable.isBlank() ? null : variable;
            skipReason = null;
            LOG.info("RealMongoServerTest runs against {}", uri == null ? "no server: skipped (neither "
                    + URI_VARIABLE + " nor -D" + TestContainers.PROPERTY + "=true with a Docker engine)"
                    : "the server in " + URI_VARIABLE);
        }
    }

    @AfterAll
    static void stopServer() {
        if (container != null) {
            container.close();
        }
    }

    @BeforeEach
    void connect() throws Exception {
        Assumptions.assumeTrue(skipReason == null, skipReason);
        Assumptions.assumeTrue(uri != null, URI_VARIABLE + " is not set and -D" + TestContainers.PROPERTY
                + "=true is not given: server-side cancel (currentOp, killOp) and maxTimeMS need a real mongod, which"
                + " this machine does not have; mongo-java-server lacks them");
        registry.addDriver(new MongoDriver());
        connection = (MongoDatabaseConnection) registry.connect(spec(new ConnectionString(uri)));
        session = connection.openSession();
        run("db.slow.drop()");
        StringBuilder documents = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            documents.append(i == 0 ? "" : ", ").append("{_id: ").append(i).append('}');
        }
        run("db.slow.insertMany([" + documents + "])");
    }

    @AfterEach
    void disconnect() {
        queries.shutdown();
        if (connection != null) {
            connection.close();
        }
    }

    private static ConnectionSpec spec(ConnectionString uri) {
        String[] hostPort = uri.getHosts().get(0).split(":");
        Map<String, String> options = new HashMap<>();
        if (uri.getCredential() != null) {
            options.put("authSource", uri.getCredential().getSource());
        }
        return ConnectionSpec.builder("real", "mongo").host(hostPort[0])
                .port(hostPort.length > 1 ? Integer.parseInt(hostPort[1]) : 27017).database("dora_test")
                .user(uri.getUsername() == null ? "" : uri.getUsername())
                .password(uri.getPassword() == null ? SecretString.empty() : SecretString.of(uri.getPassword()))
                .options(options).build();
    }

    private void run(String statement) throws InterruptedException {
        QueryOutcome outcome = queries.execute(session, QueryRequest.of(statement), new ResultCollector(10));
        if (!statement.endsWith(".drop()")) {
            outcome.failure().ifPresent(failure -> {
                throw failure;
            });
        }
    }

    @Test
    void theConnectionCancelsOnTheServer() {
        assertEquals(CancelSupport.SERVER, connection.capabilities().cancel());
        assertTrue(connection.capabilities().has(Capability.QUERY_TIMEOUT));
    }

    @Test
    void cancelKillsTheOperationOnTheServerAndTheSessionGoesOn() throws Exception {
        RunningQuery running = queries.submit(session, QueryRequest.of(SLOW_QUERY), new ResultCollector(100));
        String comment = connection.commentFor(running.id());
        awaitTrue(() -> !connection.runningOperations(comment).isEmpty(), "the query shows in currentOp");
        long start = System.nanoTime();
        running.cancel();
        awaitTrue(() -> connection.runningOperations(comment).isEmpty(), "the query left currentOp");
        long millis = (System.nanoTime() - start) / 1_000_000;
        QueryOutcome outcome = running.await();
        assertEquals(ErrorKind.CANCELLED, outcome.failure().orElseThrow().kind());
        assertTrue(millis < 2_000, "cancel took " + millis + " ms");
        ResultCollector count = new ResultCollector(1);
        assertTrue(queries.execute(session, QueryRequest.of("db.slow.countDocuments()"), count).succeeded());
        assertEquals(40L, count.scalar());
    }

    @Test
    void aTimeoutStopsTheOperationOnTheServer() throws Exception {
        RunningQuery running = queries.submit(session, QueryRequest.of(SLOW_QUERY).withTimeout(Duration.ofMillis(800)),
                new ResultCollector(100));
        QueryOutcome outcome = running.await();
        assertEquals(ErrorKind.TIMEOUT, outcome.failure().orElseThrow().kind());
        assertTrue(outcome.elapsed().toMillis() < 3_000, "ended after " + outcome.elapsed());
        assertEquals(List.of(), connection.runningOperations(connection.commentFor(running.id())));
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
