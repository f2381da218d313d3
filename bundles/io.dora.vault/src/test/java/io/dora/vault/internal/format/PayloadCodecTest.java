package io.dora.vault.internal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dora.core.secret.SecretString;
import io.dora.vault.VaultCorruptedException;
import io.dora.vault.VaultEntry;
import io.dora.vault.VaultException;

class PayloadCodecTest {

    private static final String AWKWARD_SECRET = "p\"a\\s\ns 🔑 Ω";

    @Test
    void roundTripsEntriesWithAwkwardCharacters() {
        VaultEntry entry = VaultEntry.builder("ssh-key", "bastion \"eu\"")
                .attribute("path", "C:\\keys\\id_ed25519")
                .secret("passphrase", SecretString.of(AWKWARD_SECRET))
                .secret("empty", SecretString.empty())
                .build();
        byte[] json = PayloadCodec.write(List.of(entry));
        assertTrue(new String(json, StandardCharsets.UTF_8).startsWith("{\"version\":1,\"entries\":["));

        VaultEntry read = PayloadCodec.read(json, "test").get(0);
        assertEquals("bastion \"eu\"", read.id());
        assertEquals("C:\\keys\\id_ed25519", read.attribute("path").orElseThrow());
        assertEquals(AWKWARD_SECRET, read.secret("passphrase").orElseThrow().revealAsString());
        assertTrue(read.secret("empty").orElseThrow().isEmpty());
    }

    @Test
    void malformedPayloadMessagesQuoteNothingOfTheContent() {
        byte[] broken = "{\"version\":1,\"entries\":[{\"kind\":\"c\",\"id\":\"x\",\"secrets\":{\"password\":hunter2}}]}"
                .getBytes(StandardCharsets.UTF_8);
        var error = assertThrows(VaultCorruptedException.class, () -> PayloadCodec.read(broken, "The vault file f"));
        assertFalse(error.toString().contains("hunter2"), error.toString());
        assertEquals(null, error.getCause());
    }

    @Test
    void refusesAPayloadVersionItDoesNotKnow() {
        byte[] future = "{\"version\":2,\"entries\":[]}".getBytes(StandardCharsets.UTF_8);
        var error = assertThrows(VaultException.class, () -> PayloadCodec.read(future, "The vault file f"));
        assertTrue(error.getMessage().contains("payload version 2"), error.getMessage());
    }
}
