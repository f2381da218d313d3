package io.dora.net.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class RefusingHostKeyConfirmationTest {

    @Test
    void headlessDefaultRefusesUnknownHostKeys() {
        assertFalse(new RefusingHostKeyConfirmation().confirmUnknownHostKey("[127.0.0.1]:2222", "ssh-ed25519",
                "SHA256:abc"));
    }
}
