package io.dora.driver.mongo.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterConnectionMode;

import io.dora.core.connection.ConnectionSpec;
import io.dora.core.observe.Correlation;
import io.dora.core.connection.PoolSettings;

/**
 * The Java driver's settings for a spec. The spec's options are connection string options ({@code authSource},
 * {@code replicaSet}, {@code readPreference}, {@code directConnection}, ...) and win over Dora's defaults; the
 * password travels in a credential, never in a connection string that could be logged.
 */
final class MongoSettings {

    private MongoSettings() {
    }

    /**
     * @param poolSize the most connections; the query client takes the spec's pool size, the control client a few
     * @throws IllegalArgumentException when an option is not a valid connection string option
     */
    static MongoClientSettings of(ConnectionSpec spec, MongoEndpoint endpoint, int poolSize) {
        ConnectionString options = optionsOf(spec, endpoint);
        PoolSettings pool = spec.pool();
        long connectMillis = pool.connectionTimeout().toMillis();
        MongoClientSettings.Builder builder = MongoClientSettings.builder()
                .applicationName(Correlation.applicationName(spec))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(connectMillis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout((int) connectMillis, TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(connections -> connections.maxSize(poolSize)
                        .minSize(Math.min(pool.minIdle(), poolSize))
                        .maxConnectionIdleTime(pool.idleTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .maxConnectionLifeTime(pool.maxLifetime().toMillis(), TimeUnit.MILLISECONDS)
                        .maxWaitTime(connectMillis, TimeUnit.MILLISECONDS))
                .applyConnectionString(options);
        builder.applyToClusterSettings(cluster -> {
            cluster.hosts(List.of(new ServerAddress(endpoint.host(), endpoint.port())));
            if (endpoint.tunnelled()) {
                cluster.mode(ClusterConnectionMode.SINGLE);
            }
        });
        builder.applyToConnectionPoolSettings(connections -> connections.maxSize(poolSize));
        if (!spec.user().isEmpty()) {
            // as the shell does: the spec's database, unless authSource names another
            String source = spec.options().getOrDefault("authSource", spec.database().isEmpty() ? "admin" : spec.database());
            builder.credential(MongoCredential.createCredential(spec.user(), source,
                    spec.password().reveal()));
        }
        if (MongoTls.enabled(spec.tls())) {
            builder.applyToSslSettings(ssl -> MongoTls.apply(ssl, spec.tls(), endpoint));
        }
        return builder.build();
    }

    /** Checks the spec's options as the driver would read them; no network. */
    static void checkOptions(ConnectionSpec spec) {
        optionsOf(spec, MongoEndpoint.direct(spec));
    }

    private static ConnectionString optionsOf(ConnectionSpec spec, MongoEndpoint endpoint) {
        StringBuilder uri = new StringBuilder("mongodb://");
        uri.append(endpoint.host().contains(":") ? "[" + endpoint.host() + "]" : endpoint.host());
        uri.append(':').append(endpoint.port()).append('/');
        Map<String, String> sorted = new TreeMap<>(spec.options());
        // Dora's own options (correlation, query-id comment) are not the client library's business
        sorted.keySet().removeIf(Correlation::isDoraOption);
        if (endpoint.tunnelled()) {
            // members found by discovery would be reached around the tunnel
            sorted.remove("directConnection");
            sorted.remove("replicaSet");
        }
        // a credential is built separately; the connection string never holds it
        sorted.remove("authSource");
        char separator = '?';
        for (Map.Entry<String, String> option : sorted.entrySet()) {
            uri.append(separator).append(encode(option.getKey())).append('=').append(encode(option.getValue()));
            separator = '&';
        }
        return new ConnectionString(uri.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
