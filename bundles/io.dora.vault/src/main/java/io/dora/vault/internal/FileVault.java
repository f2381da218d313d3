package io.dora.vault.internal;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dora.core.secret.SecretString;
import io.dora.vault.KdfParameters;
import io.dora.vault.Vault;
import io.dora.vault.VaultConfig;
import io.dora.vault.VaultCorruptedException;
import io.dora.vault.VaultEntry;
import io.dora.vault.VaultEvent;
import io.dora.vault.VaultException;
import io.dora.vault.VaultListener;
import io.dora.vault.VaultLockedException;
import io.dora.vault.WrongMasterPasswordException;
import io.dora.vault.internal.format.PayloadCodec;
import io.dora.vault.internal.format.VaultCipher;
import io.dora.vault.internal.format.VaultHeader;
import io.dora.vault.internal.format.VaultKey;
import io.dora.vault.internal.store.FileReplacer;
import io.dora.vault.internal.store.FileStamp;
import io.dora.vault.internal.store.VaultFileStore;

/**
 * The {@link Vault} on one encrypted file. While unlocked it keeps the derived key and the decrypted
 * entries; every write goes through {@link VaultFileStore#update}, re-reading the latest file so that
 * concurrent writers in other processes never lose each other's changes.
 *
 * <p>All state is guarded by one monitor. Listeners are called after it is released, so a listener that
 * waits for another thread using the vault cannot deadlock.
 */
public class FileVault implements Vault {

    private static final Logger LOG = LoggerFactory.getLogger(FileVault.class);
    private static final Comparator<EntryKey> ENTRY_ORDER = Comparator.comparing(EntryKey::kind).thenComparing(EntryKey::id);

    private record EntryKey(String kind, String id) {
        static EntryKey of(VaultEntry entry) {
            return new EntryKey(entry.kind(), entry.id());
        }
    }

    private final VaultFileStore store;
    private final KdfParameters newKeyKdf;
    private final LongSupplier nanoTime;
    private final IdleLockTimer idleTimer = new IdleLockTimer(this::lockIfIdle);
    private final List<VaultListener> listeners = new CopyOnWriteArrayList<>();

    private final Object state = new Object();
    /** Guarded by {@link #state}; {@code null} while locked, like {@link #entries} and {@link #loadedStamp}. */
    private VaultKey key;
    private Map<EntryKey, VaultEntry> entries;
    private FileStamp loadedStamp;
    private Duration autoLockAfter;
    private long lastActivity;
    private final List<VaultEvent> pendingEvents = new ArrayList<>();

    public FileVault(VaultConfig config) {
        this(config, FileReplacer.ATOMIC_RENAME, System::nanoTime);
    }

    /** With the seams the tests need: the last step of a write, and the clock of the idle check. */
    FileVault(VaultConfig config, FileReplacer replacer, LongSupplier nanoTime) {
        this.store = new VaultFileStore(config.file(), replacer);
        this.newKeyKdf = config.kdf();
        this.autoLockAfter = config.autoLockAfter();
        this.nanoTime = nanoTime;
    }

    @Override
    public Path file() {
        return store.file();
    }

    @Override
    public boolean exists() {
        return store.exists();
    }

    @Override
    public boolean isLocked() {
        synchronized (state) {
            return key == null;
        }
    }

    @Override
    public void create(SecretString masterPassword) {
        inState(() -> {
            VaultKey newKey = VaultKey.deriveNew(masterPassword, newKeyKdf);
            try {
                FileStamp stamp = store.update(current -> {
                    if (current != null) {
                        throw new VaultException("A vault already exists at " + file() + ": unlock it, or move it away to start afresh");
                    }
                    return encrypt(newKey, List.of());
                });
                becomeUnlocked(newKey, new TreeMap<>(ENTRY_ORDER), stamp);
                LOG.info("Created the vault {}", file());
            } catch (IOException | RuntimeException e) {
                newKey.destroy();
                throw failure("create", e);
            }
        });
    }

    @Override
    public void unlock(SecretString masterPassword) {
        inState(() -> {
            VaultFileStore.Snapshot snapshot = readFile();
            VaultHeader header = VaultHeader.decode(snapshot.content(), source());
            VaultKey candidate = VaultKey.deriveFor(masterPassword, header);
            try {
                becomeUnlocked(candidate, open(candidate, header, snapshot.content()), snapshot.stamp());
            } catch (RuntimeException e) {
                candidate.destroy();
                throw e;
            }
            LOG.info("Unlocked the vault {}", file());
        });
    }

    @Override
    public void lock() {
        inState(() -> lockNow("on request"));
    }

