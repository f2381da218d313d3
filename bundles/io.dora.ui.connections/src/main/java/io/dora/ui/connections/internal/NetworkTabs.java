package io.dora.ui.connections.internal;

import java.util.Arrays;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;

import io.dora.core.net.HostKeyPolicy;
import io.dora.core.net.TlsMode;
import io.dora.ui.connections.ConnectionForm;
import io.dora.ui.connections.ConnectionForm.SshAuthKind;

/** The SSH and TLS tabs of the connection dialog, shared by every driver; they fill the typed net settings. */
final class NetworkTabs {

    private Button sshEnabled;
    private Text hops;
    private Combo auth;
    private Text sshPassword;
    private Text keyFile;
    private Text passphrase;
    private Combo hostKeyPolicy;

    private Combo tlsMode;
    private Text caCertificate;
    private Text clientCertificate;
    private Text clientKey;
    private Text keyPassword;

    Control createSsh(Composite parent, Runnable changed) {
        Fields fields = new Fields(parent, changed);
        sshEnabled = fields.check("Connect through an SSH t&unnel");
        hops = fields.multiLine("&Route:", 3);
        hops.setMessage("user@host[:port], one hop a line; the last is next to the database");
        auth = fields.combo("&Authentication:", "Password", "Key file", "SSH agent");
        sshPassword = fields.password("SSH pass&word:");
        keyFile = fields.file("Private &key file:", false);
        passphrase = fields.password("Key pass&phrase:");
        hostKeyPolicy = fields.combo("&Host keys:", "Strict (known_hosts only)", "Accept new, refuse changed",
                "Ask for unknown keys");
        return fields.control();
    }

    Control createTls(Composite parent, Runnable changed) {
        Fields fields = new Fields(parent, changed);
        tlsMode = fields.combo("&Mode:", Arrays.stream(TlsMode.values()).map(Enum::name).toArray(String[]::new));
        caCertificate = fields.file("&CA certificate:", false);
        clientCertificate = fields.file("Client c&ertificate:", false);
        clientKey = fields.file("Client &key:", false);
        keyPassword = fields.password("Key pass&word:");
        return fields.control();
    }

    void load(ConnectionForm form) {
        sshEnabled.setSelection(form.sshEnabled);
        hops.setText(form.sshHops);
        auth.select(form.sshAuth.ordinal());
        sshPassword.setTextChars(form.sshPassword);
        keyFile.setText(form.sshKeyFile);
        passphrase.setTextChars(form.sshPassphrase);
        hostKeyPolicy.select(form.hostKeyPolicy.ordinal());
        tlsMode.select(form.tlsMode.ordinal());
        caCertificate.setText(form.tlsCaCertificate);
        clientCertificate.setText(form.tlsClientCertificate);
        clientKey.setText(form.tlsClientKey);
        keyPassword.setTextChars(form.tlsKeyPassword);
        heldInVaultHint(caCertificate, form.holdsInVault("ca"));
        heldInVaultHint(clientCertificate, form.holdsInVault("certificate"));
        heldInVaultHint(clientKey, form.holdsInVault("key"));
    }

    /** An empty path field over material imported into the vault says so; typing a path replaces it. */
    private static void heldInVaultHint(Text field, boolean held) {
        if (held) {
            field.setMessage("(held in the vault; type a path to replace it)");
        }
    }

    void store(ConnectionForm form) {
        form.sshEnabled = sshEnabled.getSelection();
        form.sshHops = hops.getText();
        form.sshAuth = SshAuthKind.values()[Math.max(0, auth.getSelectionIndex())];
        form.sshPassword = Fields.chars(sshPassword);
        form.sshKeyFile = keyFile.getText();
        form.sshPassphrase = Fields.chars(passphrase);
        form.hostKeyPolicy = HostKeyPolicy.values()[Math.max(0, hostKeyPolicy.getSelectionIndex())];
        form.tlsMode = TlsMode.values()[Math.max(0, tlsMode.getSelectionIndex())];
        form.tlsCaCertificate = caCertificate.getText();
        form.tlsClientCertificate = clientCertificate.getText();
        form.tlsClientKey = clientKey.getText();
        form.tlsKeyPassword = Fields.chars(keyPassword);
        boolean ssh = form.sshEnabled;
        for (Control control : new Control[] { hops, auth, hostKeyPolicy }) {
            control.setEnabled(ssh);
        }
        sshPassword.setEnabled(ssh && form.sshAuth == SshAuthKind.PASSWORD);
        keyFile.setEnabled(ssh && form.sshAuth == SshAuthKind.KEY_FILE);
        passphrase.setEnabled(ssh && form.sshAuth == SshAuthKind.KEY_FILE);
        boolean tls = form.tlsMode != TlsMode.DISABLE;
        for (Control control : new Control[] { caCertificate, clientCertificate, clientKey, keyPassword }) {
            control.setEnabled(tls);
        }
    }
}
