package io.dora.core.net;

/** How much TLS a connection demands, in PostgreSQL's terms; each driver maps them to its own options. */
public enum TlsMode {
    DISABLE,
    ALLOW,
    PREFER,
    REQUIRE,
    /** Encrypted and the server certificate signed by the configured CA. */
    VERIFY_CA,
    /** As VERIFY_CA, and the certificate names the host connected to. */
    VERIFY_FULL
}
