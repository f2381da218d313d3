package io.dora.net.ssh.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A throw-away PKI made with openssl: a CA, a server certificate for {@code localhost} only (so verify-full
 * to 127.0.0.1 is a hostname mismatch), client certificates whose CN is the database user, their keys in
 * PKCS#1, PKCS#8, encrypted PKCS#8 and PKCS#12 (alias = the user name, not {@code user}), and a rogue CA with a
 * client certificate of its own.
 */
final class TestPki {

    static final String KEY_PASSWORD = "key-pw";

    final Path directory;

    private TestPki(Path directory) {
        this.directory = directory;
    }

    static TestPki create(String... clientUsers) {
        try {
            Path dir = Files.createTempDirectory("dora-pki");
            openssl(dir, "req", "-x509", "-new", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "30", "-keyout",
                    "ca.key", "-out", "ca.crt", "-subj", "/CN=Dora Test CA", "-addext",
                    "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
            sign(dir, "ca", "server", "/CN=localhost", "subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n");
            for (String user : clientUsers) {
                sign(dir, "ca", user, "/CN=" + user, "extendedKeyUsage=clientAuth\n");
                openssl(dir, "rsa", "-in", user + ".key", "-traditional", "-out", user + ".rsa.pem");
                openssl(dir, "pkcs8", "-topk8", "-nocrypt", "-in", user + ".key", "-out", user + ".pk8.pem");
                openssl(dir, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", user + ".key", "-passout",
                        "pass:" + KEY_PASSWORD, "-out", user + ".enc.pem");
                openssl(dir, "pkcs12", "-export", "-in", user + ".crt", "-inkey", user + ".key", "-name", user,
                        "-passout", "pass:" + KEY_PASSWORD, "-out", user + ".p12");
            }
            openssl(dir, "req", "-x509", "-new", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-keyout",
                    "rogue-ca.key", "-out", "rogue-ca.crt", "-subj", "/CN=Rogue CA");
            for (String user : clientUsers) {
                sign(dir, "rogue-ca", "rogue-" + user, "/CN=" + user, "extendedKeyUsage=clientAuth\n");
            }
            return new TestPki(dir);
        } catch (Exception e) {
            return OpenSshServer.unavailable("openssl could not make a test PKI: " + e.getMessage(), e);
        }
    }

    Path file(String name) {
        return directory.resolve(name);
    }

    private static void sign(Path dir, String ca, String name, String subject, String extensions) throws Exception {
        openssl(dir, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr",
                "-subj", subject);
        Files.writeString(dir.resolve(name + ".ext"), extensions);
        openssl(dir, "x509", "-req", "-sha256", "-days", "30", "-in", name + ".csr", "-CA", ca + ".crt", "-CAkey",
                ca + ".key", "-CAcreateserial", "-extfile", name + ".ext", "-out", name + ".crt");
    }

    private static void openssl(Path dir, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("openssl " + arguments[0] + " failed: " + output);
        }
    }
}
