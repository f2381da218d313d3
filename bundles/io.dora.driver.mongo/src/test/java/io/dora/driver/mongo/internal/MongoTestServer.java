package io.dora.driver.mongo.internal;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.dora.core.connection.ConnectionSpec;
import io.netty.channel.Channel;

/**
 * mongo-java-server (an in-JVM server speaking the wire protocol, in-memory backend) on a random loopback port.
 * It counts the getMore commands it answers and shows its open cursors, so tests can see that results stream.
 * A server that cannot start fails the test under {@code CI=true} and skips it otherwise.
 */
final class MongoTestServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MongoTestServer.class);

    /** The memory backend, watched. */
    static final class WatchedBackend extends MemoryBackend {
        final AtomicInteger getMores = new AtomicInteger();
        /** The last command of each name as the server received it. */
        final Map<String, Document> lastCommands = new ConcurrentHashMap<>();

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            if (command.equalsIgnoreCase("getMore")) {
                getMores.incrementAndGet();
            }
            lastCommands.put(command, query);
            return super.handleCommand(channel, database, command, query);
        }

        int openCursors() {
            return getCursorRegistry().size();
        }
    }

    private final MongoServer server;
    private final WatchedBackend backend;
    private final InetSocketAddress address;

    private MongoTestServer(MongoServer server, WatchedBackend backend, InetSocketAddress address) {
        this.server = server;
        this.backend = backend;
        this.address = address;
    }

    static MongoTestServer start(String suite) {
        try {
            WatchedBackend backend = new WatchedBackend();
            MongoServer server = new MongoServer(backend);
            InetSocketAddress address = server.bind();
            LOG.info("{} runs against the in-JVM mongo-java-server (wire protocol; no currentOp, killOp or maxTimeMS:"
                    + " RealMongoServerTest covers those on a real mongod)", suite);
            return new MongoTestServer(server, backend, address);
        } catch (RuntimeException | LinkageError e) {
            String reason = "mongo-java-server could not start: " + e;
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(reason, e);
            }
            Assumptions.abort(reason);
            throw new IllegalStateException(reason);
        }
    }

    ConnectionSpec.Builder spec(String id) {
        return ConnectionSpec.builder(id, "mongo").host(address.getHostString()).port(address.getPort()).database("shop");
    }

    String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    WatchedBackend backend() {
        return backend;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
