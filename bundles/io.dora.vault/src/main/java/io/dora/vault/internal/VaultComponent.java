package io.dora.vault.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import io.dora.vault.Vault;
import io.dora.vault.VaultConfig;

/**
 * The {@link Vault} service of the workbench and the headless applications: the user's vault file
 * ({@code ~/.dora/vault.dora}, or the system property {@value VaultConfig#FILE_PROPERTY}), unless the
 * configuration {@code io.dora.vault} names another.
 */
@Component(service = Vault.class, configurationPid = "io.dora.vault")
public final class VaultComponent extends FileVault {

    /** The component's configuration properties. */
    public @interface Config {
        /** The vault file; empty for the default. */
        String file() default "";

        /** Minutes without use after which the vault locks itself; 0 turns auto-lock off. */
        long autoLockMinutes() default 15;
    }

    @Activate
    public VaultComponent(Config config) {
        super(toVaultConfig(config));
    }

    static VaultConfig toVaultConfig(Config config) {
        VaultConfig vaultConfig = VaultConfig.defaults().withAutoLockAfter(Duration.ofMinutes(config.autoLockMinutes()));
        return config.file().isBlank() ? vaultConfig : vaultConfig.withFile(Path.of(config.file()));
    }

    @Deactivate
    void deactivate() {
        lock();
    }
}
