package io.dora.vault.internal;

import static io.dora.vault.internal.TestVaults.DB_PASSWORD;
import static io.dora.vault.internal.TestVaults.PASSWORD;
import static io.dora.vault.internal.TestVaults.config;
import static io.dora.vault.internal.TestVaults.connection;
import static io.dora.vault.internal.TestVaults.password;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dora.core.secret.SecretString;
import io.dora.vault.KdfParameters;
import io.dora.vault.Vault;
import io.dora.vault.VaultEntry;
import io.dora.vault.VaultEvent;
import io.dora.vault.VaultException;
import io.dora.vault.VaultLockedException;
import io.dora.vault.Vaults;
import io.dora.vault.WrongMasterPasswordException;
import io.dora.vault.internal.format.VaultHeader;
import io.dora.vault.internal.store.FileReplacer;

class FileVaultTest {

    @TempDir
    Path directory;

    @Test
    void roundTripsEntriesThroughLockAndUnlock() {
        Vault vault = Vaults.open(config(directory));
        assertFalse(vault.exists());
        vault.create(password());
        assertFalse(vault.isLocked());
        vault.put(connection("pg-prod"));
        vault.put(VaultEntry.builder("api-key", "openai").secret("key", SecretString.of("sk-123")).build());

        vault.lock();
        assertTrue(vault.isLocked());
        assertThrows(VaultLockedException.class, () -> vault.get("connection", "pg-prod"));
        assertThrows(VaultLockedException.class, () -> vault.put(connection("other")));

        vault.unlock(password());
        VaultEntry entry = vault.get("connection", "pg-prod").orElseThrow();
        assertEquals("db.internal.example", entry.attribute("host").orElseThrow());
        assertEquals("production", entry.attributes().get("environment"));
        assertEquals(DB_PASSWORD, entry.secret("password").orElseThrow().revealAsString());
        assertEquals("ssh-pg-prod", entry.secret("ssh-passphrase").orElseThrow().revealAsString());
        assertEquals(List.of("openai"), vault.list("api-key").stream().map(VaultEntry::id).toList());
        assertEquals(2, vault.list().size());

        Vault other = Vaults.open(config(directory));
        other.unlock(password());
        assertEquals("sk-123", other.get("api-key", "openai").orElseThrow().secret("key").orElseThrow().revealAsString());
    }

    @Test
    void opensWithTheDefaultKeyDerivation() {
        Vault vault = Vaults.open(config(directory).withKdf(KdfParameters.DEFAULT));
        vault.create(password());
        vault.put(connection("pg"));
        vault.lock();
        assertThrows(WrongMasterPasswordException.class, () -> vault.unlock(SecretString.of("wrong")));
        vault.unlock(password());
        assertTrue(vault.get("connection", "pg").isPresent());
    }

    @Test
    void encryptsAttributesAsWellAsSecrets() throws Exception {
        Vault vault = Vaults.open(config(directory));
        vault.create(password());
        vault.put(connection("pg-prod"));
        String raw = new String(Files.readAllBytes(vault.file()), StandardCharsets.ISO_8859_1);
        for (String clearText : List.of("db.internal.example", "pg-prod", "production", "connection", "s3cret", "password")) {
            assertFalse(raw.contains(clearText), clearText + " is in the file in clear");
        }
    }

    @Test
    void writesTheConfiguredKeyDerivationIntoTheHeader() throws Exception {
        KdfParameters kdf = new KdfParameters(128, 2, 2);
        Vault vault = Vaults.open(config(directory).withKdf(kdf));
        vault.create(password());
        assertEquals(kdf, VaultHeader.decode(Files.readAllBytes(vault.file()), "test").kdf());
    }

    @Test
    void handsOutCopiesTheCallerMayDestroy() {
        Vault vault = Vaults.open(config(directory));
        vault.create(password());
        VaultEntry written = connection("pg");
        vault.put(written);
        written.destroySecrets();
        VaultEntry read = vault.get("connection", "pg").orElseThrow();
        read.destroySecrets();
        assertEquals(DB_PASSWORD, vault.get("connection", "pg").orElseThrow().secret("password").orElseThrow().revealAsString());
    }

