package io.dora.driver.mongo.internal;

import io.dora.core.connection.ConnectionSpec;

/**
 * Where the client connects. Directly: the spec's host and port, with the driver's normal topology discovery (a
 * replica set member leads to the whole set). Through an SSH tunnel: the tunnel's local port with
 * {@code directConnection=true}, because discovered members' addresses would bypass the tunnel; TLS still
 * verifies the certificate against the spec's host, the name the server's certificate carries.
 *
 * @param host       the host to open sockets to
 * @param port       the port to open sockets to
 * @param tunnelled  whether the address is a local tunnel end (forces a direct connection)
 * @param serverName the host name the server's TLS certificate must name
 */
record MongoEndpoint(String host, int port, boolean tunnelled, String serverName) {

    static final int DEFAULT_PORT = 27_017;

    static MongoEndpoint direct(ConnectionSpec spec) {
        int port = spec.port() == 0 ? DEFAULT_PORT : spec.port();
        return new MongoEndpoint(spec.host(), port, false, spec.host());
    }

    /** Through the engine's SSH tunnel: its loopback end instead of the spec's address. */
    static MongoEndpoint tunnelled(ConnectionSpec spec, String localHost, int localPort) {
        return new MongoEndpoint(localHost, localPort, true, spec.host());
    }
}
