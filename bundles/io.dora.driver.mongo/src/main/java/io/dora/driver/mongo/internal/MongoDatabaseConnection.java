package io.dora.driver.mongo.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.ClientSessionOptions;
import com.mongodb.MongoClientException;
import com.mongodb.MongoException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.connection.ClusterDescription;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.driver.CancelSupport;
import io.dora.core.driver.Capability;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.DriverCapabilities;
import io.dora.core.driver.DriverInfo;
import io.dora.core.driver.ServerInfo;
import io.dora.core.driver.Session;
import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.query.QueryId;
import io.dora.core.schema.SchemaModel;

/**
 * One MongoDB connection spec: a query client (its pool sized by the spec) and a small control client for
 * metadata, {@code $currentOp} and {@code killOp}, so neither waits behind running operations. Whether the
 * server can list and kill operations is probed at connect: the connection's capabilities say so.
 */
final class MongoDatabaseConnection implements DatabaseConnection {

    static final int CONTROL_POOL_SIZE = 3;

    private static final Logger LOG = LoggerFactory.getLogger(MongoDatabaseConnection.class);
    /** The first server version that accepts {@code comment} on every command (getMore, insert, ...). */
    private static final int[] COMMENT_EVERYWHERE = {4, 4};

    private final ConnectionSpec spec;
    private final DriverInfo info;
    private final MongoClient queries;
    private final MongoClient control;
    private final ServerInfo serverInfo;
    private final boolean cancelsOnServer;
    private final boolean logicalSessions;
    private final String instance = String.format("%08x", new SecureRandom().nextInt());
    private final SchemaModel schema;
    private final Set<MongoSession> sessions = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private MongoDatabaseConnection(ConnectionSpec spec, DriverInfo info, MongoClient queries, MongoClient control,
            ServerInfo serverInfo, boolean cancelsOnServer, boolean logicalSessions) {
        this.spec = spec;
        this.info = info;
        this.queries = queries;
        this.control = control;
        this.serverInfo = serverInfo;
        this.cancelsOnServer = cancelsOnServer;
        this.logicalSessions = logicalSessions;
        this.schema = new SchemaModel(new MongoMetadataReader(this));
    }

    /** Opens both clients and proves the login and the server's version with {@code buildInfo}. */
    static MongoDatabaseConnection open(ConnectionSpec spec, MongoEndpoint endpoint, DriverInfo info) {
        MongoClient control = null;
        MongoClient queries = null;
        try {
            control = MongoClients.create(MongoSettings.of(spec, endpoint, CONTROL_POOL_SIZE));
            BsonDocument build = control.getDatabase("admin").runCommand(new BsonDocument("buildInfo", new BsonInt32(1)),
                    BsonDocument.class);
            ServerInfo server = serverInfo(build);
            boolean cancels = probeCurrentOp(control);
            boolean sessions = control.getClusterDescription().getLogicalSessionTimeoutMinutes() != null;
            queries = MongoClients.create(MongoSettings.of(spec, endpoint, spec.pool().maxSize()));
            LOG.info("Connected '{}' to {} (server-side cancel: {})", spec.name(), server, cancels ? "killOp" : "none");
            return new MongoDatabaseConnection(spec, info, queries, control, server, cancels, sessions);
        } catch (MongoException e) {
            ClusterDescription cluster = control == null ? null : control.getClusterDescription();
            closeQuietly(queries);
            closeQuietly(control);
            throw MongoTls.handshakeFailure(e, cluster, spec.tls(), endpoint).map(DoraException.class::cast)
                    .orElseGet(() -> MongoErrors.translate(e));
        } catch (RuntimeException e) {
            closeQuietly(queries);
            closeQuietly(control);
            throw e;
        }
    }

    private static ServerInfo serverInfo(BsonDocument build) {
        String version = build.getString("version", new BsonString("unknown")).getValue();
        int major = 0;
        int minor = 0;
        if (build.isArray("versionArray") && build.getArray("versionArray").size() >= 2) {
            major = build.getArray("versionArray").get(0).asNumber().intValue();
            minor = build.getArray("versionArray").get(1).asNumber().intValue();
        }
        return new ServerInfo("MongoDB", version, major, minor);
    }

    /** Whether {@code $currentOp} answers: mongod and mongos do, in-memory test servers do not. */
    private static boolean probeCurrentOp(MongoClient client) {
        try {
            operationsTagged(client, "dora-probe");
            return true;
        } catch (MongoException e) {
            LOG.info("The server does not list operations (error {}): cancel stops on the client side only", e.getCode());
            return false;
        }
    }

