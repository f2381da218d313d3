package io.dora.vault;

import io.dora.vault.internal.FileVault;

/**
 * Opens a vault outside OSGi (the headless CLI, tests). In the workbench, use the {@link Vault} service,
 * which is configured with the default file.
 */
public final class Vaults {

    private Vaults() {
    }

    /** A locked vault on the configured file; the file need not exist yet. */
    public static Vault open(VaultConfig config) {
        return new FileVault(config);
    }
}
