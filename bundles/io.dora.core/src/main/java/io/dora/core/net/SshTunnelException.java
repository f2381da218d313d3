package io.dora.core.net;

import io.dora.core.error.DoraException;
import io.dora.core.error.ErrorKind;

/** An SSH route that could not be opened; the message says what failed and at which hop. */
public class SshTunnelException extends DoraException {

    private static final long serialVersionUID = 1L;

    /** What failed. */
    public enum Failure {
        /** The SSH server refused the login (password, key, agent, keyboard-interactive). */
        AUTHENTICATION,
        /** The host key is not in known_hosts and the policy (or the user) did not accept it. */
        HOST_KEY_UNKNOWN,
        /** known_hosts has another key for this host: possibly a man in the middle; never accepted. */
        HOST_KEY_CHANGED,
        /** The hop could not be reached (directly, or from the hop before it). */
        HOP_UNREACHABLE,
        /** The last hop refused to forward to the database's host and port. */
        FORWARD_REFUSED,
        /** The settings cannot work (missing key file, no ssh-agent, a bad ssh config). */
        SETTINGS,
        /** No SSH tunnel backend is installed. */
        NO_BACKEND
    }

    private final Failure failure;
    private final int hop;

    /**
     * @param hop the 1-based position of the failing hop in the route; 0 when the failure is not tied to one
     */
    public SshTunnelException(Failure failure, int hop, String message, Throwable cause) {
        super(failure == Failure.AUTHENTICATION ? ErrorKind.AUTHENTICATION
                : failure == Failure.NO_BACKEND ? ErrorKind.UNSUPPORTED : ErrorKind.CONNECTION, message, cause);
        this.failure = failure;
        this.hop = hop;
    }

    public SshTunnelException(Failure failure, int hop, String message) {
        this(failure, hop, message, null);
    }

    public Failure failure() {
        return failure;
    }

    /** The 1-based position of the failing hop, 0 when none. */
    public int hop() {
        return hop;
    }
}
