package io.dora.core.secret;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A secret (password, passphrase, API key) that never shows its value by accident: {@link #toString()}
 * prints a mask, so a secret that reaches a log line, an exception message or a debugger says nothing.
 * The value is only reachable through {@link #reveal()}, which makes every use easy to find.
 * {@link #destroy()} overwrites the characters once the secret is no longer needed.
 */
public final class SecretString implements AutoCloseable {

    private static final String MASK = "******";
    private final char[] value;
    private volatile boolean destroyed;

    private SecretString(char[] value) {
        this.value = value;
    }

    /** Takes a copy of the characters; the caller may wipe its array afterwards. */
    public static SecretString of(char[] value) {
        return new SecretString(value.clone());
    }

    public static SecretString of(String value) {
        return new SecretString(value.toCharArray());
    }

    public static SecretString empty() {
        return new SecretString(new char[0]);
    }

    /** A copy of the secret's characters: wipe it after use. */
    public char[] reveal() {
        checkAlive();
        return value.clone();
    }

    /** The secret as a String, for APIs that take nothing else (JDBC properties). Prefer {@link #reveal()}. */
    public String revealAsString() {
        checkAlive();
        return new String(value);
    }

    /** The secret as UTF-8 bytes: wipe them after use. */
    public byte[] revealUtf8() {
        checkAlive();
        var buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(value));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    public int length() {
        return value.length;
    }

    /** Overwrites the characters; every later use fails. */
    public void destroy() {
        Arrays.fill(value, '\0');
        destroyed = true;
    }

    @Override
    public void close() {
        destroy();
    }

    public boolean isDestroyed() {
        return destroyed;
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("The secret was destroyed");
        }
    }

    /** Constant-time comparison of the two secrets' values. */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof SecretString that)) {
            return false;
        }
        byte[] a = revealUtf8();
        byte[] b = that.revealUtf8();
        try {
            return MessageDigest.isEqual(a, b);
        } finally {
            Arrays.fill(a, (byte) 0);
            Arrays.fill(b, (byte) 0);
        }
    }

    @Override
    public int hashCode() {
        // equal secrets must hash alike, yet the hash must not leak the value: the length alone will do
        return value.length;
    }

    @Override
    public String toString() {
        return MASK;
    }
}
