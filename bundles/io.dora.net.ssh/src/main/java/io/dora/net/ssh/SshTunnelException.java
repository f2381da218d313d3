package io.dora.net.ssh;

/** An SSH route that could not be opened; the message says what failed and where. */
public class SshTunnelException extends Exception {

    private static final long serialVersionUID = 1L;

    public SshTunnelException(String message) {
        super(message);
    }

    public SshTunnelException(String message, Throwable cause) {
        super(message, cause);
    }
}