    @Test
    void replacesAndRemovesEntries() {
        Vault vault = Vaults.open(config(directory));
        vault.create(password());
        vault.put(connection("pg"));
        vault.put(VaultEntry.builder("connection", "pg").attribute("host", "elsewhere").build());
        VaultEntry replaced = vault.get("connection", "pg").orElseThrow();
        assertEquals("elsewhere", replaced.attribute("host").orElseThrow());
        assertTrue(replaced.secrets().isEmpty());
        assertTrue(vault.remove("connection", "pg"));
        assertFalse(vault.remove("connection", "pg"));
        assertTrue(vault.get("connection", "pg").isEmpty());
    }

    @Test
    void refusesAWrongMasterPasswordDistinctly() throws Exception {
        Vault vault = Vaults.open(config(directory));
        vault.create(password());
        vault.put(connection("pg"));
        vault.lock();
        byte[] before = Files.readAllBytes(vault.file());

        var error = assertThrows(WrongMasterPasswordException.class, () -> vault.unlock(SecretString.of("not the password")));
        assertTrue(error.getMessage().contains("master password does not open"), error.getMessage());
        assertFalse(error.getMessage().contains("not the password"));
        assertTrue(vault.isLocked());
        assertArrayEquals(before, Files.readAllBytes(vault.file()));
        vault.unlock(password());
    }

    @Test
    void createsOnlyOnceAndUnlocksOnlyAnExistingVault() {
        Vault vault = Vaults.open(config(directory));
        var missing = assertThrows(VaultException.class, () -> vault.unlock(password()));
        assertTrue(missing.getMessage().contains("There is no vault"), missing.getMessage());
        vault.create(password());
        Vault second = Vaults.open(config(directory));
        var exists = assertThrows(VaultException.class, () -> second.create(SecretString.of("another")));
        assertTrue(exists.getMessage().contains("already exists"), exists.getMessage());
        assertTrue(second.isLocked());
        second.unlock(password());
    }

    @Test
    void changesTheMasterPasswordKeepingTheData() throws Exception {
        Vault vault = Vaults.open(config(directory));
        vault.create(password());
        vault.put(connection("pg"));
        byte[] oldSalt = VaultHeader.decode(Files.readAllBytes(vault.file()), "test").salt();
        Vault otherProcess = Vaults.open(config(directory));
        otherProcess.unlock(password());
        var otherEvents = new CopyOnWriteArrayList<VaultEvent>();
        otherProcess.addListener(otherEvents::add);

        assertThrows(WrongMasterPasswordException.class, () -> vault.changeMasterPassword(SecretString.of("wrong"), SecretString.of("new")));
        vault.changeMasterPassword(password(), SecretString.of("new password"));
        assertFalse(vault.isLocked());
        assertEquals(DB_PASSWORD, vault.get("connection", "pg").orElseThrow().secret("password").orElseThrow().revealAsString());
        assertFalse(Arrays.equals(oldSalt, VaultHeader.decode(Files.readAllBytes(vault.file()), "test").salt()));

        // the holder of the old key notices on its next use, and locks rather than read or write with it
        var stale = assertThrows(VaultLockedException.class, () -> otherProcess.get("connection", "pg"));
        assertTrue(stale.getMessage().contains("changed by another Dora process"), stale.getMessage());
        assertTrue(otherProcess.isLocked());
        assertEquals(List.of(VaultEvent.LOCKED), otherEvents);

        vault.lock();
        assertThrows(WrongMasterPasswordException.class, () -> vault.unlock(password()));
        vault.unlock(SecretString.of("new password"));
        assertEquals("db.internal.example", vault.get("connection", "pg").orElseThrow().attribute("host").orElseThrow());
        vault.lock();
        vault.changeMasterPassword(SecretString.of("new password"), password());
        assertTrue(vault.isLocked(), "a locked vault stays locked");
        vault.unlock(password());
    }

