package io.dora.core.connection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dora.core.error.ErrorKind;
import io.dora.core.error.InvalidInputException;
import io.dora.core.net.HostKeyPolicy;
import io.dora.core.net.SshAuth;
import io.dora.core.net.SshHop;
import io.dora.core.net.SshSettings;
import io.dora.core.net.TlsMaterial;
import io.dora.core.net.TlsMode;
import io.dora.core.net.TlsSettings;
import io.dora.core.secret.SecretString;

class ConnectionSpecValidatorTest {

    private static final List<String> INSTALLED = List.of("mysql", "postgres");

    private static ConnectionSpec.Builder server() {
        return ConnectionSpec.builder("c1", "postgres").host("db.example").port(5432).user("u")
                .password(SecretString.of("pw"));
    }

    @Test
    void acceptsAWellFormedServerSpec() {
        assertEquals(List.of(), ConnectionSpecValidator.problems(server().build(), EndpointKind.SERVER, INSTALLED));
    }

    @Test
    void namesAnUnknownDriverAndTheInstalledOnes() {
        var problems = ConnectionSpecValidator.problems(server().driverId("oracle").build(), null, INSTALLED);
        assertEquals(List.of("Unknown driver 'oracle': installed drivers are mysql, postgres"), problems);
    }

    @Test
    void reportsEveryProblemAtOnce() {
        var spec = server().host(" ").port(70_000).pool(PoolSettings.defaults().withMaxSize(0)).build();
        var error = assertThrows(InvalidInputException.class,
                () -> ConnectionSpecValidator.requireValid(spec, EndpointKind.SERVER, INSTALLED));
        assertEquals(ErrorKind.INVALID_INPUT, error.kind());
        assertEquals(3, error.problems().size(), error.problems().toString());
        assertTrue(error.getMessage().contains("The host is empty"));
        assertTrue(error.getMessage().contains("The port 70000 is out of range"));
        assertTrue(error.getMessage().contains("at least one connection"));
    }

    @Test
    void portZeroMeansTheDriversDefault() {
        assertEquals(List.of(), ConnectionSpecValidator.problems(server().port(0).build(), EndpointKind.SERVER, INSTALLED));
        assertEquals(1, ConnectionSpecValidator.problems(server().port(-1).build(), EndpointKind.SERVER, INSTALLED).size());
    }

    @Test
    void aFileDatabaseNeedsAFileButNoHost() {
        var file = ConnectionSpec.builder("s", "sqlite").build();
        assertEquals(List.of("The database file is empty"), ConnectionSpecValidator.problems(file, EndpointKind.FILE, INSTALLED));
        assertEquals(List.of(), ConnectionSpecValidator.problems(file.toBuilder().database("a.db").build(),
                EndpointKind.FILE, INSTALLED));
    }

    @Test
    void rejectsAPoolTheConnectionPoolWouldRefuse() {
        var pool = new PoolSettings(4, 5, Duration.ZERO, Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofSeconds(1));
        var problems = ConnectionSpecValidator.problems(server().pool(pool).build(), EndpointKind.SERVER, INSTALLED);
        assertEquals(3, problems.size(), problems.toString());
    }

    @Test
    void theHostIsAHostNameOrAnAddressAndNothingElse() {
        for (String good : List.of("db.example", "127.0.0.1", "::1", "fe80::1%eth0", "my_db-1.internal", "localhost")) {
            assertEquals(List.of(), ConnectionSpecValidator.problems(server().host(good).build(), EndpointKind.SERVER, INSTALLED), good);
        }
        for (String bad : List.of("postgres://db", "db.example:5432", "admin@db", "db/x", "db?ssl=false", "-db")) {
            var problems = ConnectionSpecValidator.problems(server().host(bad).build(), EndpointKind.SERVER, INSTALLED);
            assertEquals(List.of("The host '" + bad + "' is not a host name or an IP address (no scheme, port, path or user belongs there)"),
                    problems, bad);
        }
    }

