package io.dora.vault;

/**
 * Told of lock state and content changes, on the thread that caused them (the auto-lock timer's for idle
 * locks) and after the vault released its own lock, so a listener may call the vault back.
 */
@FunctionalInterface
public interface VaultListener {

    void vaultChanged(VaultEvent event);
}
