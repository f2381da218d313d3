package io.dora.core.net;

/** What to do with an SSH host key that known_hosts does not have. A changed key is always refused. */
public enum HostKeyPolicy {
    /** Only hosts already in known_hosts. */
    STRICT,
    /** A new host's key is accepted and written to known_hosts. */
    ACCEPT_NEW,
    /** The user is asked (through the host-key confirmation SPI); headless, that refuses. */
    ASK
}
