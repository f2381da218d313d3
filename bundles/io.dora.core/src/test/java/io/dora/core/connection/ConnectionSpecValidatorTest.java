package io.dora.core.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dora.core.error.ErrorKind;
import io.dora.core.error.InvalidInputException;
import io.dora.core.net.HostKeyPolicy;
import io.dora.core.net.SshAuth;
import io.dora.core.net.SshHop;
import io.dora.core.net.SshSettings;
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
    void badSshHopsAreNamedBeforeAnyNetworkCall() {
        var auth = new SshAuth.Password(SecretString.of("pw"));
        var ssh = new SshSettings(List.of(new SshHop("bastion", 22, "u", auth), new SshHop(" ", 70_000, "u", auth)),
                HostKeyPolicy.STRICT, null, false, Duration.ZERO);
        assertEquals(List.of("SSH hop 2 has no host",
                "SSH hop 2: the port 70000 is out of range: use 1 to 65535, or 0 for the ssh config's (else 22)"),
                ConnectionSpecValidator.problems(server().ssh(ssh).build(), EndpointKind.SERVER, INSTALLED));
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
    void theSpecNeverPrintsThePassword() {
        assertTrue(!server().build().toString().contains("pw,"), "password leaked");
        assertTrue(server().build().toString().contains("******"));
    }
}
