package io.dora.net.ssh.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL (zonky's binaries) with TLS on a random loopback port: {@code certuser} must log in with
 * a client certificate ({@code hostssl ... cert clientcert=verify-full}).
 */
final class TlsPostgres implements AutoCloseable {

    static final String CERT_USER = "certuser";

    private final EmbeddedPostgres postgres;

    private TlsPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static TlsPostgres start(TestPki pki) {
        try {
            Path dir = Files.createTempDirectory("dora-pgtls");
            Files.copy(pki.file("server.crt"), dir.resolve("server.crt"));
            Files.copy(pki.file("server.key"), dir.resolve("server.key"));
            Files.copy(pki.file("ca.crt"), dir.resolve("ca.crt"));
            Files.setPosixFilePermissions(dir.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
            Files.writeString(dir.resolve("pg_hba.conf"), """
                    local all all trust
                    host all postgres 127.0.0.1/32 trust
                    host all postgres ::1/128 trust
                    hostssl all certuser 127.0.0.1/32 cert clientcert=verify-full
                    hostssl all certuser ::1/128 cert clientcert=verify-full
                    """);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("ssl", "on")
                    .setServerConfig("ssl_cert_file", dir.resolve("server.crt").toString())
                    .setServerConfig("ssl_key_file", dir.resolve("server.key").toString())
                    .setServerConfig("ssl_ca_file", dir.resolve("ca.crt").toString())
                    .setServerConfig("hba_file", dir.resolve("pg_hba.conf").toString())
                    .start();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE USER " + CERT_USER);
            }
            return new TlsPostgres(postgres);
        } catch (Exception | LinkageError e) {
            return OpenSshServer.unavailable("PostgreSQL could not start: " + e, e instanceof Exception x ? x : null);
        }
    }

    int port() {
        return postgres.getPort();
    }

    /** Ends every backend of {@code user}, from outside Dora. */
    void terminateBackendsOf(String user) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + user + "'");
        }
    }

    @Override
    public void close() throws Exception {
        postgres.close();
    }
}
