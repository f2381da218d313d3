package io.dora.core.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

import io.dora.core.secret.SecretString;

/**
 * A certificate, a key or a PKCS#12 bundle of {@link TlsSettings}: a file the user keeps, or content held inline
 * (imported into or pasted into the vault). Inline content is a secret: it never prints, and drivers use it in
 * memory or write it only through an owner-only folder ({@code io.dora.net.tls.PrivateFiles}).
 */
public sealed interface TlsMaterial {

    static TlsMaterial file(Path file) {
        return file == null ? null : new FromFile(file);
    }

    /** The bytes, read from the file or decoded from the inline text; wipe them after use. */
    byte[] read() throws IOException;

    /** A file: PEM or DER certificates, a PEM key, or a PKCS#12 bundle. Prints as its path. */
    record FromFile(Path file) implements TlsMaterial {
        public FromFile {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public byte[] read() throws IOException {
            return Files.readAllBytes(file);
        }

        @Override
        public String toString() {
            return file.toString();
        }
    }

    /**
     * Content held inline: PEM text ({@code -----BEGIN ...}), or binary content (PKCS#12, DER) in base64.
     * Prints as a placeholder, never its content.
     */
    record Inline(SecretString content) implements TlsMaterial {
        private static final String PLACEHOLDER = "(held in the vault)";

        public Inline {
            Objects.requireNonNull(content, "content");
        }

        /** Binary content (a PKCS#12 bundle, a DER certificate) kept as base64 text; PEM text stays as it is. */
        public static Inline of(byte[] content) {
            if (isPem(content)) {
                return new Inline(SecretString.of(new String(content, StandardCharsets.US_ASCII)));
            }
            return new Inline(SecretString.of(Base64.getEncoder().encodeToString(content)));
        }

        /** @throws IOException when the text is neither PEM nor base64 (the message does not quote it) */
        @Override
        public byte[] read() throws IOException {
            byte[] text = content.revealUtf8();
            if (isPem(text)) {
                return text;
            }
            try {
                // line breaks are allowed (pasted base64 usually has them), any other stray character is not
                byte[] base64 = withoutWhiteSpace(text);
                try {
                    return Base64.getDecoder().decode(base64);
                } finally {
                    Arrays.fill(base64, (byte) 0);
                }
            } catch (IllegalArgumentException e) {
                throw new IOException("the inline content is neither PEM nor base64");
            } finally {
                Arrays.fill(text, (byte) 0);
            }
        }

        private static byte[] withoutWhiteSpace(byte[] text) {
            byte[] kept = new byte[text.length];
            int length = 0;
            for (byte b : text) {
                if (!Character.isWhitespace(b)) {
                    kept[length++] = b;
                }
            }
            byte[] result = Arrays.copyOf(kept, length);
            Arrays.fill(kept, (byte) 0);
            return result;
        }

        /** Whether the content is PEM or decodable base64: checked without saying anything about it. */
        public boolean isWellFormed() {
            if (content.isEmpty()) {
                return false;
            }
            try {
                byte[] bytes = read();
                boolean some = bytes.length > 0;
                Arrays.fill(bytes, (byte) 0);
                return some;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return PLACEHOLDER;
        }
    }

    /** Whether the bytes start like PEM text (possibly after white space or a comment line). */
    static boolean isPem(byte[] content) {
        String start = new String(content, 0, Math.min(content.length, 200), StandardCharsets.US_ASCII);
        return start.contains("-----BEGIN");
    }
}
