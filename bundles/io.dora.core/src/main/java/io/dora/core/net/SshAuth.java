package io.dora.core.net;

import java.nio.file.Path;
import java.util.Objects;

import io.dora.core.secret.SecretString;

/** How to log in to one SSH host. Secrets come from the vault and never print. */
public sealed interface SshAuth {

    record Password(SecretString password) implements SshAuth {
        public Password {
            Objects.requireNonNull(password, "password");
        }
    }

    /** A private key file (OpenSSH, PEM; RSA, ECDSA, ed25519); the passphrase is empty when there is none. */
    record PrivateKey(Path keyFile, SecretString passphrase) implements SshAuth {
        public PrivateKey {
            Objects.requireNonNull(keyFile, "keyFile");
            Objects.requireNonNull(passphrase, "passphrase");
        }
    }

    /** The keys of the running ssh-agent ({@code SSH_AUTH_SOCK}). */
    record Agent() implements SshAuth {
    }

    /** Keyboard-interactive: the answer given to the server's prompts (usually a password or a one-time code). */
    record KeyboardInteractive(SecretString response) implements SshAuth {
        public KeyboardInteractive {
            Objects.requireNonNull(response, "response");
        }
    }

    /** Whatever {@code ~/.ssh/config} and the agent provide for this host (IdentityFile, agent keys). */
    record FromSshConfig() implements SshAuth {
    }
}
