package io.dora.net.ssh.internal;

/** The reason codes of SSH_MSG_CHANNEL_OPEN_FAILURE (RFC 4254 §5.1) in words. */
final class ChannelFailures {

    private ChannelFailures() {
    }

    static String describe(int reasonCode) {
        return switch (reasonCode) {
            case 1 -> "administratively prohibited (the server does not allow TCP forwarding there)";
            case 2 -> "connect failed (nothing listens there, or it cannot be reached from the SSH server)";
            case 3 -> "unknown channel type";
            case 4 -> "resource shortage";
            default -> "the channel was not opened";
        };
    }
}
