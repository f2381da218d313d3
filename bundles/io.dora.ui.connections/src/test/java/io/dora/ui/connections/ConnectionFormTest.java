package io.dora.ui.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.dora.core.connection.ConnectionProfile;
import io.dora.core.connection.ConnectionSpec;
import io.dora.core.connection.ConnectionSpecValidator;
import io.dora.core.connection.EndpointKind;
import io.dora.core.connection.Environment;
import io.dora.core.error.InvalidInputException;
import io.dora.core.net.HostKeyPolicy;
import io.dora.core.net.SshAuth;
import io.dora.core.net.SshHop;
import io.dora.core.net.TlsMode;
import io.dora.ui.connections.ConnectionForm.SshAuthKind;

class ConnectionFormTest {

    private static ConnectionForm postgresForm() {
        ConnectionForm form = ConnectionForm.blank("postgres", Environment.PRODUCTION);
        form.id = "billing";
        form.name = "Billing";
        form.folder = " Team / Billing ";
        form.host = "db.example.org";
        form.port = "5433";
        form.database = "billing";
        form.user = "app";
        form.password = "s3cret".toCharArray();
        form.readOnly = true;
        form.options = "ApplicationName=dora\n\n connectTimeout = 5 ";
        return form;
    }

    @Test
    void mapsEveryFieldToTheTypedSpec() {
        ConnectionProfile profile = postgresForm().toProfile();
        ConnectionSpec spec = profile.spec();
        assertEquals("Team/Billing", profile.folder());
        assertEquals("billing", spec.id());
        assertEquals("postgres", spec.driverId());
        assertEquals("db.example.org", spec.host());
        assertEquals(5433, spec.port());
        assertEquals("s3cret", spec.password().revealAsString());
        assertEquals(Environment.PRODUCTION, spec.environment());
        assertTrue(spec.readOnly());
        assertEquals(Map.of("ApplicationName", "dora", "connectTimeout", "5"), spec.options());
        assertTrue(spec.sshRoute().isEmpty());
        assertEquals(TlsMode.DISABLE, spec.tls().mode());
    }

    @Test
    void aSavedProfileComesBackUnchanged() {
        ConnectionForm form = postgresForm();
        form.sshEnabled = true;
        form.sshHops = "jump@bastion:2222\nops@[fe80::1]";
        form.sshAuth = SshAuthKind.KEY_FILE;
        form.sshKeyFile = "/keys/id_ed25519";
        form.sshPassphrase = "phrase".toCharArray();
        form.hostKeyPolicy = HostKeyPolicy.STRICT;
        form.tlsMode = TlsMode.VERIFY_FULL;
        form.tlsCaCertificate = "/tls/ca.pem";
        ConnectionProfile profile = form.toProfile();

        List<SshHop> hops = profile.spec().ssh().hops();
        assertEquals(new SshHop("bastion", 2222, "jump", hops.get(0).auth()), hops.get(0));
        assertEquals("fe80::1", hops.get(1).host());
        assertEquals(22, hops.get(1).port());
        SshAuth.PrivateKey key = assertInstanceOf(SshAuth.PrivateKey.class, hops.get(1).auth());
        assertEquals(Path.of("/keys/id_ed25519"), key.keyFile());
        assertEquals(Path.of("/tls/ca.pem"), profile.spec().tls().caCertificate());

        ConnectionForm again = ConnectionForm.of(profile);
        assertEquals("Team/Billing", again.folder);
        assertEquals("jump@bastion:2222\nops@[fe80::1]", again.sshHops);
        assertEquals(SshAuthKind.KEY_FILE, again.sshAuth);
        assertEquals("phrase", new String(again.sshPassphrase));
        assertEquals("5433", again.port);
        assertEquals(profile.spec(), again.toProfile().spec());
    }

    @Test
    void namesEveryFieldThatCannotBeRead() {
        ConnectionForm form = postgresForm();
        form.port = "54x";
        form.options = "ApplicationName";
        form.sshEnabled = true;
        form.sshHops = "bastion\nnot a hop";
        form.sshAuth = SshAuthKind.KEY_FILE;
        InvalidInputException e = assertThrows(InvalidInputException.class, form::toProfile);
        assertEquals(List.of("The port '54x' is not a number",
                "Driver option line 1 is not name=value",
                "SSH hop 1 'bastion' names no user (user@host)",
                "SSH hop 2 'not a hop' is not user@host[:port]",
                "SSH key authentication needs a private key file"), e.problems());
    }

    @Test
    void theCoreValidatorJudgesWhatTheFormProduces() {
        ConnectionForm sqlite = ConnectionForm.blank("sqlite", Environment.DEVELOPMENT);
        sqlite.id = "local";
        sqlite.name = "Local";
        ConnectionSpec spec = sqlite.toProfile().spec();
        assertEquals(List.of("The database file is empty"),
                ConnectionSpecValidator.problems(spec, EndpointKind.FILE, List.of("sqlite")));
        sqlite.database = "/tmp/local.db";
        sqlite.options = "password=oops";
        List<String> problems = ConnectionSpecValidator.problems(sqlite.toProfile().spec(), EndpointKind.FILE,
                List.of("sqlite"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("looks like a secret"), problems.get(0));
    }

    @Test
    void sshIsOffUnlessTicked() {
        ConnectionForm form = postgresForm();
        form.sshHops = "ops@bastion";
        assertNull(form.toProfile().spec().ssh());
        assertFalse(ConnectionForm.of(form.toProfile()).sshEnabled);
    }

    @Test
    void newIdsComeFromTheNameAndAreUnique() {
        assertEquals("billing-eu-prod", ConnectionForm.newId("Billing (EU) prod", Set.of()));
        assertEquals("cafe-2", ConnectionForm.newId("Café", Set.of("cafe")));
        assertEquals("connection", ConnectionForm.newId("???", Set.of()));
    }
}
