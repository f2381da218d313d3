package io.dora.vault.internal.format;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.dora.vault.VaultCorruptedException;

/**
 * AES-256-GCM over the payload, with a fresh random 96-bit nonce per write and the whole encoded header as
 * additional authenticated data: a change to any byte of the file fails the tag.
 */
public final class VaultCipher {

    static final int TAG_LENGTH = 16;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    private VaultCipher() {
    }

    /** The complete file: header, then ciphertext and tag. */
    public static byte[] seal(VaultKey key, byte[] plaintext) {
        byte[] nonce = new byte[VaultHeader.NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        byte[] header = new VaultHeader(key.kdf(), key.salt(), key.keyCheck(), nonce).encode();
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
            cipher.updateAAD(header);
            byte[] file = Arrays.copyOf(header, header.length + cipher.getOutputSize(plaintext.length));
            cipher.doFinal(plaintext, 0, plaintext.length, file, header.length);
            return file;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this Java runtime", e);
        }
    }

    /**
     * The payload of a file whose header the key {@linkplain VaultKey#checks checks}.
     *
     * @throws VaultCorruptedException when the tag does not verify: with the right key, that is tampering or damage
     */
    public static byte[] open(VaultKey key, VaultHeader header, byte[] file, String source) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, header.nonce());
            cipher.updateAAD(file, 0, VaultHeader.LENGTH);
            return cipher.doFinal(file, VaultHeader.LENGTH, file.length - VaultHeader.LENGTH);
        } catch (AEADBadTagException e) {
            throw new VaultCorruptedException(source + " was damaged or tampered with: the master password is right,"
                    + " but the content fails its integrity check. The file was left untouched.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this Java runtime", e);
        }
    }

    private static Cipher cipher(int mode, VaultKey key, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        // SecretKeySpec keeps its own copy, which cannot be wiped; it lives only as long as this cipher
        cipher.init(mode, new SecretKeySpec(key.encryptionKey(), "AES"), new GCMParameterSpec(TAG_LENGTH * 8, nonce));
        return cipher;
    }
}
