package io.dora.vault;

/** What a {@link VaultListener} is told. */
public enum VaultEvent {
    /** The vault was created or unlocked with the master password. */
    UNLOCKED,
    /** The vault was locked: by a call, after being idle, or because another process changed the master password. */
    LOCKED,
    /** Entries changed: by this vault, or by another process (seen when the vault reloads the file). */
    CONTENT_CHANGED
}
