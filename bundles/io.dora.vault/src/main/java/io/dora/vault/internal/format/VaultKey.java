package io.dora.vault.internal.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.HKDFParameters;

import io.dora.core.secret.SecretString;
import io.dora.vault.KdfParameters;

/**
 * The keys derived from a master password: Argon2id turns the password and salt into a master key, and
 * HKDF-SHA256 expands that into two independent values with distinct labels, the AES-256 encryption key
 * and the key-check value stored in the header. The check value tells a wrong password apart from a
 * tampered file without giving an attacker anything cheaper to test than the Argon2id derivation itself.
 */
public final class VaultKey implements AutoCloseable {

    private static final int KEY_LENGTH = 32;
    private static final byte[] ENCRYPTION_LABEL = bytes("dora-vault v1 encryption key");
    private static final byte[] KEY_CHECK_LABEL = bytes("dora-vault v1 key check");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KdfParameters kdf;
    private final byte[] salt;
    private final byte[] encryptionKey;
    private final byte[] keyCheck;

    private VaultKey(KdfParameters kdf, byte[] salt, byte[] encryptionKey, byte[] keyCheck) {
        this.kdf = kdf;
        this.salt = salt;
        this.encryptionKey = encryptionKey;
        this.keyCheck = keyCheck;
    }

    /** A key for a new vault or a new master password: fresh random salt. */
    public static VaultKey deriveNew(SecretString password, KdfParameters kdf) {
        byte[] salt = new byte[VaultHeader.SALT_LENGTH];
        RANDOM.nextBytes(salt);
        return derive(password, kdf, salt);
    }

    /** The key for an existing vault, with the parameters and salt of its header. */
    public static VaultKey deriveFor(SecretString password, VaultHeader header) {
        return derive(password, header.kdf(), header.salt().clone());
    }

    private static VaultKey derive(SecretString password, KdfParameters kdf, byte[] salt) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(kdf.memoryKiB())
                .withIterations(kdf.iterations())
                .withParallelism(kdf.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
        argon2.init(parameters);
        byte[] passwordBytes = password.revealUtf8();
        byte[] masterKey = new byte[KEY_LENGTH];
        try {
            argon2.generateBytes(passwordBytes, masterKey);
            return new VaultKey(kdf, salt, expand(masterKey, ENCRYPTION_LABEL), expand(masterKey, KEY_CHECK_LABEL));
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
            Arrays.fill(masterKey, (byte) 0);
        }
    }

    private static byte[] expand(byte[] masterKey, byte[] label) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(masterKey, null, label));
        byte[] out = new byte[KEY_LENGTH];
        hkdf.generateBytes(out, 0, out.length);
        return out;
    }

    /** Whether the header was written with this key's derivation (same parameters and salt). */
    public boolean derivedLike(VaultHeader header) {
        return kdf.equals(header.kdf()) && Arrays.equals(salt, header.salt());
    }

    /** Whether the header's key-check value is this key's; compared in constant time. */
    public boolean checks(VaultHeader header) {
        return MessageDigest.isEqual(keyCheck, header.keyCheck());
    }

    KdfParameters kdf() {
        return kdf;
    }

    byte[] salt() {
        return salt.clone();
    }

    byte[] keyCheck() {
        return keyCheck.clone();
    }

    /** The raw AES key; callers must not keep it. */
    byte[] encryptionKey() {
        return encryptionKey;
    }

    /** Overwrites the key material. */
    public void destroy() {
        Arrays.fill(encryptionKey, (byte) 0);
        Arrays.fill(keyCheck, (byte) 0);
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "VaultKey[" + kdf + "]";
    }

    private static byte[] bytes(String label) {
        return label.getBytes(StandardCharsets.US_ASCII);
    }
}
