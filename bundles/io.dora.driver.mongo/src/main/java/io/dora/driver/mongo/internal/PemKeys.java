package io.dora.driver.mongo.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Reads PEM private keys with the JDK alone: PKCS#8 ({@code PRIVATE KEY}, RSA, EC, Ed25519), encrypted PKCS#8
 * ({@code ENCRYPTED PRIVATE KEY}) and PKCS#1 RSA ({@code RSA PRIVATE KEY}, wrapped into PKCS#8 here).
 */
final class PemKeys {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final String[] ALGORITHMS = {"RSA", "EC", "Ed25519", "Ed448", "DSA"};
    /** AlgorithmIdentifier of rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PemKeys() {
    }

    static boolean isPem(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.ISO_8859_1).contains("-----BEGIN ");
    }

    static PrivateKey privateKey(Path file, char[] password) throws IOException, GeneralSecurityException {
        Matcher block = BLOCK.matcher(Files.readString(file, StandardCharsets.ISO_8859_1));
        while (block.find()) {
            String type = block.group(1);
            byte[] der = Base64.getMimeDecoder().decode(block.group(2));
            switch (type) {
                case "PRIVATE KEY":
                    return pkcs8(der);
                case "RSA PRIVATE KEY":
                    return pkcs8(wrapPkcs1(der));
                case "ENCRYPTED PRIVATE KEY":
                    return pkcs8(decrypt(der, password));
                case "EC PRIVATE KEY":
                    throw new GeneralSecurityException(file.getFileName() + " holds an SEC1 EC key: convert it to PKCS#8"
                            + " (openssl pkcs8 -topk8 -nocrypt)");
                default:
                    // certificates or parameters next to the key
            }
        }
        throw new GeneralSecurityException(file.getFileName() + " holds no private key");
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new GeneralSecurityException("unsupported private key algorithm");
    }

    private static byte[] decrypt(byte[] der, char[] password) throws IOException, GeneralSecurityException {
        EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
        SecretKeyFactory factory = SecretKeyFactory.getInstance(info.getAlgName());
        Cipher cipher = Cipher.getInstance(info.getAlgName());
        cipher.init(Cipher.DECRYPT_MODE, factory.generateSecret(new PBEKeySpec(password)), info.getAlgParameters());
        return info.getKeySpec(cipher).getEncoded();
    }

    /** PrivateKeyInfo ::= SEQUENCE { version 0, rsaEncryption, OCTET STRING { RSAPrivateKey } }. */
    private static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.write(0x04);
        body.writeBytes(length(pkcs1.length));
        body.writeBytes(pkcs1);
        ByteArrayOutputStream sequence = new ByteArrayOutputStream();
        sequence.write(0x30);
        sequence.writeBytes(length(body.size()));
        sequence.writeBytes(body.toByteArray());
        return sequence.toByteArray();
    }

    private static byte[] length(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length < 0x100) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        if (length < 0x10000) {
            return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        return new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
    }
}
