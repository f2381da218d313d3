package io.dora.driver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

import io.dora.core.connection.ConnectionCatalog;
import io.dora.core.connection.ConnectionProfile;
import io.dora.core.connection.ConnectionSpec;
import io.dora.core.driver.ConnectionService;
import io.dora.core.net.HostKeyConfirmation;
import io.dora.core.net.HostKeyPolicy;
import io.dora.core.net.SshAuth;
import io.dora.core.net.SshHop;
import io.dora.core.net.SshSettings;
import io.dora.core.net.SshTunnelBackend;
import io.dora.core.net.SshTunnelException;
import io.dora.core.secret.SecretString;

/** The SSH backend as the product runs it: a DS service the engine binds dynamically, and loses cleanly. */
class TunnelBackendServiceTest {

    private final BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();

    @AfterEach
    void restartBackend() throws Exception {
        bundle().start();
    }

    @Test
    void backendAndHeadlessConfirmationAreServicesOfTheSshBundle() throws Exception {
        ServiceTracker<SshTunnelBackend, SshTunnelBackend> backends = new ServiceTracker<>(context,
                SshTunnelBackend.class, null);
        backends.open();
        try {
            assertNotNull(backends.waitForService(TimeUnit.SECONDS.toMillis(10)), "no SshTunnelBackend");
            assertEquals("io.dora.net.ssh", backends.getServiceReference().getBundle().getSymbolicName());
        } finally {
            backends.close();
        }
        ServiceReference<HostKeyConfirmation> confirmation = context.getServiceReference(HostKeyConfirmation.class);
        assertNotNull(confirmation, "no HostKeyConfirmation");
        HostKeyConfirmation headless = context.getService(confirmation);
        assertFalse(headless.confirmUnknownHostKey("[127.0.0.1]:22", "ssh-ed25519", "SHA256:x"));
        context.ungetService(confirmation);
    }

    @Test
    void theEngineUsesTheBackendWhileItIsThereAndSaysSoWhenItIsNot() throws Exception {
        ConnectionService connections = connectionService();
        ConnectionSpec spec = ConnectionSpec.builder("via-ssh", "postgres").host("127.0.0.1").port(5432)
                .database("postgres").user("postgres").ssh(new SshSettings(List.of(new SshHop("127.0.0.1",
                        closedPort(), "nobody", new SshAuth.Password(SecretString.of("pw")))), HostKeyPolicy.STRICT,
                        null, false, Duration.ZERO)).build();
        // the product opens saved connections only: the test's own catalog holds this one
        ServiceRegistration<ConnectionCatalog> catalog = context.registerService(ConnectionCatalog.class,
                ConnectionCatalog.of(List.of(new ConnectionProfile("", spec))), null);
        try {
            awaitBackend();
            SshTunnelException unreachable = assertThrows(SshTunnelException.class,
                    () -> connections.connectById("via-ssh"));
            assertEquals(SshTunnelException.Failure.HOP_UNREACHABLE, unreachable.failure(), unreachable.getMessage());

            bundle().stop();
            SshTunnelException missing = assertThrows(SshTunnelException.class,
                    () -> connections.connectById("via-ssh"));
            assertEquals(SshTunnelException.Failure.NO_BACKEND, missing.failure(), missing.getMessage());
        } finally {
            catalog.unregister();
        }
    }

    private ConnectionService connectionService() throws InterruptedException {
        ServiceTracker<ConnectionService, ConnectionService> tracker = new ServiceTracker<>(context,
                ConnectionService.class, null);
        tracker.open();
        ConnectionService service = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
        assertNotNull(service, "no ConnectionService");
        return service;
    }

    private void awaitBackend() throws InterruptedException {
        ServiceTracker<SshTunnelBackend, SshTunnelBackend> tracker = new ServiceTracker<>(context,
                SshTunnelBackend.class, null);
        tracker.open();
        try {
            assertNotNull(tracker.waitForService(TimeUnit.SECONDS.toMillis(10)), "no SshTunnelBackend");
        } finally {
            tracker.close();
        }
    }

    private Bundle bundle() {
        for (Bundle bundle : context.getBundles()) {
            if ("io.dora.net.ssh".equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("io.dora.net.ssh is not installed");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
