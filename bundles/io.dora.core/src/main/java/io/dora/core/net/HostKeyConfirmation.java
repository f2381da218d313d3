package io.dora.core.net;

/**
 * Asks whether to trust a host key that known_hosts does not have (policy ASK). The headless default refuses;
 * a UI registers its own service with a higher service ranking. A changed key never reaches this question.
 */
public interface HostKeyConfirmation {

    /**
     * @param host        the host as written to known_hosts ({@code host} or {@code [host]:port})
     * @param keyType     the key algorithm, e.g. {@code ssh-ed25519}
     * @param fingerprint the SHA256 fingerprint, {@code SHA256:...}
     * @return whether to accept the key and write it to known_hosts
     */
    boolean confirmUnknownHostKey(String host, String keyType, String fingerprint);
}
