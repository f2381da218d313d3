package io.dora.net.ssh.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.dora.core.net.HostKeyConfirmation;
import io.dora.core.net.SshSettings;
import io.dora.core.net.SshTunnelBackend;
import io.dora.core.net.Tunnel;

/**
 * SSH tunnels with JSch. Tunnels are shared by route (the same hops, settings and destination) and counted:
 * each {@link #open} returns a reference of its own, and the tunnel closes with the last one.
 */
@Component(service = SshTunnelBackend.class)
public final class JschTunnelBackend implements SshTunnelBackend {

    private record RouteKey(SshSettings settings, String remoteHost, int remotePort) {
    }

    private static final class Shared {
        final SshRoute route;
        int references;

        Shared(SshRoute route) {
            this.route = route;
        }
    }

    private final Map<RouteKey, Shared> routes = new HashMap<>();
    private SshEnvironment environment;
    private volatile HostKeyConfirmation confirmation;

    /** For DS: call {@link #activate(Map)} and bind a confirmation before use. */
    public JschTunnelBackend() {
    }

    /** For tests and embedding: a backend over the given {@code ~/.ssh} stand-in and agent socket. */
    JschTunnelBackend(SshEnvironment environment, HostKeyConfirmation confirmation) {
        this.environment = environment;
        this.confirmation = confirmation;
    }

    @Activate
    void activate(Map<String, Object> properties) {
        environment = SshEnvironment.of(properties);
    }

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setConfirmation(HostKeyConfirmation value) {
        confirmation = value;
    }

    void unsetConfirmation(HostKeyConfirmation value) {
        if (confirmation == value) {
            confirmation = null;
        }
    }

    @Override
    public Tunnel open(SshSettings settings, String remoteHost, int remotePort) {
        RouteKey key = new RouteKey(settings, remoteHost, remotePort);
        Shared shared;
        synchronized (routes) {
            shared = routes.get(key);
            if (shared == null) {
                // opened under the lock: two connections to the same route must not race to build two tunnels
                List<ResolvedHop> hops = new RouteResolver(environment).resolve(settings);
                HopConnector connector = new HopConnector(settings, environment, this::confirmUnknownHostKey);
                shared = new Shared(SshRoute.open(hops, connector, remoteHost, remotePort));
                routes.put(key, shared);
            }
            shared.references++;
        }
        return new TunnelReference(key, shared);
    }

    /** The number of open tunnels, for tests and diagnostics. */
    int openTunnels() {
        synchronized (routes) {
            return routes.size();
        }
    }

    private boolean confirmUnknownHostKey(String host, String keyType, String fingerprint) {
        HostKeyConfirmation current = confirmation;
        return current != null && current.confirmUnknownHostKey(host, keyType, fingerprint);
    }

    private void release(RouteKey key, Shared shared) {
        synchronized (routes) {
            if (--shared.references > 0) {
                return;
            }
            routes.remove(key, shared);
        }
        shared.route.close();
    }

    @Deactivate
    void deactivate() {
        List<Shared> open;
        synchronized (routes) {
            open = List.copyOf(routes.values());
            routes.clear();
        }
        open.forEach(shared -> shared.route.close());
    }

    private final class TunnelReference implements Tunnel {
        private final RouteKey key;
        private final Shared shared;
        private final AtomicBoolean closed = new AtomicBoolean();

        TunnelReference(RouteKey key, Shared shared) {
            this.key = key;
            this.shared = shared;
        }

        @Override
        public int localPort() {
            return shared.route.localPort();
        }

        @Override
        public int ensureOpen() {
            shared.route.ensureConnected();
            return shared.route.localPort();
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                release(key, shared);
            }
        }
    }
}