    @Test
    void readsPickUpAnotherWritersChanges() {
        Vault first = Vaults.open(config(directory));
        first.create(password());
        Vault second = Vaults.open(config(directory));
        second.unlock(password());
        var events = new CopyOnWriteArrayList<VaultEvent>();
        first.addListener(events::add);

        second.put(connection("from-second"));
        assertTrue(first.get("connection", "from-second").isPresent());
        assertEquals(List.of(VaultEvent.CONTENT_CHANGED), events);
        first.put(connection("from-first"));
        assertEquals(2, second.list("connection").size());
    }

    @Test
    void tellsListenersOfLockStateAndContentChanges() throws Exception {
        Vault vault = Vaults.open(config(directory));
        var events = new CopyOnWriteArrayList<VaultEvent>();
        vault.addListener(event -> {
            throw new IllegalStateException("a broken listener must not stop the others");
        });
        AutoCloseable registration = vault.addListener(event -> {
            events.add(event);
            vault.isLocked(); // listeners may call back: the vault's monitor is released
        });

        vault.create(password());
        vault.put(connection("pg"));
        vault.remove("connection", "pg");
        vault.remove("connection", "pg");
        vault.lock();
        vault.lock();
        vault.unlock(password());
        registration.close();
        vault.lock();

        assertEquals(List.of(VaultEvent.UNLOCKED, VaultEvent.CONTENT_CHANGED, VaultEvent.CONTENT_CHANGED,
                VaultEvent.LOCKED, VaultEvent.UNLOCKED), events);
    }

    @Test
    void locksAfterIdleTimeAndActivityPostponesIt() {
        var clock = new AtomicLong();
        FileVault vault = new FileVault(config(directory).withAutoLockAfter(Duration.ofMinutes(10)),
                FileReplacer.ATOMIC_RENAME, clock::get);
        var events = new CopyOnWriteArrayList<VaultEvent>();
        vault.create(password());
        vault.addListener(events::add);

        clock.addAndGet(Duration.ofMinutes(9).toNanos());
        vault.lockIfIdle();
        vault.list();
        clock.addAndGet(Duration.ofMinutes(9).toNanos());
        vault.lockIfIdle();
        assertFalse(vault.isLocked(), "each use restarts the idle time");

        clock.addAndGet(Duration.ofMinutes(10).toNanos());
        vault.lockIfIdle();
        assertTrue(vault.isLocked());
        assertEquals(List.of(VaultEvent.LOCKED), events);
        assertThrows(VaultLockedException.class, vault::list);

        vault.setAutoLockAfter(Duration.ZERO);
        vault.unlock(password());
        clock.addAndGet(Duration.ofDays(1).toNanos());
        vault.lockIfIdle();
        assertFalse(vault.isLocked(), "zero turns auto-lock off");
    }

    @Test
    void theTimerLocksAnIdleVault() throws Exception {
        Vault vault = Vaults.open(config(directory).withAutoLockAfter(Duration.ofMillis(200)));
        var locked = new CountDownLatch(1);
        vault.addListener(event -> {
            if (event == VaultEvent.LOCKED) {
                locked.countDown();
            }
        });
        vault.create(password());
        assertTrue(locked.await(10, TimeUnit.SECONDS), "the vault did not lock itself");
        assertTrue(vault.isLocked());
    }

    @Test
    void keepsSecretsOutOfToStringAndMessages() {
        VaultEntry entry = connection("pg");
        assertEquals("VaultEntry[connection/pg, attributes=[environment, host, port], secrets=[password, ssh-passphrase]]", entry.toString());
        Vault vault = Vaults.open(config(directory));
        vault.create(password());
        vault.put(entry);
        vault.lock();
        List<Exception> errors = List.of(
                assertThrows(WrongMasterPasswordException.class, () -> vault.unlock(SecretString.of(DB_PASSWORD))),
                assertThrows(VaultLockedException.class, () -> vault.get("connection", "pg")),
                assertThrows(VaultException.class, () -> vault.create(SecretString.of(DB_PASSWORD))));
        for (Exception error : errors) {
            assertFalse(error.toString().contains(DB_PASSWORD), error.toString());
            assertFalse(error.toString().contains(PASSWORD), error.toString());
        }
        assertFalse(vault.toString().contains(PASSWORD));
    }
}