    @Override
    public void changeMasterPassword(SecretString current, SecretString replacement) {
        inState(() -> {
            VaultKey newKey = VaultKey.deriveNew(replacement, newKeyKdf);
            var reEncrypted = new AtomicReference<Map<EntryKey, VaultEntry>>();
            try {
                FileStamp stamp = store.update(content -> {
                    if (content == null) {
                        throw missingFile();
                    }
                    VaultHeader header = VaultHeader.decode(content, source());
                    try (VaultKey oldKey = VaultKey.deriveFor(current, header)) {
                        reEncrypted.set(open(oldKey, header, content));
                    }
                    return encrypt(newKey, reEncrypted.get().values());
                });
                if (key == null) {
                    newKey.destroy();
                    destroySecrets(reEncrypted.getAndSet(null));
                } else {
                    key.destroy();
                    key = newKey;
                    adopt(reEncrypted.getAndSet(null), stamp);
                }
                LOG.info("Changed the master password of the vault {}", file());
            } catch (IOException | RuntimeException e) {
                newKey.destroy();
                destroySecrets(reEncrypted.get());
                throw failure("re-encrypt", e);
            }
        });
    }

    @Override
    public Optional<VaultEntry> get(String kind, String id) {
        return inState(() -> Optional.ofNullable(currentEntries().get(new EntryKey(kind, id))).map(VaultEntry::copy));
    }

    @Override
    public List<VaultEntry> list(String kind) {
        return inState(() -> currentEntries().values().stream().filter(entry -> entry.kind().equals(kind)).map(VaultEntry::copy).toList());
    }

    @Override
    public List<VaultEntry> list() {
        return inState(() -> currentEntries().values().stream().map(VaultEntry::copy).toList());
    }

    @Override
    public void put(VaultEntry entry) {
        VaultEntry stored = entry.copy();
        try {
            modify("store " + entry.kind() + "/" + entry.id(), latest -> {
                VaultEntry replaced = latest.put(EntryKey.of(stored), stored);
                if (replaced != null) {
                    replaced.destroySecrets();
                }
                return true;
            });
        } catch (RuntimeException e) {
            stored.destroySecrets();
            throw e;
        }
    }

    @Override
    public boolean remove(String kind, String id) {
        return modify("remove " + kind + "/" + id, latest -> {
            VaultEntry removed = latest.remove(new EntryKey(kind, id));
            if (removed == null) {
                return false;
            }
            removed.destroySecrets();
            return true;
        });
    }

    @Override
    public void setAutoLockAfter(Duration idle) {
        if (idle == null || idle.isNegative()) {
            throw new IllegalArgumentException("The auto-lock time must be zero or positive: " + idle);
        }
        inState(() -> {
            autoLockAfter = idle;
            if (key != null) {
                touch();
                idleTimer.start(idle);
            }
        });
    }

