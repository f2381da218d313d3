package io.dora.vault.internal.format;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import io.dora.vault.KdfParameters;
import io.dora.vault.VaultCorruptedException;

/**
 * The clear-text header of a vault file, format version 1 (byte layout in docs/vault.md). Everything the
 * reader needs before it has a key: the key derivation's parameters and salt, the key-check value and the
 * nonce. It ends with a SHA-256 of the bytes before it, so a damaged header reads as damage rather than as
 * a wrong password; the whole header is also the AES-GCM additional data, which is what authenticates it.
 */
public record VaultHeader(KdfParameters kdf, byte[] salt, byte[] keyCheck, byte[] nonce) {

    static final byte[] MAGIC = {(byte) 0x89, 'D', 'O', 'R', 'A', 'V', 'L', 'T'};
    static final int FORMAT_VERSION = 1;
    static final int KDF_ARGON2ID = 1;
    static final int ARGON2_VERSION_13 = 0x13;
    public static final int SALT_LENGTH = 16;
    public static final int KEY_CHECK_LENGTH = 32;
    public static final int NONCE_LENGTH = 12;
    private static final int DIGEST_LENGTH = 32;
    private static final int DIGESTED_LENGTH = MAGIC.length + 2 + 1 + 1 + 4 + 4 + 4 + SALT_LENGTH + KEY_CHECK_LENGTH + NONCE_LENGTH;
    /** Length of the encoded header; the ciphertext starts here. */
    public static final int LENGTH = DIGESTED_LENGTH + DIGEST_LENGTH;

    public VaultHeader {
        if (salt.length != SALT_LENGTH || keyCheck.length != KEY_CHECK_LENGTH || nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("salt, key check or nonce of the wrong length");
        }
    }

    public byte[] encode() {
        ByteBuffer buffer = ByteBuffer.allocate(LENGTH);
        buffer.put(MAGIC)
                .putShort((short) FORMAT_VERSION)
                .put((byte) KDF_ARGON2ID)
                .put((byte) ARGON2_VERSION_13)
                .putInt(kdf.memoryKiB())
                .putInt(kdf.iterations())
                .putInt(kdf.parallelism())
                .put(salt)
                .put(keyCheck)
                .put(nonce);
        buffer.put(sha256(buffer.array(), DIGESTED_LENGTH));
        return buffer.array();
    }

    /**
     * Reads the header at the start of a vault file.
     *
     * @param source names the file in error messages
     * @throws VaultCorruptedException when the bytes are no intact version 1 header
     */
    public static VaultHeader decode(byte[] file, String source) {
        if (file.length < MAGIC.length || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new VaultCorruptedException(source + " is not a Dora vault file (its magic number is wrong)");
        }
        if (file.length < LENGTH + VaultCipher.TAG_LENGTH) {
            throw new VaultCorruptedException(source + " is truncated: " + file.length + " bytes, shorter than any vault");
        }
        ByteBuffer buffer = ByteBuffer.wrap(file, 0, LENGTH);
        buffer.position(MAGIC.length);
        int version = Short.toUnsignedInt(buffer.getShort());
        if (version != FORMAT_VERSION) {
            throw new VaultCorruptedException(source + " has format version " + version + ", which this Dora cannot read"
                    + " (it reads version " + FORMAT_VERSION + "): it was written by a newer Dora, or it is damaged");
        }
        byte[] expectedDigest = sha256(file, DIGESTED_LENGTH);
        if (!MessageDigest.isEqual(expectedDigest, Arrays.copyOfRange(file, DIGESTED_LENGTH, LENGTH))) {
            throw new VaultCorruptedException(source + " has a damaged header (its checksum does not match)");
        }
        int kdfId = Byte.toUnsignedInt(buffer.get());
        int argon2Version = Byte.toUnsignedInt(buffer.get());
        if (kdfId != KDF_ARGON2ID || argon2Version != ARGON2_VERSION_13) {
            throw new VaultCorruptedException(source + " names an unknown key derivation (" + kdfId + ", version " + argon2Version + ")");
        }
        KdfParameters kdf;
        try {
            kdf = new KdfParameters(buffer.getInt(), buffer.getInt(), buffer.getInt());
        } catch (IllegalArgumentException e) {
            throw new VaultCorruptedException(source + " has out-of-range key derivation parameters: " + e.getMessage());
        }
        byte[] salt = new byte[SALT_LENGTH];
        byte[] keyCheck = new byte[KEY_CHECK_LENGTH];
        byte[] nonce = new byte[NONCE_LENGTH];
        buffer.get(salt).get(keyCheck).get(nonce);
        return new VaultHeader(kdf, salt, keyCheck, nonce);
    }

    private static byte[] sha256(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