    @Test
    void theDatabaseNameCannotSmuggleDriverOptionsIntoTheUrl() {
        var problems = ConnectionSpecValidator.problems(server().database("app?readOnlyMode=ignore").build(),
                EndpointKind.SERVER, INSTALLED);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("The database name 'app?readOnlyMode=ignore' contains a character"));
        assertEquals(List.of(), ConnectionSpecValidator.problems(server().database("app_1").build(), EndpointKind.SERVER, INSTALLED));
    }

    @Test
    void checksTlsFilesAndModes(@TempDir Path directory) throws Exception {
        Path ca = Files.writeString(directory.resolve("ca.pem"), "x");
        Path missing = directory.resolve("missing.pem");
        var disabledWithFiles = new TlsSettings(TlsMode.DISABLE, ca, null, null, SecretString.empty());
        assertEquals(List.of("TLS certificate files are set but TLS is disabled: choose a TLS mode or remove the files"),
                ConnectionSpecValidator.problems(server().tls(disabledWithFiles).build(), EndpointKind.SERVER, INSTALLED));
        var broken = new TlsSettings(TlsMode.VERIFY_FULL, missing, null, ca, SecretString.empty());
        assertEquals(List.of("The TLS CA certificate does not exist or is not a file: " + missing,
                "A TLS client key is set without its client certificate"),
                ConnectionSpecValidator.problems(server().tls(broken).build(), EndpointKind.SERVER, INSTALLED));
        var fine = new TlsSettings(TlsMode.VERIFY_CA, ca, null, null, SecretString.empty());
        assertEquals(List.of(), ConnectionSpecValidator.problems(server().tls(fine).build(), EndpointKind.SERVER, INSTALLED));
    }

    @Test
    void checksInlineMaterialByItsFormWithoutQuotingIt() {
        var pem = new TlsMaterial.Inline(SecretString.of("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"));
        var base64 = new TlsMaterial.Inline(SecretString.of("MIIK\nAgEDMIIJ\n"));
        var junk = new TlsMaterial.Inline(SecretString.of("not-a-cert!"));
        var empty = new TlsMaterial.Inline(SecretString.empty());
        assertEquals(List.of(), ConnectionSpecValidator.problems(server().tls(TlsSettings.of(TlsMode.VERIFY_FULL, pem,
                base64, null, SecretString.of("pw"))).build(), EndpointKind.SERVER, INSTALLED));
        var problems = ConnectionSpecValidator.problems(server().tls(TlsSettings.of(TlsMode.VERIFY_FULL, junk, empty,
                null, SecretString.empty())).build(), EndpointKind.SERVER, INSTALLED);
        assertEquals(List.of(
                "The TLS CA certificate held in the vault is empty or neither PEM nor base64: import it again",
                "The TLS client certificate held in the vault is empty or neither PEM nor base64: import it again"),
                problems);
        assertEquals(List.of("TLS certificate files are set but TLS is disabled: choose a TLS mode or remove the files"),
                ConnectionSpecValidator.problems(server().tls(TlsSettings.of(TlsMode.DISABLE, pem, null, null,
                        SecretString.empty())).build(), EndpointKind.SERVER, INSTALLED));
    }

    @Test
    void inlineMaterialNeverPrintsAndCodeThatOnlyKnowsFilesIsStopped() {
        String secretPem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n";
        var tls = TlsSettings.of(TlsMode.VERIFY_CA, TlsMaterial.file(Path.of("ca.pem")),
                new TlsMaterial.Inline(SecretString.of("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----")),
                new TlsMaterial.Inline(SecretString.of(secretPem)), SecretString.of("key-password"));
        String printed = server().tls(tls).build().toString();
        assertFalse(printed.contains("MII") || printed.contains("BEGIN") || printed.contains("key-password"), printed);
        assertTrue(printed.contains("ca.pem") && printed.contains("(held in the vault)"), printed);
        assertEquals(Path.of("ca.pem"), tls.caCertificate());
        var refused = assertThrows(IllegalStateException.class, tls::clientKey);
        assertFalse(refused.getMessage().contains("MII"), refused.getMessage());
        assertTrue(tls.holdsInlineMaterial());
        assertFalse(new TlsSettings(TlsMode.VERIFY_CA, Path.of("ca.pem"), null, null, SecretString.empty())
                .holdsInlineMaterial());
    }

    @Test
    void inlineMaterialDecodesPemAsTextAndBinaryAsBase64() throws Exception {
        byte[] binary = { 0x30, (byte) 0x82, 0x01, 0x00, (byte) 0xff };
        var inline = TlsMaterial.Inline.of(binary);
        assertArrayEquals(binary, inline.read());
        byte[] pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(pem, TlsMaterial.Inline.of(pem).read());
        assertEquals(TlsMaterial.Inline.of(pem), TlsMaterial.Inline.of(pem.clone()));
        var broken = assertThrows(java.io.IOException.class,
                () -> new TlsMaterial.Inline(SecretString.of("secret-ish text")).read());
        assertFalse(broken.getMessage().contains("secret-ish"));
    }

    @Test
    void checksEverySshHop(@TempDir Path directory) throws Exception {
        Path key = Files.writeString(directory.resolve("id_ed25519"), "key");
        var jump = new SshHop("bastion.example", 22, "ops", new SshAuth.PrivateKey(key, SecretString.empty()));
        var target = new SshHop("db host", 70_000, "o ps", new SshAuth.PrivateKey(directory.resolve("nokey"), SecretString.empty()));
        var ssh = new SshSettings(List.of(jump, target), HostKeyPolicy.STRICT, null, false, Duration.ZERO);
        assertEquals(List.of("SSH hop 2 'db host' contains white space",
                "SSH hop 2: the port 70000 is out of range: use 1 to 65535, or 0 for the default",
                "SSH hop 2: the user 'o ps' contains white space",
                "SSH hop 2: the private key file does not exist or is not a file: " + directory.resolve("nokey")),
                ConnectionSpecValidator.problems(server().ssh(ssh).build(), EndpointKind.SERVER, INSTALLED));

        var single = new SshSettings(List.of(new SshHop("bastion", 0, "", new SshAuth.Password(SecretString.empty()))),
                HostKeyPolicy.ASK, directory.resolve("nodir").resolve("known_hosts"), false, Duration.ZERO);
        assertEquals(List.of("The SSH host: the user is empty (or let ~/.ssh/config provide it)",
                "The SSH host: password authentication needs a password",
                "The folder of the known_hosts file does not exist: " + directory.resolve("nodir").resolve("known_hosts")),
                ConnectionSpecValidator.problems(server().ssh(single).build(), EndpointKind.SERVER, INSTALLED));
        assertEquals(List.of(), ConnectionSpecValidator.problems(server().ssh(new SshSettings(List.of(jump),
                HostKeyPolicy.STRICT, null, false, Duration.ZERO)).build(), EndpointKind.SERVER, INSTALLED));
    }

    @Test
    void secretsDoNotHideInOptions() {
        var problems = ConnectionSpecValidator.problems(server().options(Map.of("sslpassword", "x", "ApplicationName", "a"))
                .build(), EndpointKind.SERVER, INSTALLED);
        assertEquals(List.of("The option 'sslpassword' looks like a secret: use the password or TLS key password fields,"
                + " which are kept as secrets"), problems);
    }

    @Test
    void theSpecNeverPrintsThePassword() {
        assertTrue(!server().build().toString().contains("pw,"), "password leaked");
        assertTrue(server().build().toString().contains("******"));
    }
}