    @Override
    public AutoCloseable addListener(VaultListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    /** The auto-lock check, run by the timer (and by the tests with their own clock). */
    void lockIfIdle() {
        try {
            inState(() -> {
                if (key != null && !autoLockAfter.isZero() && nanoTime.getAsLong() - lastActivity >= autoLockAfter.toNanos()) {
                    lockNow("idle for " + autoLockAfter);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("The auto-lock check of the vault {} failed", file(), e);
        }
    }

    /**
     * Applies one change to the latest content of the file, under the cross-process write lock.
     *
     * @param change edits the entries, answers whether it changed anything (else nothing is written)
     */
    private boolean modify(String description, Predicate<Map<EntryKey, VaultEntry>> change) {
        return inState(() -> {
            currentEntries();
            var latest = new AtomicReference<Map<EntryKey, VaultEntry>>();
            var changed = new boolean[1];
            try {
                FileStamp stamp = store.update(content -> {
                    if (content == null) {
                        throw missingFile();
                    }
                    latest.set(openWithCurrentKey(content));
                    changed[0] = change.test(latest.get());
                    return changed[0] ? encrypt(key, latest.get().values()) : null;
                });
                adopt(latest.getAndSet(null), stamp);
                if (changed[0]) {
                    pendingEvents.add(VaultEvent.CONTENT_CHANGED);
                    LOG.debug("Vault {}: {}", file(), description);
                }
                return changed[0];
            } catch (IOException | RuntimeException e) {
                destroySecrets(latest.get());
                throw failure(description + " in", e);
            }
        });
    }

    /** The entries, reloaded first when another process changed the file; counts as activity. */
    private Map<EntryKey, VaultEntry> currentEntries() {
        requireUnlocked();
        touch();
        try {
            FileStamp now = store.stamp();
            if (now == null) {
                throw missingFile();
            }
            if (!now.equals(loadedStamp)) {
                VaultFileStore.Snapshot snapshot = readFile();
                adopt(openWithCurrentKey(snapshot.content()), snapshot.stamp());
                pendingEvents.add(VaultEvent.CONTENT_CHANGED);
                LOG.debug("Reloaded the vault {}, changed by another process", file());
            }
            return entries;
        } catch (IOException e) {
            throw failure("read", e);
        }
    }

    /** Decrypts the file with the key this vault holds, which another process may have made obsolete. */
    private Map<EntryKey, VaultEntry> openWithCurrentKey(byte[] content) {
        VaultHeader header = VaultHeader.decode(content, source());
        if (!key.derivedLike(header)) {
            lockNow("master password changed by another process");
            throw new VaultLockedException("The master password of the vault " + file()
                    + " was changed by another Dora process: unlock the vault with the new password");
        }
        if (!key.checks(header)) {
            throw new VaultCorruptedException(source() + " was tampered with: its key-check value does not belong to its salt");
        }
        return decrypt(key, header, content);
    }

    /** Checks the key against the header, then decrypts: a wrong key is a wrong password, a bad tag is damage. */
    private Map<EntryKey, VaultEntry> open(VaultKey candidate, VaultHeader header, byte[] content) {
        if (!candidate.checks(header)) {
            throw new WrongMasterPasswordException("The master password does not open the vault " + file());
        }
        return decrypt(candidate, header, content);
    }

    private Map<EntryKey, VaultEntry> decrypt(VaultKey withKey, VaultHeader header, byte[] content) {
        byte[] payload = VaultCipher.open(withKey, header, content, source());
        try {
            Map<EntryKey, VaultEntry> decrypted = new TreeMap<>(ENTRY_ORDER);
            for (VaultEntry entry : PayloadCodec.read(payload, source())) {
                decrypted.put(EntryKey.of(entry), entry);
            }
            return decrypted;
        } finally {
            Arrays.fill(payload, (byte) 0);
        }
    }

    private static byte[] encrypt(VaultKey withKey, Collection<VaultEntry> content) {
        byte[] payload = PayloadCodec.write(content);
        try {
            return VaultCipher.seal(withKey, payload);
        } finally {
            Arrays.fill(payload, (byte) 0);
        }
    }

    private void becomeUnlocked(VaultKey newKey, Map<EntryKey, VaultEntry> newEntries, FileStamp stamp) {
        if (key != null) {
            key.destroy();
        }
        key = newKey;
        adopt(newEntries, stamp);
        touch();
        idleTimer.start(autoLockAfter);
        pendingEvents.add(VaultEvent.UNLOCKED);
    }

    private void adopt(Map<EntryKey, VaultEntry> newEntries, FileStamp stamp) {
        destroySecrets(entries);
        entries = newEntries;
        loadedStamp = stamp;
    }

    private void lockNow(String reason) {
        if (key == null) {
            return;
        }
        idleTimer.stop();
        key.destroy();
        key = null;
        destroySecrets(entries);
        entries = null;
        loadedStamp = null;
        pendingEvents.add(VaultEvent.LOCKED);
        LOG.info("Locked the vault {} ({})", file(), reason);
    }

    private void requireUnlocked() {
        if (key == null) {
            throw new VaultLockedException("The vault " + file() + " is locked: unlock it with the master password");
        }
    }

    private void touch() {
        lastActivity = nanoTime.getAsLong();
    }

    private VaultFileStore.Snapshot readFile() {
        try {
            return store.read();
        } catch (NoSuchFileException e) {
            throw missingFile();
        } catch (IOException e) {
            throw failure("read", e);
        }
    }

    private VaultException missingFile() {
        return new VaultException("There is no vault at " + file() + ": create one first");
    }

    /** Runtime exceptions (vault exceptions among them) pass unchanged; I/O failures say what was being done. */
    private RuntimeException failure(String action, Exception e) {
        return e instanceof RuntimeException runtimeException ? runtimeException
                : new VaultException("Cannot " + action + " the vault " + file() + ": " + e, e);
    }

    private String source() {
        return "The vault file " + file();
    }

    private static void destroySecrets(Map<EntryKey, VaultEntry> toDestroy) {
        if (toDestroy != null) {
            toDestroy.values().forEach(VaultEntry::destroySecrets);
        }
    }

    private void inState(Runnable action) {
        inState(() -> {
            action.run();
            return null;
        });
    }

    /** Runs the action under the state monitor, then tells listeners what it queued, outside the monitor. */
    private <T> T inState(Supplier<T> action) {
        List<VaultEvent> toFire = List.of();
        try {
            synchronized (state) {
                try {
                    return action.get();
                } finally {
                    toFire = List.copyOf(pendingEvents);
                    pendingEvents.clear();
                }
            }
        } finally {
            fire(toFire);
        }
    }

    private void fire(List<VaultEvent> events) {
        for (VaultEvent event : events) {
            for (VaultListener listener : listeners) {
                try {
                    listener.vaultChanged(event);
                } catch (RuntimeException e) {
                    LOG.warn("A vault listener failed on {}", event, e);
                }
            }
        }
    }
}