    @Override
    public ConnectionSpec spec() {
        return spec;
    }

    @Override
    public DriverInfo driverInfo() {
        return info;
    }

    @Override
    public DriverCapabilities capabilities() {
        return cancelsOnServer ? MongoDriver.CAPABILITIES
                : new DriverCapabilities(withoutTimeout(MongoDriver.CAPABILITIES.features()), CancelSupport.BEST_EFFORT);
    }

    private static Set<Capability> withoutTimeout(Set<Capability> features) {
        Set<Capability> reduced = new HashSet<>(features);
        reduced.remove(Capability.QUERY_TIMEOUT);
        return reduced;
    }

    @Override
    public ServerInfo serverInfo() {
        return serverInfo;
    }

    @Override
    public Session openSession() {
        requireOpen();
        MongoSession session = new MongoSession(this);
        sessions.add(session);
        return session;
    }

    @Override
    public SchemaModel schema() {
        return schema;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        sessions.forEach(MongoSession::close);
        closeQuietly(queries);
        closeQuietly(control);
        LOG.info("Closed connection '{}'", spec.name());
    }

    MongoClient queries() {
        requireOpen();
        return queries;
    }

    MongoClient control() {
        requireOpen();
        return control;
    }

    /** A client session for one statement, so its getMore calls belong to the cursor's session; null without sessions. */
    ClientSession startClientSession() {
        if (!logicalSessions) {
            return null;
        }
        try {
            return queries().startSession(ClientSessionOptions.builder().causallyConsistent(false).build());
        } catch (MongoClientException e) {
            return null;
        }
    }

    boolean cancelsOnServer() {
        return cancelsOnServer;
    }

    /** Whether the server accepts {@code comment} on every command, not only on queries. */
    boolean commentsEverywhere() {
        return serverInfo.major() > COMMENT_EVERYWHERE[0]
                || serverInfo.major() == COMMENT_EVERYWHERE[0] && serverInfo.minor() >= COMMENT_EVERYWHERE[1];
    }

    /** The comment that tags every operation of one query, unique across Dora processes sharing a server. */
    String commentFor(QueryId id) {
        return "dora-query:" + id + "@" + instance;
    }

    /** The operations tagged with {@code comment} now running on the server (the command or its cursor's origin). */
    List<BsonValue> runningOperations(String comment) {
        return operationsTagged(control(), comment);
    }

    /**
     * {@code $currentOp} (the {@code currentOp} command is deprecated since 6.2) for the user's own operations
     * ({@code allUsers: false} needs no {@code inprog} privilege) whose command or cursor carries the comment.
     */
    private static List<BsonValue> operationsTagged(MongoClient client, String comment) {
        BsonArray anyOf = new BsonArray();
        for (String field : List.of("command.comment", "cursor.originatingCommand.comment", "originatingCommand.comment")) {
            anyOf.add(new BsonDocument(field, new BsonString(comment)));
        }
        List<BsonDocument> pipeline = List.of(
                new BsonDocument("$currentOp", new BsonDocument("allUsers", BsonBoolean.FALSE)),
                new BsonDocument("$match", new BsonDocument("$or", anyOf)));
        List<BsonValue> operations = new ArrayList<>();
        for (BsonDocument operation : client.getDatabase("admin").aggregate(pipeline, BsonDocument.class)) {
            if (operation.containsKey("opid")) {
                operations.add(operation.get("opid"));
            }
        }
        return operations;
    }

    /** Kills the operations tagged with {@code comment}; returns how many were found. */
    int killOperations(String comment) {
        List<BsonValue> operations = runningOperations(comment);
        for (BsonValue opid : operations) {
            try {
                control().getDatabase("admin").runCommand(new BsonDocument("killOp", new BsonInt32(1)).append("op", opid),
                        BsonDocument.class);
            } catch (MongoException e) {
                LOG.warn("killOp {} failed: {}", opid, e.getMessage());
            }
        }
        return operations.size();
    }

    void sessionClosed(MongoSession session) {
        sessions.remove(session);
    }

    private void requireOpen() {
        if (closed) {
            throw new DoraException(ErrorKind.CLOSED, "The connection '" + spec.name() + "' is closed");
        }
    }

    private static void closeQuietly(MongoClient client) {
        if (client != null) {
            client.close();
        }
    }
}
