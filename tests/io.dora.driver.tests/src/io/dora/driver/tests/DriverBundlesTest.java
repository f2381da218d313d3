package io.dora.driver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

import io.dora.core.connection.ConnectionCatalog;
import io.dora.core.connection.ConnectionProfile;
import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.PoolSettings;
import io.dora.core.driver.BuiltInConnectionProvider;
import io.dora.core.driver.ConnectionService;
import io.dora.core.driver.DatabaseConnection;
import io.dora.core.driver.Driver;
import io.dora.core.driver.DriverRegistry;
import io.dora.core.driver.Session;
import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;
import io.dora.core.net.TlsMode;
import io.dora.core.net.TlsSettings;
import io.dora.core.query.QueryManager;
import io.dora.core.query.QueryOutcome;
import io.dora.core.query.QueryRequest;
import io.dora.core.query.ResultCollector;
import io.dora.core.secret.SecretString;

/** The drivers as the product runs them: DS services in Equinox, installed and removed at run time. */
class DriverBundlesTest {

    private final BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
    private final List<ServiceTracker<?, ?>> trackers = new java.util.ArrayList<>();

    @AfterEach
    void closeTrackers() throws Exception {
        trackers.forEach(ServiceTracker::close);
        bundle("io.dora.driver.sqlite").start();
    }

    @Test
    void everyDriverBundleRegistersItsDriver() throws Exception {
        DriverRegistry registry = service(DriverRegistry.class);
        awaitTrue(() -> registry.drivers().size() == 4);
        assertEquals(List.of("mongo", "mysql", "postgres", "sqlite"), registry.drivers().stream().map(d -> d.info().id()).toList());
        Driver postgres = registry.driver("postgres").orElseThrow();
        assertEquals("io.dora.driver.postgres", FrameworkUtil.getBundle(postgres.getClass()).getSymbolicName());
        Driver mongo = registry.driver("mongo").orElseThrow();
        assertEquals("io.dora.driver.mongo", FrameworkUtil.getBundle(mongo.getClass()).getSymbolicName());
    }

    @Test
    void stoppingADriverBundleClosesItsConnectionsAndStartingItBringsItBack() throws Exception {
        DriverRegistry registry = service(DriverRegistry.class);
        ConnectionService connections = service(ConnectionService.class);
        QueryManager queries = service(QueryManager.class);
        awaitTrue(() -> registry.driver("sqlite").isPresent());

        String sampleId = service(BuiltInConnectionProvider.class).builtInConnections().get(0).id();
        DatabaseConnection sample = connections.connectById(sampleId);
        try (Session session = sample.openSession()) {
            ResultCollector result = new ResultCollector(1);
            QueryOutcome outcome = queries.execute(session, QueryRequest.of("SELECT count(*) FROM track"), result);
            assertTrue(outcome.succeeded(), () -> outcome.failure().orElseThrow().getMessage());
            assertEquals(600, ((Number) result.scalar()).intValue());
        }

        Bundle sqlite = bundle("io.dora.driver.sqlite");
        sqlite.stop();
        assertTrue(sample.isClosed(), "the driver's connections closed before it went away");
        assertTrue(registry.driver("sqlite").isEmpty());
        assertTrue(connections.openConnections().isEmpty());

        sqlite.start();
        awaitTrue(() -> registry.driver("sqlite").isPresent());
        DatabaseConnection again = connections.connectById(sampleId);
        assertTrue(!again.isClosed());
        again.close();
    }

    @Test
    void theProductRefusesRawConnectionSpecs() throws Exception {
        ConnectionService connections = service(ConnectionService.class);
        var spec = service(BuiltInConnectionProvider.class).builtInConnections().get(0);
        var error = assertThrows(DoraException.class,
                () -> connections.connect(spec));
        assertEquals(ErrorKind.UNSUPPORTED, error.kind());
    }

    @Test
    void theMongoDriverLoadsItsClientInsideTheFramework() throws Exception {
        ConnectionService connections = service(ConnectionService.class);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        // no server: the Java driver's client, monitor and error path all run in Equinox, and fail as CONNECTION
        ConnectionSpec nowhere = ConnectionSpec.builder("mongo-osgi", "mongo").host("127.0.0.1").port(closedPort)
                .pool(new PoolSettings(2, 0, Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofMillis(500),
                        Duration.ofSeconds(1)))
                .build();
        ConnectionSpec withTls = nowhere.toBuilder().id("mongo-osgi-tls")
                .tls(new TlsSettings(TlsMode.REQUIRE, null, null, null, SecretString.empty())).build();
        // the product opens saved connections only: the test's own catalog holds these two
        ServiceRegistration<ConnectionCatalog> catalog = context.registerService(ConnectionCatalog.class,
                ConnectionCatalog.of(List.of(new ConnectionProfile("", nowhere), new ConnectionProfile("", withTls))),
                null);
        try {
            DoraException error = assertThrows(DoraException.class, () -> connections.connectById("mongo-osgi"));
            assertEquals(ErrorKind.CONNECTION, error.kind(), error.getMessage());
            DoraException tlsError = assertThrows(DoraException.class, () -> connections.connectById("mongo-osgi-tls"));
            assertEquals(ErrorKind.CONNECTION, tlsError.kind(), tlsError.getMessage());
        } finally {
            catalog.unregister();
        }
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        trackers.add(tracker);
        T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
        assertNotNull(service, type.getSimpleName() + " is not registered");
        return service;
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getSymbolicName().equals(symbolicName)) {
                return bundle;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting");
            Thread.sleep(20);
        }
    }
}
