package io.dora.driver.mongo.internal;

import java.util.Optional;

import com.mongodb.MongoException;
import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ServerDescription;
import com.mongodb.connection.SslSettings;

import io.dora.core.net.TlsException;
import io.dora.core.net.TlsMode;
import io.dora.core.net.TlsSettings;
import io.dora.net.tls.TlsErrors;
import io.dora.net.tls.TlsStores;

/**
 * Maps {@link TlsSettings} to the Java driver's TLS settings, with an {@link javax.net.ssl.SSLContext} built in
 * memory by {@link TlsStores} (no key store on disk):
 * <ul>
 * <li>REQUIRE: encrypted; the certificate is checked against the CA only when one is given (as libpq does);</li>
 * <li>VERIFY_CA: the certificate must chain to the CA (or the JVM's trust store); any host name;</li>
 * <li>VERIFY_FULL: as VERIFY_CA, and the certificate must name the server's host: the Java driver checks it on a
 * direct connection, the context checks the real host through a tunnel (the socket's host is 127.0.0.1).</li>
 * </ul>
 * ALLOW and PREFER have no MongoDB equivalent (the driver cannot fall back between TLS and plain); the driver
 * refuses them before connecting.
 */
final class MongoTls {

    private MongoTls() {
    }

    static boolean enabled(TlsSettings tls) {
        return tls.mode() == TlsMode.REQUIRE || tls.mode() == TlsMode.VERIFY_CA || tls.mode() == TlsMode.VERIFY_FULL;
    }

    /** @throws TlsException ({@code BAD_FILES}) when the certificate or key files cannot be used */
    static void apply(SslSettings.Builder ssl, TlsSettings tls, MongoEndpoint endpoint) {
        if (!enabled(tls)) {
            return;
        }
        boolean verifyHost = tls.mode() == TlsMode.VERIFY_FULL;
        boolean checkNameHere = verifyHost && endpoint.tunnelled();
        ssl.enabled(true).context(TlsStores.sslContext(tls, checkNameHere ? endpoint.serverName() : null))
                .invalidHostNameAllowed(!verifyHost || checkNameHere);
    }

    /**
     * The failed handshake behind a failed connect, if that is what it was. Server selection times out without a
     * cause: the servers' own failures are in the cluster description.
     */
    static Optional<TlsException> handshakeFailure(MongoException failure, ClusterDescription cluster,
            TlsSettings tls, MongoEndpoint endpoint) {
        if (!enabled(tls)) {
            return Optional.empty();
        }
        String where = endpoint.tunnelled()
                ? endpoint.serverName() + " (through the tunnel at " + endpoint.host() + ":" + endpoint.port() + ")"
                : endpoint.host() + ":" + endpoint.port();
        if (cluster != null) {
            for (ServerDescription server : cluster.getServerDescriptions()) {
                Optional<TlsException> found = server.getException() == null ? Optional.empty()
                        : TlsErrors.classify(server.getException(), where, tls);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return TlsErrors.classify(failure, where, tls);
    }
}
