package io.dora.core.secret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretStringTest {

    @Test
    void neverPrintsItsValue() {
        SecretString secret = SecretString.of("hunter2");
        assertEquals("******", secret.toString());
        assertEquals("password=******", "password=" + secret);
        assertFalse(String.format("%s %s", secret, java.util.List.of(secret)).contains("hunter2"));
    }

    @Test
    void revealsACopy() {
        char[] source = "s3cret".toCharArray();
        SecretString secret = SecretString.of(source);
        java.util.Arrays.fill(source, 'x');
        char[] revealed = secret.reveal();
        assertArrayEquals("s3cret".toCharArray(), revealed);
        revealed[0] = 'X';
        assertEquals("s3cret", secret.revealAsString());
    }

    @Test
    void comparesByValue() {
        assertEquals(SecretString.of("a"), SecretString.of("a"));
        assertNotEquals(SecretString.of("a"), SecretString.of("b"));
    }

    @Test
    void aDestroyedSecretCannotBeRead() {
        SecretString secret = SecretString.of("gone");
        secret.destroy();
        assertTrue(secret.isDestroyed());
        assertThrows(IllegalStateException.class, secret::reveal);
    }
}
