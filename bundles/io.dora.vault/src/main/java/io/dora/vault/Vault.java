package io.dora.vault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.dora.core.secret.SecretString;

/**
 * The user's encrypted credential store: one file holding connection metadata and secrets, encrypted with
 * a key derived from a master password (format and protocol in docs/vault.md).
 *
 * <p>Several processes (workbenches on different workspaces, the CLI) may use the same file at once:
 * every write re-reads the latest file under an exclusive file lock and applies only its own change, and
 * reads reload the file when another process changed it.
 *
 * <p>Reading or writing entries needs an unlocked vault and fails with {@link VaultLockedException}
 * otherwise. Every call on an unlocked vault counts as activity for the auto-lock. Entries handed out are
 * copies whose secrets the caller owns (and should destroy when done).
 */
public interface Vault {

    /** The vault file. */
    Path file();

    /** Whether the vault file exists (else {@link #create} comes first). */
    boolean exists();

    /** Creates a new, empty vault protected by the master password, and leaves it unlocked. */
    void create(SecretString masterPassword);

    /**
     * Derives the key from the master password and decrypts the vault.
     *
     * @throws WrongMasterPasswordException when the password does not open this vault
     * @throws VaultCorruptedException      when the file is damaged or was tampered with
     */
    void unlock(SecretString masterPassword);

    /** Forgets the key and wipes the decrypted secrets from memory. Locking a locked vault does nothing. */
    void lock();

    boolean isLocked();

    /**
     * Re-encrypts the vault under a key derived from the new password with a fresh salt, atomically. Works on
     * a locked or unlocked vault; an unlocked vault stays unlocked under the new key.
     *
     * @throws WrongMasterPasswordException when {@code current} is not the master password
     */
    void changeMasterPassword(SecretString current, SecretString replacement);

    Optional<VaultEntry> get(String kind, String id);

    /** The entries of one kind, sorted by id. */
    List<VaultEntry> list(String kind);

    /** All entries, sorted by kind and id. */
    List<VaultEntry> list();

    /** Adds the entry, or replaces the entry of the same kind and id. The vault keeps its own copy. */
    void put(VaultEntry entry);

    /** Removes the entry; {@code false} when there was none. */
    boolean remove(String kind, String id);

    /** Changes the idle time after which the vault locks itself; {@link Duration#ZERO} turns auto-lock off. */
    void setAutoLockAfter(Duration idle);

    /** Registers a listener; closing the returned handle removes it. */
    AutoCloseable addListener(VaultListener listener);
}
